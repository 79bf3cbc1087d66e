/**
 * The pure core of `kehoach import`: the text of a plan document → a Plan, its YAML, located
 * warnings and a summary. No I/O: readers for .docx/.pdf live in read.ts.
 */
import { Plan, type Level } from '../model/plan.js';
import { cleanLines, type RawLine } from './clean.js';
import { readHeader } from './header.js';
import { issuerOf, jurisdictionOf, planId, type LevelOf } from './identity.js';
import { isClosing, markerOf } from './markers.js';
import { paragraphs, type Paragraph } from './paragraphs.js';
import { citedDocs, MAX_CITATION } from './refs.js';
import { resolveBasedOn, type ParentResolution } from './resolve.js';
import { buildSections } from './sections.js';
import { levelOfIssuer, splitAgencies } from '../domain/agencies.js';
import type { AgencySplitter } from './split.js';
import { buildTree, type Item } from './tree.js';
import type { DocumentText } from './read.js';
import { isTableHeading } from './table.js';
import { planYaml } from './yaml.js';
import { pushAll } from './scan.js';
import type { Said } from '../load/errors.js';

export interface ImportOptions {
  /** Source file name, recorded in `source`. */
  file?: string;
  /** Plans already in the corpus, to resolve the parent against. */
  knownPlans?: readonly Plan[];
  /** The parent plan's id, overriding what the text says (--parent). */
  parentId?: string;
  /** $schema reference written on the first line. */
  schemaRef?: string;
  /** Agency-list splitter; the ontology's (src/core/domain/agencies.ts) by default. */
  splitAgencies?: AgencySplitter;
  /** Level of an issuer on a date; the ontology's gazetteer by default. */
  levelOfIssuer?: LevelOf;
}

export interface ImportWarning {
  line: number;
  /** English, for logs and the library. */
  message: string;
  /** The warning as data (rules/messages.yaml `import.` terms), for the reader's language. */
  said: Said;
}

export interface ImportSummary {
  tasks: number;
  keys: string[];
  /** Tasks lacking an owner (lead, implementer or duty owner) or a deadline. */
  missing: { key: string; fields: ('owner' | 'deadline')[] }[];
  parent: ParentResolution;
  /** Text kept as notes because it could not be placed. */
  unplaced: number;
  partial: boolean;
  /** Task tables met: read (Word: each row a task) or not readable (a PDF's). */
  tables: { line: number; read: boolean }[];
}

/**
 * Where things are in the document's text (1-based source lines, as in warnings), so a
 * check of the document itself can point into it: paragraph numbers and PDF pages.
 */
export interface SourceLocations {
  /** Source line where each paragraph starts, in document order: paragraph n starts at paragraphs[n - 1]. */
  paragraphs: number[];
  /** Source line of each task's first paragraph, indexed like plan.tasks. */
  tasks: number[];
  title?: number;
  /** The "Thực hiện …" / "Căn cứ …" sentence naming the parent and the legal bases. */
  preamble?: number;
  /** Source lines holding a page break (a form feed: the PDF reader puts one between pages). */
  pageBreaks: number[];
}

export interface ImportResult {
  plan: Plan;
  yaml: string;
  warnings: ImportWarning[];
  summary: ImportSummary;
  locations: SourceLocations;
}

/** The text cannot be read as a plan at all; `line` says where it was looked for. */
export class ImportError extends Error {
  constructor(readonly line: number, message: string, readonly said?: Said) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * The longest text imported, in characters. A plan runs to tens of pages (a few hundred thousand
 * characters); the importer is linear but holds several copies of the text and a plan object per
 * task, some 60 bytes of memory per character of a text made of tasks: ten million characters
 * (some 5,000 pages) keep it well under a gigabyte, where a hundred million would exhaust memory.
 */
export const MAX_TEXT_CHARS = 10_000_000;

export function importPlanText(input: string | DocumentText, opts: ImportOptions = {}): ImportResult {
  const doc: DocumentText = typeof input === 'string' ? { text: input, kind: 'text' } : input;
  const text = doc.text;
  if (text.length > MAX_TEXT_CHARS) {
    const millions = (n: number): string => `${+(n / 1e6).toFixed(1)} million`;
    throw new ImportError(1, `the text is ${millions(text.length)} characters long, more than a plan can be (at most ${millions(MAX_TEXT_CHARS)} are imported)`, { key: 'doc.too-long', vars: { chars: text.length, max: MAX_TEXT_CHARS } });
  }
  const split = opts.splitAgencies ?? splitAgencies;
  const levelOf = opts.levelOfIssuer ?? levelOfIssuer;
  const known = opts.knownPlans ?? [];
  const cleaned = cleanLines(text, doc.opens);
  const warnings: ImportWarning[] = [...cleaned.warnings];
  const paras = paragraphs(cleaned.lines);
  const first = paras.findIndex((p) => markerOf(p.text).kind === 'roman');
  const headParas = first < 0 ? paras : paras.slice(0, first);
  const headLines = cleaned.lines.filter((l) => first < 0 || l.line < paras[first]!.line);
  // Paragraphs, not raw lines: a code broken over two lines ("10/2022/" + "QH15") is whole again.
  const fullText = paras.map((p) => p.text).join(' ');
  const header = readHeader(headLines, headParas, fullText);
  if (!header.title) {
    throw new ImportError(headLines[0]?.line ?? 1, 'no plan title found: expected a line "KẾ HOẠCH" followed by the title', { key: 'doc.no-title' });
  }

  const rest = first < 0 ? [] : paras.slice(first);
  const end = rest.findIndex((p) => isClosing(p.text));
  const tree = buildTree(end < 0 ? rest : rest.slice(0, end));
  if (end >= 0) pushAll(tree.children, appendices(rest.slice(end)));
  const sections = buildSections(tree, split);
  pushAll(warnings, sections.warnings);
  // A table of tasks in a PDF: its rows cannot be told apart from the text alone.
  const tables = (doc.tables ?? []).map((line) => ({ line, read: true }));
  if (doc.kind !== 'docx') {
    for (const line of tableHeadings(cleaned.lines)) {
      tables.push({ line, read: false });
      warnings.push({
        line,
        message: `the tasks stand in a table here, whose rows cannot be read from ${doc.kind === 'pdf' ? 'a PDF' : 'plain text'}: import the Word (.docx) file of the plan, or check its tasks by hand`,
        said: { key: doc.kind === 'pdf' ? 'import.table-pdf' : 'import.table-text' },
      });
    }
  }
  if (first < 0) warnings.push({ line: header.titleLine ?? 1, message: 'no numbered sections (I., II., …) found: no tasks read', said: { key: 'import.no-sections' } });

  // Parent plans ("Thực hiện …") and legal bases ("Căn cứ …").
  const cited = citedDocs(header.preamble, fullText);
  for (const d of cited.filter((c) => c.cut)) {
    const start = [...d.text].slice(0, 60).join('');
    warnings.push({
      line: header.preambleLine ?? 1,
      message: `a citation runs on past ${MAX_CITATION.toLocaleString('en')} characters without a stop: read up to there ("${start}…")`,
      said: { key: 'import.long-citation', vars: { max: MAX_CITATION, start } },
    });
  }
  const issuer = issuerOf(header);
  const { basedOn, cites, notes, parent, parentPlan } = resolveBasedOn(cited, known, opts.parentId, header.preambleLine ?? 1, warnings, fullText, issuer);

  let level: Level | null = issuer ? levelOf(issuer, header.issued) : null;
  if (!level) {
    level = parentPlan ? below(parentPlan.level) : 'province';
    warnings.push({ line: header.titleLine ?? 1, message: `the issuer does not say the plan's level: "${level}" assumed, check it`, said: { key: 'import.level-assumed', vars: { level } } });
  }
  const citedYears = cited.map((d) => d.issued?.slice(0, 4)).filter((y): y is string => !!y).sort();
  const year = header.issued?.slice(0, 4) ?? citedYears[citedYears.length - 1];
  const jurisdiction = jurisdictionOf(header, level, parentPlan, cited.map((d) => d.by ?? ''));

  // A "[...]" cut-off: the plan is known up to the last task read.
  const tasks = sections.tasks.map((b) => b.task);
  const last = tasks[tasks.length - 1];
  const partial = cleaned.cutAt !== undefined;
  if (partial) {
    warnings.push({
      line: cleaned.cutAt!,
      message: `the text is cut off here ("[...]"): plan marked partial${last ? ` after ${last.key}` : ''}`,
      said: last ? { key: 'import.cut-after', vars: { key: last.label ?? last.key } } : { key: 'import.cut' },
    });
    if (last) {
      if (!last.deadline) last.deadline = 'unknown';
      last.note = 'The source text is cut off inside this task ("[...]"); what follows is not known.';
    }
  }
  const unplacedNotes = sections.notes;
  const parsed = Plan.safeParse({
    id: planId(header, year, opts.file ?? 'imported'),
    ...(header.number ? { number: header.number } : {}),
    title: header.title,
    ...(issuer ? { issuer } : {}),
    level,
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(header.place ? { place: header.place } : {}),
    ...(header.issued ? { issued: header.issued } : {}),
    ...(basedOn.length ? { basedOn } : {}),
    ...(cites.length ? { cites } : {}),
    ...(opts.file ? { source: opts.file } : {}),
    completeness: partial
      ? { status: 'partial', ...(last ? { knownUntil: { task: last.key, note: 'the source text is cut off ("[...]") inside this task' } } : {}) }
      : { status: 'complete' },
    ...(notes.length || unplacedNotes.length ? { note: [...notes, ...unplacedNotes].join('\n') } : {}),
    tasks,
  });
  if (!parsed.success) {
    // A bug, not the document's fault; reported as a located error rather than a stack trace.
    const issue = parsed.error.issues[0];
    throw new ImportError(header.titleLine ?? 1, `could not build a valid plan (${issue?.path.join('.')}: ${issue?.message}); please report this document`, { key: 'doc.invalid-plan', vars: { detail: `${issue?.path.join('.')}: ${issue?.message}` } });
  }
  const plan = parsed.data;
  const summary: ImportSummary = {
    tasks: tasks.length,
    keys: tasks.map((t) => t.key),
    missing: tasks
      .map((t) => ({ key: t.key, fields: missingFields(t) }))
      .filter((m) => m.fields.length > 0),
    parent,
    unplaced: unplacedNotes.length,
    partial,
    tables,
  };
  const comments = new Map(sections.tasks.filter((b) => b.comment).map((b) => [b.task.key, b.comment!]));
  const yaml = planYaml(plan, {
    schemaRef: opts.schemaRef ?? '../../schema/plan.schema.json',
    header: [`Imported by \`kehoach import\`${opts.file ? ` from ${opts.file}` : ''}: review it against the document before use.`],
    comments,
  });
  warnings.sort((a, b) => a.line - b.line || a.message.localeCompare(b.message));
  const pageBreaks: number[] = [];
  text.replace(/\r\n?/g, '\n').split('\n').forEach((l, i) => l.includes('\f') && pageBreaks.push(i + 1));
  const locations: SourceLocations = {
    paragraphs: paras.map((p) => p.line),
    tasks: sections.tasks.map((b) => b.line),
    ...(header.titleLine ? { title: header.titleLine } : {}),
    ...(header.preambleLine ? { preamble: header.preambleLine } : {}),
    pageBreaks,
  };
  return { plan, yaml, warnings, summary, locations };
}

/**
 * Appendices after the signature ("PHỤ LỤC", "Phụ lục II …"), the common home of a task table:
 * each becomes a task section keyed "PL" (or "PL2", "PLII" for a numbered one), its own
 * numbered items and section rows below it. Its title lines are not tasks.
 */
function appendices(paras: readonly Paragraph[]): Item[] {
  const out: Item[] = [];
  const heads = paras.map((p, i) => ({ i, m: APPENDIX.exec(p.text) })).filter((h) => h.m);
  heads.forEach((h, k) => {
    const body = paras.slice(h.i + 1, heads[k + 1]?.i ?? paras.length);
    const children = buildTree(body).children;
    const firstNumbered = children.findIndex((c) => c.kind !== 'text');
    if (firstNumbered < 0) return;
    const n = h.m![1];
    out.push({ kind: 'roman', mark: `PL${n ?? ''}`, text: 'NHIỆM VỤ', line: paras[h.i]!.line, field: null, children: children.slice(firstNumbered) });
  });
  return out;
}
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVX]{1,4}|\d{1,2}))?\s*(?:[:.–-].*)?$/u;

/**
 * Lines where a task table's heading row stands, as a PDF's text shows it: its cells on one
 * line, or one cell a line, or wrapped in narrow columns ("STT Nội dung công việc Cơ Cơ quan …").
 */
function tableHeadings(lines: readonly RawLine[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isTableHeading(lines.slice(i, i + 4).map((l) => l.text))) continue;
    out.push(lines[i]!.line);
    i += 3;
  }
  return out;
}

const LEVEL_BELOW: Record<Level, Level> = { national: 'province', province: 'district', department: 'district', district: 'commune', commune: 'commune' };
const below = (l: Level): Level => LEVEL_BELOW[l];

function missingFields(t: Plan['tasks'][number]): ('owner' | 'deadline')[] {
  const out: ('owner' | 'deadline')[] = [];
  const owned = (t.lead?.length ?? 0) + (t.implement?.length ?? 0) + (t.duties ?? []).filter((d) => d.owner).length > 0;
  if (!owned) out.push('owner');
  if (!t.deadline) out.push('deadline');
  return out;
}
