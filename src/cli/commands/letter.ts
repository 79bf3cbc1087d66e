/**
 * `kehoach letter <child> [--parent <id>] [--plans <dir>…] [-o gop-y.docx] [--format docx|md|html]
 * [--lang vi|en] [--today YYYY-MM-DD] [-c <config>]` and who signs it (--issuer, --superior,
 * --number, --place, --title, --signer, --recipient): the review letter (công văn góp ý) on a child
 * plan, from the check of that plan against its direct parents. The child is loaded and checked
 * as `check --plan` (a plan id or YAML file) or `check <document>` (.docx, .pdf, .txt, .md) does it:
 * the same runner, the same findings; the letter only words them (src/format/letter/).
 *
 * Exit 0 when the letter was written; 2 when the input cannot be loaded, the format cannot be told
 * or is docx without -o, or the plan was compared with no parent (no-parent, empty-plan, a
 * national plan): no letter is written then, and stderr says why.
 */
import { vietnamDay } from '../../core/domain/vietnam-day.js';
import { runCheck } from '../../app/run/run-check.js';
import { isDocumentArg } from '../../app/source/files.js';
import { isFileArg } from '../../app/source/corpus-source.js';
import type { Plan } from '../../core/model/plan.js';
import { messageOf, type Lang } from '../../format/messages.js';
import { rt } from '../../format/terms.js';
import { terminalText } from '../../format/escape.js';
import { buildLetter } from '../../format/letter/model.js';
import { letterFormatOf, renderLetter, type LetterFormat } from '../../format/letter/index.js';
import { EXIT, emit, inputsOf, reportLoadErrors, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
import { corpusPaths } from './corpus-paths.js';

export interface LetterCommandOptions {
  plans?: string[];
  /** --parent: the child's parent for this run (as in check). */
  parent?: string;
  output?: string;
  format?: LetterFormat;
  lang?: Lang;
  today?: string;
  config?: string;
  maxFileSize?: number;
  /** Who writes and signs: placeholders in the letter where not given. */
  issuer?: string;
  superior?: string;
  number?: string;
  place?: string;
  /** Repeatable: one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  title?: string[];
  signer?: string;
  recipient?: string;
}

export async function letterCommand(io: CliIO, child: string, opts: LetterCommandOptions): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  const format = opts.format ?? (opts.output ? letterFormatOf(opts.output) : 'md');
  if (!format) {
    io.err(`kehoach letter: ${rt('letter.unknownFormat', lang, { file: terminalText(opts.output ?? '') })}\n`);
    return EXIT.usage;
  }
  if (format === 'docx' && !opts.output) {
    io.err(`kehoach letter: ${rt('letter.docxStdout', lang)}\n`);
    return EXIT.usage;
  }
  const document = isDocumentArg(child);
  const corpus = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(child), lang });
  const today = opts.today ?? vietnamDay(new Date());
  const run = await runCheck(corpus, document ? undefined : child, {
    cfg, today, maxFileMb: opts.maxFileSize, cache: false, env: io.env,
    documents: document ? [child] : [], parent: opts.parent, notice: noticeTo(io, lang),
  });
  if (!run.ok) return reportLoadErrors(io, run.errors, lang);
  const childId = [...(run.only ?? [])][0]!;
  const plans = new Map<string, Plan>([...(run.corpus?.plans ?? [])].map(([id, lp]) => [id, lp.plan]));
  const built = buildLetter(run.report, plans, childId, {
    lang, today, issuer: opts.issuer, superior: opts.superior, number: opts.number, place: opts.place,
    title: opts.title, signer: opts.signer, recipient: opts.recipient,
  });
  if (!built.ok) {
    const why = built.findings.map((f) => messageOf(f, lang));
    io.err(terminalText(`kehoach letter: ${rt('letter.refused', lang, { plan: child })}${why.length ? `: ${why.join(' ')}` : ''}`) + '\n');
    return EXIT.usage;
  }
  const { waived, info, other } = built.omitted;
  if (waived + info + other) io.err(`kehoach letter: ${rt('letter.omitted', lang, { n: waived + info + other, waived, info, other })}\n`);
  // A one-plan check reads only the child and its ancestors: every corpus file is an input all the same.
  const inputs = inputsOf(run.corpus, [...[...run.documents.values()].map((d) => d.file), ...(conf.file ? [conf.file] : []), ...run.files]);
  if (!(await emit(io, await renderLetter(format, built.letter), opts.output, { lang, inputs }))) return EXIT.load;
  return EXIT.ok;
}
