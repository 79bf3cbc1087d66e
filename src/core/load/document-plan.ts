/**
 * A plan imported from a document (a .txt, .md, .docx or .pdf given to check, diff, audit or
 * link) as a LoadedPlan whose positions point into the document: a finding's `line` is the
 * paragraph number (the n-th paragraph of the document as the importer reads it), its
 * `column` 1; `data.page` (PDFs) and `data.location` (the document's own numbering, "mục
 * II.1.a") are added to its findings after the check, by the CLI in the reader's language
 * (src/cli/locate-documents.ts). Pure: works on the import's result.
 */
import type { Plan } from '../model/plan.js';
import type { LoadedPlan } from './parse-plan.js';
import type { PlanPositions, Pos } from './positions.js';

/** What the import knows of where things are (src/core/import/importer.ts, SourceLocations). */
export interface DocumentLocations {
  paragraphs: readonly number[];
  tasks: readonly number[];
  title?: number | undefined;
  preamble?: number | undefined;
  pageBreaks: readonly number[];
}

/** Where a document plan's findings point: the file, and the page of each paragraph (PDFs). */
export interface DocumentSource {
  file: string;
  /** Page of each paragraph (index = paragraph number − 1); absent unless the document is a PDF. */
  pages?: number[];
}

/** Number of the paragraph holding a source line: the last paragraph starting at or before it (1-based). */
function paragraphOf(starts: readonly number[], line: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || line < starts[0]!) return 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The paragraph (1-based) that holds a source line of the document's text, for warnings. */
export const documentParagraph = (loc: DocumentLocations, line: number): number => paragraphOf(loc.paragraphs, line);

/**
 * The page of each paragraph: one more than the page breaks at or before its first line. Both
 * lists run in document order, so they are walked together (counting the breaks again for each
 * paragraph was quadratic in a long PDF).
 */
function pagesOf(paragraphs: readonly number[], breaks: readonly number[]): number[] {
  let k = 0;
  return paragraphs.map((l) => {
    while (k < breaks.length && breaks[k]! <= l) k++;
    return 1 + k;
  });
}

/** The imported plan, loaded as if from a file whose "lines" are the document's paragraphs. */
export function documentPlan(file: string, plan: Plan, loc: DocumentLocations, pdf: boolean): { loaded: LoadedPlan; source: DocumentSource } {
  const n = Math.max(1, loc.paragraphs.length);
  // Line k starts at offset k − 1, so offset p is line p + 1, column 1 (posOf in positions.ts).
  const lines = Int32Array.from({ length: n }, (_, i) => i);
  const para = (line: number | undefined): number => (line === undefined ? 1 : paragraphOf(loc.paragraphs, line));
  const pos = (line: number | undefined): Pos => ({ line: para(line), column: 1 });
  const title = pos(loc.title);
  const preamble = loc.preamble === undefined ? title : pos(loc.preamble);
  const firstTask = loc.tasks.length ? pos(loc.tasks[0]) : title;
  const fields: Record<string, Pos> = {};
  for (const k of Object.keys(plan)) fields[k] = title;
  Object.assign(fields, { basedOn: preamble, cites: preamble, tasks: firstTask });
  const positions: PlanPositions = {
    at: title,
    fields,
    tasks: plan.tasks.map((_, i) => ({ at: para(loc.tasks[i]) - 1, fields: {} })),
    lines,
    basedOn: (plan.basedOn ?? []).filter((b) => typeof b === 'string' || 'plan' in b).map(() => preamble),
    waivers: [],
  };
  const source: DocumentSource = { file, ...(pdf ? { pages: pagesOf(loc.paragraphs, loc.pageBreaks) } : {}) };
  return { loaded: { plan, file, positions }, source };
}
