/**
 * Paths → corpus, for the library and the commands that load plans and nothing else (validate,
 * graph): the one corpus source (src/app/source/corpus-source.ts) without given plans. Load errors come
 * back as data.
 */
import type { CorpusResult } from '../../core/load/corpus.js';
import { DEFAULT_MAX_FILE_MB, type FsLike } from './files.js';
import { loadCorpus } from './corpus-source.js';

export interface LoadOptions {
  maxFileMb?: number;
  fs?: FsLike;
}

export async function loadCorpusFromPaths(paths: readonly string[], opts: LoadOptions = {}): Promise<CorpusResult> {
  const r = await loadCorpus({ paths, maxFileBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576, fs: opts.fs });
  return r.ok ? { ok: true, corpus: r.corpus } : r;
}
