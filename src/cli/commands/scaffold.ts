/**
 * `kehoach scaffold <parent> --unit "<unit>" [--level district|commune|department|province]
 * [--plans dir…] [-o du-thao.yaml|du-thao.md|du-thao.docx] [--format yaml|md|docx] [--lang vi|en]`:
 * a child draft carrying every duty the parent addresses to that level (src/core/scaffold). The
 * draft goes to stdout (YAML, Markdown) or to -o, written atomically and never over an input of
 * the run; a Word file only to -o. stderr says how many duties were carried and how, which
 * could not be derived (agencies, deadlines unknown) and which were left out. Exit 0; 1 when no
 * duty could be carried (the draft is still written); 2 when the plans or the configuration
 * cannot be loaded, the unit is not one of the level asked, or the file cannot be written.
 */
import path from 'node:path';
import type { Level } from '../../core/model/plan.js';
import { withNotes, type ScaffoldSummary } from '../../core/scaffold/draft.js';
import { scaffoldFromCorpus } from '../../core/scaffold/from-corpus.js';
import { scaffoldNoteText, scaffoldProblemText } from '../../format/scaffold/notes.js';
import { draftYaml } from '../../core/scaffold/yaml.js';
import { draftDocument } from '../../core/scaffold/document.js';
import { draftMarkdown } from '../../core/scaffold/markdown.js';
import { writeFileAtomic } from '../../app/write.js';
import { isFileArg, loadCorpus } from '../../app/source/corpus-source.js';
import { DEFAULT_MAX_FILE_MB } from '../../app/source/files.js';
import { term, type Lang } from '../../format/messages.js';
import { rt, type TermKey } from '../../format/terms.js';
import { terminalText } from '../../format/escape.js';
import { EXIT, emit, inputsOf, reportLoadErrors, writeFailure, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
import { corpusPaths } from './corpus-paths.js';

export type ScaffoldFormat = 'yaml' | 'md' | 'docx';

export interface ScaffoldCommandOptions {
  unit: string;
  level?: Level;
  plans?: string[];
  output?: string;
  format?: ScaffoldFormat;
  lang?: Lang;
  config?: string;
  maxFileSize?: number;
}

/** The format asked for, else the one -o's extension names, else YAML. */
export function formatOf(opts: Pick<ScaffoldCommandOptions, 'format' | 'output'>): ScaffoldFormat {
  if (opts.format) return opts.format;
  const ext = opts.output ? path.extname(opts.output).toLowerCase() : '';
  return ext === '.docx' ? 'docx' : ext === '.md' || ext === '.markdown' ? 'md' : 'yaml';
}

/** What stderr says of a draft: how each duty came in, what could not be derived, what was left out. */
export function describeSummary(s: ScaffoldSummary, id: string, days: number, lang: Lang): string {
  const n = Object.values(s.carried).reduce((k, xs) => k + xs.length, 0);
  const lines = [rt('scaffold.summary', lang, { n, parent: s.parent, id, unit: s.unit, level: term(s.level, lang) })];
  const list = (key: TermKey, keys: readonly string[], vars: Record<string, string | number> = {}): void => {
    if (keys.length) lines.push(`  ${rt(key, lang, vars)}: ${keys.length} (${keys.join(', ')})`);
  };
  list('scaffold.required', s.carried.required);
  list('scaffold.optional', s.carried.optional);
  list('scaffold.mirrored', s.carried.mirrored);
  list('scaffold.standing', s.carried.standing);
  list('scaffold.unknown', s.carried.unknown);
  list('scaffold.agenciesUnknown', s.agenciesUnknown);
  list('scaffold.deadlinesUnknown', s.deadlinesUnknown);
  list('scaffold.reportsEarlier', s.reportsEarlier, { days });
  list('scaffold.fulfilled', s.fulfilled);
  list('scaffold.cascadeNone', s.cascadeNone);
  list('scaffold.notConcerned', s.notConcerned);
  if (s.reconstructed) lines.push(`  ${rt('scaffold.reconstructed', lang, { parent: s.parent })}`);
  if (s.partial) lines.push(`  ${rt('scaffold.partial', lang, { parent: s.parent, task: s.partial })}`);
  if (!n) lines.push(`  ${rt('scaffold.empty', lang, { parent: s.parent })}`);
  // Keys and names come from plan text: control characters are shown, not sent to the terminal.
  return lines.map(terminalText).join('\n') + '\n';
}

export async function scaffoldCommand(io: CliIO, parentArg: string, opts: ScaffoldCommandOptions): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  const format = formatOf(opts);
  if (format === 'docx' && !opts.output) {
    io.err(`kehoach scaffold: ${rt('scaffold.docxNeedsOutput', lang)}\n`);
    return EXIT.usage;
  }
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(parentArg), lang });
  const loaded = await loadCorpus({
    paths: dirs,
    given: [parentArg],
    maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576,
    notice: noticeTo(io, lang),
  });
  if (!loaded.ok) return reportLoadErrors(io, loaded.errors, lang);
  const corpus = loaded.corpus;
  const parentId = loaded.ids[0]!;
  const days = cfg.scaffold.reportLeadDays;
  const r = scaffoldFromCorpus(corpus, parentId, cfg, opts.unit, opts.level);
  if (!r.ok) {
    io.err(`kehoach scaffold: ${terminalText(scaffoldProblemText(r.problem, lang))}\n`);
    return EXIT.usage;
  }
  const draft = r.draft;
  const plan = withNotes(draft, scaffoldNoteText(lang));
  const parent = corpus.plans.get(parentId)!.plan;
  const inputs = inputsOf(corpus, [...[...loaded.documents.values()].map((d) => d.file), ...(conf.file ? [conf.file] : [])]);
  let ok: boolean;
  if (format === 'yaml') {
    const text = draftYaml(plan, {
      header: [rt('scaffold.yaml.header', lang, { parent: parentId, unit: draft.unit.text })],
      placeholders: [rt('scaffold.yaml.number', lang), rt('scaffold.yaml.issued', lang)],
    });
    ok = await emit(io, text, opts.output, { lang, inputs });
  } else if (format === 'md') {
    ok = await emit(io, draftMarkdown(draftDocument(plan, parent, draft.unit)), opts.output, { lang, inputs });
  } else {
    // Word is loaded only when asked for: a drafter's YAML run does not pay for it.
    const { draftDocx } = await import('../../core/scaffold/docx.js');
    const bytes = await draftDocx(draftDocument(plan, parent, draft.unit), plan.title);
    const w = await writeFileAtomic(opts.output!, bytes, { overwrite: true, inputs });
    ok = w.ok;
    if (!w.ok) io.err(`kehoach: ${writeFailure(opts.output!, w.code, lang)}\n`);
  }
  if (!ok) return EXIT.load;
  io.err(describeSummary(draft.summary, plan.id, days, lang));
  if (opts.output) io.err(terminalText(rt('scaffold.wrote', lang, { file: opts.output })) + '\n');
  return plan.tasks.length ? EXIT.ok : EXIT.findings;
}
