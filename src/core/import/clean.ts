/**
 * First pass over a document's text: everything that is an artefact of how the text was
 * produced (Word, PDF extraction, markdown conversion, Windows) is removed here, line by
 * line, so the structure parser only ever sees clean lines with their source line numbers.
 */
import type { Said } from '../load/errors.js';

export interface RawLine {
  /** 1-based line number in the text as given. */
  line: number;
  text: string;
  /** Starts a markdown heading or bold block: it cannot continue the line before. */
  opens: boolean;
  /** Ends a markdown heading or bold block: the next line cannot continue it. */
  ends: boolean;
}

export interface CleanResult {
  lines: RawLine[];
  /** Line of a `[...]` cut-off marker; nothing after it is read. */
  cutAt?: number;
  warnings: { line: number; message: string; said: Said }[];
}

// Combining marks that PDF extraction separates from their letter by a space ("Vie ̣t").
const SPACE_BEFORE_MARK = /[ \t\u00A0]+(\p{M})/gu;
// Spacing accents some PDF fonts emit instead of combining marks, mapped to the combining forms.
const SPACING_TONES: Record<string, string> = {
  '\u02CA': '\u0301', '\u00B4': '\u0301', '\u02CB': '\u0300', '\u0060': '\u0300',
  '\u02DC': '\u0303', '\u02C0': '\u0309', '\u02D9': '\u0323',
};
const SPACING_TONE_AFTER_LETTER = /(\p{L})[ ]?([\u02CA\u00B4\u02CB\u02DC\u02C0\u02D9])/gu;
const SPACING_TONE = /[\u02CA\u00B4\u02CB\u02DC\u02C0\u02D9]/;

/** Unicode-level repairs: NFC, split diacritics, odd spaces and dashes kept as written. */
export function normaliseChars(text: string): string {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // The expression for spacing tones is tried at every letter: only run it when one is there.
  return (SPACING_TONE.test(lf) ? lf.replace(SPACING_TONE_AFTER_LETTER, (_m, l: string, t: string) => l + (SPACING_TONES[t] ?? '')) : lf)
    .replace(SPACE_BEFORE_MARK, '$1')
    .normalize('NFC')
    // Every other space is a space (\f, the page break, is read by cleanLines): the lines the
    // importer reads hold single ASCII spaces only.
    .replace(/[\t\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
}

const CUT = /^\[\s*(\.\.\.|…)\s*\]$/;
// Typographic rules under the header blocks ("-------").
const RULE = /^[-_=*.…·]{3,}$/;
// Page labels that cannot be text: "- 3 -", "Trang 3", "Trang 3/10" (a bare "3" or "3/10" can:
// a wrapped "Điều\n85" or "ngày\n15/11").
const PAGE_LABEL = /^(?:-\s*\d{1,3}\s*-|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;

/** Markdown decoration that carries no meaning for a plan: heading marks, bold, escapes. */
function stripMarkdown(s: string, inBold: boolean): { text: string; opens: boolean; ends: boolean; inBold: boolean } {
  let text = s.trim();
  const heading = /^#{1,6}\s+/.exec(text);
  if (heading) text = text.slice(heading[0].length);
  // Bold from the start of a line to the end of it (or of a later line) is a heading in these
  // documents (seed 000); a bold paragraph may be wrapped over several lines.
  let marks = 0;
  for (const re = /\*\*|__/g; re.exec(text); ) marks++;
  const startsBold = /^(\*\*|__)/.test(text);
  const endsBold = /(\*\*|__)$/.test(text);
  let opens = !!heading;
  let ends = !!heading;
  let bold = inBold;
  if (!inBold && startsBold) {
    opens = true;
    if (marks % 2 === 1) bold = true;
    else if (endsBold && marks === 2) ends = true;
  } else if (inBold && marks % 2 === 1) {
    bold = false;
    if (endsBold) ends = true;
  }
  text = text.replace(/\*\*|__/g, '').replace(/\\([.\-+*_#()[\]!>])/g, '$1');
  return { text, opens, ends, inBold: heading ? false : bold };
}

/**
 * Lines of the text, cleaned; blank lines dropped (the seeds put a blank line between
 * wrapped lines, so blank lines mean nothing), page numbers and running page headers
 * removed, reading stops at a `[...]` cut-off. `opens`: lines known to open a paragraph (Word's).
 */
export function cleanLines(input: string, opens?: ReadonlySet<number>): CleanResult {
  const warnings: CleanResult['warnings'] = [];
  const src = normaliseChars(input).split('\n');
  const lines: RawLine[] = [];
  // The page of each line kept (a parallel list, not a field to strip again: one object a line).
  const pages: number[] = [];
  let cutAt: number | undefined;
  let inBold = false;
  let page = 0;
  for (let i = 0; i < src.length; i++) {
    const raw = src[i] ?? '';
    if (raw.includes('\f')) page++;
    const md = stripMarkdown(raw.replace(/\f/g, ''), inBold);
    inBold = md.inBold;
    const text = md.text.replace(/ {2,}/g, ' ').trim();
    if (!text) continue;
    if (CUT.test(text)) {
      cutAt = i + 1;
      break;
    }
    if (RULE.test(text) || PAGE_LABEL.test(text)) continue;
    lines.push({ line: i + 1, text, opens: md.opens || (opens?.has(i + 1) ?? false), ends: md.ends });
    pages.push(page);
  }
  const kept = page > 0 ? dropPageFurniture(lines, pages, page + 1, warnings) : lines;
  return { lines: kept, ...(cutAt !== undefined ? { cutAt } : {}), warnings };
}

/**
 * Page headers, footers and page numbers of a PDF (pages are separated by form feeds): a
 * line at the top or bottom of its page that recurs at the same place on other pages, or a
 * bare number there. Without page breaks nothing is guessed: a short line that repeats may
 * just be a wrapped phrase ("Luật Thực hiện dân chủ ở cơ sở").
 */
function dropPageFurniture(lines: readonly RawLine[], pageOf: readonly number[], pages: number, warnings: CleanResult['warnings']): RawLine[] {
  const byPage = new Map<number, number[]>();
  lines.forEach((_, k) => {
    const page = byPage.get(pageOf[k]!);
    if (page) page.push(k);
    else byPage.set(pageOf[k]!, [k]);
  });
  const edges = new Set<number>();
  for (const ks of byPage.values()) [...ks.slice(0, 2), ...ks.slice(-2)].forEach((k) => edges.add(k));
  const shape = (t: string): string => t.replace(/\d+/g, '#');
  const pagesOf = new Map<string, Set<number>>();
  for (const k of edges) pagesOf.set(shape(lines[k]!.text), (pagesOf.get(shape(lines[k]!.text)) ?? new Set()).add(pageOf[k]!));
  const need = Math.max(2, Math.ceil(pages / 2));
  const drop = new Set<number>();
  const reported = new Set<string>();
  for (const k of edges) {
    const l = lines[k]!;
    const recurring = (pagesOf.get(shape(l.text))?.size ?? 0) >= need;
    // A lone letter at a page's edge is a glyph of the next page's first line that the printer
    // clipped (Chromium prints the top of "Ủ" at the foot of the page), not text.
    const clipped = /^\p{L}\p{M}*$/u.test(l.text);
    if (!recurring && !/^\d{1,3}$/.test(l.text) && !clipped) continue;
    drop.add(k);
    if (recurring && !reported.has(shape(l.text))) {
      reported.add(shape(l.text));
      warnings.push({ line: l.line, message: `dropped a running page header or footer: "${l.text}"`, said: { key: 'import.page-furniture', vars: { text: l.text } } });
    }
  }
  return drop.size ? lines.filter((_, k) => !drop.has(k)) : [...lines];
}
