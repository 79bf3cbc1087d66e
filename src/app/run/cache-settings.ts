/**
 * Where the cache is and the key sealing it, from the command's options and the environment:
 * none with --no-cache, or without a key to seal entries with (slower, never wrong: cache-secret.ts).
 */
import { defaultCacheDir, indexStore } from './cache.js';
import { cacheSecret } from './cache-secret.js';
import type { IndexStore } from '../source/corpus-index.js';
import type { RunCheckOptions } from './types.js';

type CacheOptions = Pick<RunCheckOptions, 'cache' | 'cacheDir' | 'env'>;

export function cacheOf(opts: CacheOptions): { cacheRoot: string | null; secret: Buffer | null } {
  const secret = opts.cache ? cacheSecret(opts.env) : null;
  return { cacheRoot: secret ? (opts.cacheDir ?? defaultCacheDir(opts.env)) : null, secret };
}

/** The corpus index of a command about some plans (diff, audit), kept in the same cache as the check's. */
export function corpusIndexStore(paths: readonly string[], opts: CacheOptions): IndexStore | undefined {
  const { cacheRoot, secret } = cacheOf(opts);
  return cacheRoot && secret ? indexStore(cacheRoot, paths, secret) : undefined;
}
