/**
 * `kehoach check [paths…]`: load, check every edge (or one plan with --plan), format,
 * exit 0 / 1 / 2 (checking.md). --plan takes an id in the corpus or a draft file that is
 * checked against its parents in --plans. Documents among the paths (.txt, .md, .docx,
 * .pdf) are imported in memory and checked like --plan drafts; --parent sets their parent.
 */
import { vietnamDay } from '../../core/domain/vietnam-day.js';
import { askedWorkers } from '../../app/run/parallel-check.js';
import { rt } from '../../format/terms.js';
import type { Report } from '../../core/model/finding.js';
import { FAILING, type CheckConfig } from '../../core/check/config.js';
import type { Lang } from '../../format/messages.js';
import { formatReport, type ReportFormat } from '../../format/report/index.js';
import { EXIT, emit, inputsOf, reportLoadErrors, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
import { isDocumentArg, isPlanFileArg } from '../../app/source/files.js';
import { locateInDocuments } from '../locate-documents.js';
import { corpusPaths } from './corpus-paths.js';
import { runCheck } from '../../app/run/run-check.js';
import { progressOn } from './progress.js';

export interface CheckCommandOptions {
  plan?: string;
  /** --plans, repeatable. */
  plans?: string[];
  /** --parent: the parent of the --plan draft and of the documents, for this run. */
  parent?: string;
  format: ReportFormat;
  lang?: Lang;
  failOn?: CheckConfig['failOn'];
  /** --quiet: errors only in the report people read (the exit code and the summary are unchanged). */
  quiet?: boolean;
  output?: string;
  config?: string;
  cache?: boolean;
  cacheDir?: string;
  today?: string;
  maxFileSize?: number;
}

export function exitFor(report: Report, failOn: CheckConfig['failOn']): number {
  const fails = report.findings.some((f) => !f.waived && FAILING[failOn].includes(f.severity));
  return fails ? EXIT.findings : EXIT.ok;
}

export async function checkCommand(io: CliIO, paths: string[], opts: CheckCommandOptions): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  const documents = paths.filter(isDocumentArg);
  const others = paths.filter((p) => !isDocumentArg(p));
  if (opts.parent && !opts.plan && !documents.length) {
    io.err(`kehoach check: --parent sets the parent of a draft or a document: give --plan <file|id> or a document\n`);
    return EXIT.usage;
  }
  const given = documents.length > 0 || (opts.plan !== undefined && isPlanFileArg(opts.plan));
  const corpus = corpusPaths(io, { plans: opts.plans, paths: others, configured: cfg.plans, given, lang });
  const today = opts.today ?? vietnamDay(new Date());
  const workers = askedWorkers(io.env);
  if (workers?.capped) io.err(`kehoach: ${rt('workers.capped', lang, { asked: io.env['KEHOACH_WORKERS'] ?? '', max: workers.asked })}\n`);
  const progress = progressOn(io);
  const run = await runCheck(corpus, opts.plan, {
    cfg, today, maxFileMb: opts.maxFileSize, cache: opts.cache !== false, cacheDir: opts.cacheDir, env: io.env, progress,
    documents, parent: opts.parent, notice: noticeTo(io, lang),
  });
  progress.done();
  if (!run.ok) return reportLoadErrors(io, run.errors, lang);
  const report = run.documents.size ? locateInDocuments(run.report, run.corpus?.plans ?? new Map(), run.documents, lang) : run.report;
  const color = io.isTTY && !io.env['NO_COLOR'] && !opts.output;
  // A one-plan check may have read only the draft and its ancestors: every corpus file is an input all the same.
  const inputs = inputsOf(run.corpus, [...[...run.documents.values()].map((d) => d.file), ...(conf.file ? [conf.file] : []), ...run.files]);
  const failOn = opts.failOn ?? cfg.failOn;
  if (!(await emit(io, await formatReport(opts.format, report, { lang, color, quiet: opts.quiet === true, failOn }), opts.output, { lang, inputs }))) return EXIT.load;
  return exitFor(report, failOn);
}

