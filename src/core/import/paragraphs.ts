/**
 * Undoing hard line breaks. PDF copies (seeds 002, 004) break lines mid-sentence, often
 * with a blank line between every two lines, so neither line ends nor blank lines mark a
 * paragraph. A line starts a new paragraph only when something in the text says so: a
 * marker, a field label, a heading, or a sentence end followed by a capital. Everything
 * else continues the previous line, which makes the result independent of the wrap width.
 */
import type { RawLine } from './clean.js';
import { fieldOf, isAllCaps, isClosing, markerOf } from './markers.js';

export interface Paragraph {
  /** Source line of the paragraph's first line. */
  line: number;
  text: string;
  /** The last line ended a heading or bold block: nothing continues this paragraph. */
  ends: boolean;
}

// Left halves of names and phrases written "X - Y": a line starting "- Y" after them is a wrap.
const COMPOUND_LEFT = new Set(
  [
    'phát thanh', 'lao động', 'văn hóa', 'văn hoá', 'tài chính', 'văn phòng', 'tư pháp', 'độc lập', 'tự do',
    'kinh tế', 'chính trị', 'quốc phòng', 'thương binh', 'khoa học', 'nông nghiệp', 'thể thao', 'thống kê', 'pt', 'ct',
  ],
);

// The sentence naming the parent plan or the legal bases opens a paragraph of its own.
const PREAMBLE =
  /^(Căn cứ\s|Thực hiện\s+(Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Công văn|Thông tư|Nghị định|Luật|Chương trình|Hướng dẫn|Văn bản|Thông báo)\b)/u;

const lastWords = (s: string, n: number): string =>
  s.replace(/[^\p{L}\p{N}\s]+$/u, '').trim().split(/\s+/).slice(-n).join(' ').toLowerCase();

/** Whether `line` starts a paragraph of its own rather than continuing `prev`. */
export function startsParagraph(prev: Paragraph, line: RawLine): boolean {
  const t = line.text;
  if (prev.ends || line.opens) return true;
  if (isClosing(t) || isAllCaps(t) || isAllCaps(prev.text)) return true;
  const m = markerOf(t);
  const prevEndsWord = /[\p{L}\p{N})]$/u.test(prev.text);
  if (m.kind === 'dash') {
    if (!prevEndsWord) return true;
    // "Đài Phát thanh -\nTruyền hình": a name split at its dash, not a bullet.
    const next = m.rest.charAt(0);
    const lower = next !== '' && next === next.toLowerCase() && next !== next.toUpperCase();
    return !(lower || COMPOUND_LEFT.has(lastWords(prev.text, 2)) || COMPOUND_LEFT.has(lastWords(prev.text, 1)));
  }
  if (m.kind !== 'none') return true;
  if (fieldOf(t)) return true;
  const startsCapital = /^[\p{Lu}"“]/u.test(t);
  // Only a full stop ends a sentence here: ";" and ":" run on inside agency lists.
  if (startsCapital && /[.!?]["”)]?$/u.test(prev.text)) return true;
  if (PREAMBLE.test(t)) return true;
  return false;
}

/**
 * Joins two pieces of one paragraph: a code broken at its hyphen or slash ("NĐ-" + "CP",
 * "10/2022/" + "QH15", as PDF line breaking does) closes up; everything else gets a space.
 */
function join(a: string, b: string): string {
  if (/[\p{Lu}\d/]-$/u.test(a) && /^[\p{Lu}\d]/u.test(b)) return a + b;
  if (/[\p{L}\d]\/$/u.test(a) && /^[\p{L}\d]/u.test(b)) return a + b;
  return `${a} ${b}`;
}

export function paragraphs(lines: readonly RawLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && !startsParagraph(prev, l)) {
      prev.text = join(prev.text, l.text);
      prev.ends = l.ends;
    } else out.push({ line: l.line, text: l.text, ends: l.ends });
  }
  return out;
}
