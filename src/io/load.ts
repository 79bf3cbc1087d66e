/**
 * Paths → corpus, the one call the CLI makes. Load errors come back as data.
 */
import { buildCorpus, sortErrors, type CorpusResult } from '../load/corpus.js';
import { DEFAULT_MAX_FILE_MB, listPlanFiles, readSources, type FsLike } from './files.js';

export interface LoadOptions {
  maxFileMb?: number;
  fs?: FsLike;
}

export async function loadCorpusFromPaths(paths: readonly string[], opts: LoadOptions = {}): Promise<CorpusResult> {
  const fs = opts.fs;
  const listed = await listPlanFiles(paths, fs);
  const read = await readSources(listed.files, { maxFileBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576, ...(fs ? { fs } : {}) });
  const errors = [...listed.errors, ...read.errors];
  const built = buildCorpus(read.sources);
  if (!built.ok) errors.push(...built.errors);
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return built;
}
