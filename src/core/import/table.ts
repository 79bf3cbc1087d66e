/**
 * Task tables (the "Phụ lục" layout: STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối
 * hợp | Thời gian thực hiện | Sản phẩm | Ghi chú) → the typed lines the importer reads, so that
 * a plan whose tasks stand in a table imports like one that types them: each row becomes its
 * number ("1.", "a)", "II.") and content, then one labelled line per filled column ("- Cơ quan
 * chủ trì: …"). A row with content only (a merged heading row) is a heading. A cell merged
 * down (w:vMerge) repeats its content in the rows it covers. Columns are recognised by their
 * heading words (rules/table-columns.yaml). A table that is not a task table (the two-column
 * header block of an official document) is read cell by cell. Pure.
 */
import { z } from 'zod';
import { rawTable } from '../table-source.js';
import { foldKey } from '../domain/canonical.js';
import { trimEndRun } from './scan.js';

export const ROLES = ['number', 'content', 'lead', 'implement', 'coordinate', 'deadline', 'product', 'note'] as const;
export type Role = (typeof ROLES)[number];

const Column = z.object({ phrases: z.array(z.string().trim().min(1)).min(1), label: z.string().min(1).nullable().optional() }).strict();
const ColumnsFile = z.object({ version: z.literal(1), columns: z.object(Object.fromEntries(ROLES.map((r) => [r, Column])) as Record<Role, typeof Column>).strict() }).strict();
export type TableColumns = z.infer<typeof ColumnsFile>;

let cached: TableColumns | undefined;
/** The validated column vocabulary (rules/table-columns.yaml). */
export function tableColumns(): TableColumns {
  if (cached) return cached;
  const { data, built } = rawTable('table-columns');
  if (built) return (cached = data as TableColumns);
  return (cached = validateTableColumns(data));
}
export function validateTableColumns(raw: unknown): TableColumns {
  const r = ColumnsFile.safeParse(raw);
  if (!r.success) throw new Error(`rules/table-columns.yaml is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

const norm = (s: string): string => trimEndRun(foldKey(s), /^[\s:.*()[\]0-9]$/u).replace(/\s+/g, ' ').trim();
// The table's own phrases, normalised once (isTableHeading asks about every line of a text).
const phraseNorms = new Map<string, string>();
const normPhrase = (p: string): string => {
  let n = phraseNorms.get(p);
  if (n === undefined) phraseNorms.set(p, (n = norm(p)));
  return n;
};

/** The column a heading cell names: the role whose phrase is the longest prefix of it. */
export function roleOf(heading: string, cols: TableColumns = tableColumns()): Role | null {
  const h = norm(heading);
  if (!h) return null;
  let best: Role | null = null;
  let len = 0;
  for (const role of ROLES) {
    for (const p of cols.columns[role].phrases) {
      const f = normPhrase(p);
      if (f.length > len && (h === f || h.startsWith(`${f} `) || h.startsWith(`${f},`) || h.startsWith(`${f}/`))) {
        best = role;
        len = f.length;
      }
    }
  }
  return best;
}

/** Whether heading cells make a task table: a content column and one that assigns or dates it. */
export function isTaskHeading(roles: readonly (Role | null)[]): boolean {
  return roles.includes('content') && roles.some((r) => r === 'lead' || r === 'implement' || r === 'coordinate' || r === 'deadline');
}

/**
 * Whether text lines start a task table's heading row, read from text rather than cells (a
 * PDF): the first line starts with the number column's heading ("STT"), and the lines name a
 * content column and one that assigns or dates the task, by the first two words of its phrases
 * (a narrow column wraps "Cơ quan phối hợp" over three lines).
 */
export function isTableHeading(lines: readonly string[], cols: TableColumns = tableColumns()): boolean {
  // Asked of every line of a text: a line whose first letter cannot start the number column's
  // heading is answered without folding it all (the folded line starts with the folded first letter).
  const lead = LEAD.exec(lines[0] ?? '');
  if (!lead || !numberInitials(cols).has(foldInitial(lead[1]!))) return false;
  const first = norm(lines[0] ?? '');
  if (!cols.columns.number.phrases.some((p) => first === normPhrase(p) || first.startsWith(`${normPhrase(p)} `))) return false;
  const text = ` ${lines.map((l) => foldKey(l)).join(' ').replace(/\s+/g, ' ')} `;
  const has = (role: Role): boolean => cols.columns[role].phrases.some((p) => text.includes(` ${normPhrase(p).split(' ').slice(0, 2).join(' ')} `));
  return has('content') && (['lead', 'implement', 'coordinate', 'deadline'] as const).some(has);
}

/** The first character a line's folded form can start with (foldKey drops these before it). */
const LEAD = /^[\s\u00AD\u200B-\u200D\u2060\uFEFF]*(.)/su;
const initials = new WeakMap<TableColumns, Set<string>>();
/** The first characters of the number column's folded phrases. */
function numberInitials(cols: TableColumns): Set<string> {
  let set = initials.get(cols);
  if (!set) initials.set(cols, (set = new Set(cols.columns.number.phrases.map((p) => normPhrase(p).charAt(0)))));
  return set;
}
const initialFolds = new Map<string, string>();
function foldInitial(ch: string): string {
  let f = initialFolds.get(ch);
  if (f === undefined) {
    f = foldKey(ch).charAt(0);
    if (initialFolds.size < 10_000) initialFolds.set(ch, f);
  }
  return f;
}

export interface TableCell {
  /** The cell's paragraphs, each with its list label when it has one ("-", "+", "1."). */
  paragraphs: { label?: string; text: string }[];
  span: number;
  merge: 'restart' | 'continue' | null;
}

/** A line of the typed text, and whether it opens a paragraph of its own. */
export interface TypedLine {
  text: string;
  opens: boolean;
}

const paraText = (p: { label?: string; text: string }): string => (p.label ? `${p.label} ${p.text}` : p.text);

/** Rows laid on the table's grid: one entry per grid column, merged-down cells filled in. */
function grid(rows: readonly (readonly TableCell[])[]): { paragraphs: TableCell['paragraphs']; continued: boolean }[][] {
  const out: { paragraphs: TableCell['paragraphs']; continued: boolean }[][] = [];
  for (const row of rows) {
    const line: { paragraphs: TableCell['paragraphs']; continued: boolean }[] = [];
    for (const cell of row) {
      const col = line.length;
      const above = out[out.length - 1]?.[col];
      const content = cell.merge === 'continue' && above ? { paragraphs: above.paragraphs, continued: true } : { paragraphs: cell.paragraphs, continued: false };
      for (let k = 0; k < cell.span; k++) line.push(k === 0 ? content : { paragraphs: [], continued: content.continued });
    }
    out.push(line);
  }
  return out;
}

/** "1", "1.", "II", "a)", "đ." as the typed marker the importer reads; null when not a number. */
function marker(stt: string): string | null {
  const s = stt.trim().replace(/[.)]$/, '');
  if (/^\d{1,2}$/.test(s)) return `${s}.`;
  if (/^[IVX]{1,5}$/.test(s)) return `${s}.`;
  if (/^[a-zđ]$/u.test(s)) return `${s})`;
  if (s === '-' || s === '+') return s;
  return null;
}

/** One value from a column's paragraphs: bullets dropped, several paragraphs joined by "; ". */
function value(paragraphs: TableCell['paragraphs'], sep: string): string {
  return paragraphs
    .map((p) => p.text.replace(/\n/g, ' ').replace(/^[-–•+]\s*/u, '').trim())
    .filter(Boolean)
    .join(sep);
}

/**
 * A table as typed lines: a task table row by row (the heading row and a row of column
 * numbers left out), any other table cell by cell.
 */
export function tableLines(rows: readonly (readonly TableCell[])[], cols: TableColumns = tableColumns()): { lines: TypedLine[]; task: boolean } {
  const g = grid(rows);
  const headAt = g.findIndex((r) => isTaskHeading(r.map((c) => roleOf(value(c.paragraphs, ' '), cols))));
  if (headAt < 0) {
    const lines: TypedLine[] = [];
    for (const row of rows) for (const cell of row) for (const p of cell.paragraphs) pushParagraph(lines, paraText(p));
    return { lines, task: false };
  }
  const roles = g[headAt]!.map((c) => roleOf(value(c.paragraphs, ' '), cols));
  const headings = g[headAt]!.map((c) => value(c.paragraphs, ' '));
  const colOf = (r: Role): number => roles.indexOf(r);
  const lines: TypedLine[] = [];
  for (const row of g.slice(headAt + 1)) {
    const texts = row.map((c) => value(c.paragraphs, ' '));
    // The row of column numbers under the headings: "(1) (2) (3)" or "1 2 3".
    if (texts.filter(Boolean).length >= 2 && texts.every((t) => !t || /^\(?\d{1,2}\)?$/.test(t))) continue;
    const content = colOf('content') >= 0 ? row[colOf('content')]! : undefined;
    const sttCell = colOf('number') >= 0 ? row[colOf('number')] : undefined;
    const stt = sttCell && !sttCell.continued ? value(sttCell.paragraphs, ' ') : '';
    const mark = marker(stt);
    const contentParas = content && !content.continued ? content.paragraphs : [];
    if (contentParas.length) {
      const [head, ...more] = paraText(contentParas[0]!).split('\n');
      pushParagraph(lines, mark ? `${mark} ${head}` : stt ? `${stt} ${head}` : head!);
      for (const m of more) if (m.trim()) lines.push({ text: m, opens: false });
      // Further paragraphs of the cell follow the importer's paragraph rules (a PDF turned into
      // Word holds each printed line as a paragraph).
      for (const p of contentParas.slice(1)) for (const t of paraText(p).split('\n')) if (t.trim()) lines.push({ text: t, opens: !!p.label });
    } else if (stt) {
      if (mark) {
        // The number alone in its cell, the heading's text merged across the other columns.
        const rest = row.find((c, i) => i !== colOf('number') && !c.continued && c.paragraphs.length);
        if (rest) pushParagraph(lines, `${mark} ${paraText(rest.paragraphs[0]!)}`);
      } else {
        // One cell across the whole row: a section heading typed in it ("II. NỘI DUNG").
        for (const p of sttCell!.paragraphs) pushParagraph(lines, paraText(p));
      }
      continue;
    } else if (texts.every((t) => !t)) continue;
    // Otherwise (content merged down from the row above): the row adds its columns to that task.
    for (const role of ['lead', 'implement', 'coordinate', 'deadline', 'product', 'note'] as const) {
      const at = colOf(role);
      if (at < 0) continue;
      const v = value(row[at]!.paragraphs, role === 'deadline' || role === 'note' || role === 'product' ? ' ' : '; ');
      if (!v) continue;
      const label = cols.columns[role].label ?? (headings[at] ?? '').replace(/\s*:$/, '');
      pushParagraph(lines, `- ${label}: ${v}`);
    }
  }
  return { lines, task: true };
}

function pushParagraph(lines: TypedLine[], text: string): void {
  const [head, ...rest] = text.split('\n');
  if (head?.trim()) lines.push({ text: head, opens: true });
  for (const r of rest) if (r.trim()) lines.push({ text: r, opens: false });
}
