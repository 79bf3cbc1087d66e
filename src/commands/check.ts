/**
 * `kehoach check [paths…]`: load, check every edge (or one plan with --plan), format,
 * exit 0 / 1 / 2 (checking.md). --plan takes an id in the corpus or a draft file that is
 * checked against its parents in --plans.
 */
import type { Report, Severity } from '../model/finding.js';
import type { CheckConfig } from '../check/config.js';
import type { Lang } from '../check/messages.js';
import { formatReport, type ReportFormat } from '../format/report/index.js';
import { EXIT, emit, reportLoadErrors, type CliIO } from './context.js';
import { loadConfig } from './config-file.js';
import { runCheck } from './run-check.js';
import { progressOn } from './progress.js';

export interface CheckCommandOptions {
  plan?: string;
  plans?: string;
  format: ReportFormat;
  lang?: Lang;
  failOn?: CheckConfig['failOn'];
  output?: string;
  config?: string;
  cache?: boolean;
  cacheDir?: string;
  today?: string;
  maxFileSize?: number;
}

const REACHES: Record<CheckConfig['failOn'], Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

export function exitFor(report: Report, failOn: CheckConfig['failOn']): number {
  const fails = report.findings.some((f) => !f.waived && REACHES[failOn].includes(f.severity));
  return fails ? EXIT.findings : EXIT.ok;
}

export async function checkCommand(io: CliIO, paths: string[], opts: CheckCommandOptions): Promise<number> {
  const conf = await loadConfig(io, opts.config);
  if (!conf.ok) return reportLoadErrors(io, conf.errors);
  const cfg = conf.config;
  const lang: Lang = opts.lang ?? cfg.lang ?? 'vi';
  const corpusPaths = opts.plans ? [opts.plans] : paths.length ? paths : cfg.plans ?? ['plans'];
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const progress = progressOn(io);
  const run = await runCheck(corpusPaths, opts.plan, { cfg, lang, today, maxFileMb: opts.maxFileSize, cache: opts.cache !== false, cacheDir: opts.cacheDir, env: io.env, progress });
  progress.done();
  if (!run.ok) return reportLoadErrors(io, run.errors);
  const { report } = run;
  const color = io.isTTY && !io.env['NO_COLOR'] && !opts.output;
  if (!(await emit(io, await formatReport(opts.format, report, { lang, color, corpus: run.corpus, ...(run.only ? { only: run.only } : {}) }), opts.output))) return EXIT.load;
  return exitFor(report, opts.failOn ?? cfg.failOn);
}

