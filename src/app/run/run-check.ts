/**
 * Which way a check runs: one plan against its parents (--plan, through the cache's index
 * when there is one), or the whole corpus (cached; on several cores when compiled and large).
 */
import { cacheOf } from './cache-settings.js';
import { DEFAULT_MAX_FILE_MB } from '../source/files.js';
import { askedWorkers, defaultWorkers } from './parallel-check.js';
import { runDraft } from './run-draft.js';
import { runFull } from './run-full.js';
import type { CheckRun, RunCheckOptions } from './types.js';

export type { CheckRun, RunCheckOptions } from './types.js';

/**
 * Below this many files one thread checks faster than two workers, each of which pays its own
 * start and JIT warm-up. Measured on 2 cores (cold check of generated corpora, one thread
 * against two workers): 200 files 0.83 s against 1.10 s, 500 files 1.42 s against 1.59 s,
 * 1,000 files 2.33 s against 2.39 s, 2,000 files 4.0 s against 3.55 s. KEHOACH_WORKERS set to
 * 2 or more uses workers whatever the count.
 */
const PARALLEL_MIN_FILES = 1200;
/** Workers run the compiled code only (a worker cannot load TypeScript sources). */
const COMPILED = import.meta.url.endsWith('.js');

/** How many workers, and from how many files on (an explicit count applies to any corpus). */
function workers(env: RunCheckOptions['env']): { workers: number; minParallelFiles: number } {
  const asked = askedWorkers(env);
  if (!COMPILED) return { workers: 1, minParallelFiles: Infinity };
  if (asked) return { workers: asked.asked, minParallelFiles: 2 };
  return { workers: defaultWorkers(), minParallelFiles: PARALLEL_MIN_FILES };
}

export async function runCheck(paths: readonly string[], plan: string | undefined, opts: RunCheckOptions): Promise<CheckRun> {
  const { cacheRoot, secret } = cacheOf(opts);
  const maxFileBytes = (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576;
  const cached = { cacheRoot, secret, maxFileBytes };
  if (plan || opts.documents?.length) return runDraft(paths, plan, { ...opts, ...cached });
  return runFull(paths, { ...opts, ...cached, ...workers(opts.env) });
}
