/**
 * A document that cannot be imported, with a message a user can act on. Its own module so that
 * reading a .txt or .md document (read.ts) loads neither the PDF nor the Word reader (issue 19).
 */
import type { Said } from '../load/errors.js';

export class DocumentError extends Error {
  constructor(readonly file: string, message: string, readonly said?: Said) {
    super(message);
    this.name = 'DocumentError';
  }
}
