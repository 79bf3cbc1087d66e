/** The content hash of the cache's keys (sha1 of bytes or text): files are hashed from the bytes they are parsed from. */
import { createHash } from 'node:crypto';

export const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');
