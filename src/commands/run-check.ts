/**
 * Which way a check runs: one plan against its parents (--plan, through the cache's index
 * when there is one), or the whole corpus (cached; on several cores when compiled and large).
 */
import type { CheckConfig } from '../check/config.js';
import type { Lang } from '../check/messages.js';
import type { Corpus } from '../load/corpus.js';
import type { LoadError } from '../load/errors.js';
import type { Report } from '../model/finding.js';
import { defaultCacheDir } from '../io/cache.js';
import { DEFAULT_MAX_FILE_MB } from '../io/files.js';
import { defaultWorkers } from '../io/parallel-check.js';
import { runDraft } from './run-draft.js';
import { runFull } from './run-full.js';

export interface RunCheckOptions {
  cfg: CheckConfig;
  lang: Lang;
  today: string;
  maxFileMb?: number | undefined;
  cache: boolean;
  cacheDir?: string | undefined;
  env: Record<string, string | undefined>;
  /** Where phases of a long run are announced (src/commands/progress.ts). */
  progress?: (message: string) => void;
}

export type CheckRun = { ok: true; report: Report; corpus: Corpus; only: Set<string> | null } | { ok: false; errors: LoadError[] };

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_MIN_FILES = 64;
/** Workers run the compiled code only (a worker cannot load TypeScript sources). */
const COMPILED = import.meta.url.endsWith('.js');

function workers(env: RunCheckOptions['env']): number {
  const asked = env['KEHOACH_WORKERS'] ? Number(env['KEHOACH_WORKERS']) : NaN;
  if (!COMPILED) return 1;
  return Number.isInteger(asked) && asked >= 1 ? asked : defaultWorkers();
}

export async function runCheck(paths: readonly string[], plan: string | undefined, opts: RunCheckOptions): Promise<CheckRun> {
  const cacheDir = opts.cache ? (opts.cacheDir ?? defaultCacheDir(opts.env)) : null;
  const maxFileBytes = (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576;
  if (plan) return runDraft(paths, plan, { ...opts, cacheRoot: cacheDir, maxFileBytes });
  return runFull(paths, { ...opts, cacheRoot: cacheDir, maxFileBytes, workers: workers(opts.env), minParallelFiles: PARALLEL_MIN_FILES });
}
