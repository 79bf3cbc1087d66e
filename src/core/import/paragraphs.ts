/**
 * Undoing hard line breaks. PDF copies (seeds 002, 004) break lines mid-sentence, often
 * with a blank line between every two lines, so neither line ends nor blank lines mark a
 * paragraph. A line starts a new paragraph only when something in the text says so: a
 * marker, a field label, a heading, or a sentence end followed by a capital. Everything
 * else continues the previous line, which makes the result independent of the wrap width.
 */
import type { RawLine } from './clean.js';
import { fieldOf, isAllCaps, isClosing, markerOf } from './markers.js';
import { trailingRunStart } from './scan.js';

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

/**
 * The last `n` words of a text, lower-cased, trailing punctuation dropped (what
 * `s.replace(/[^\p{L}\p{N}\s]+$/u, '').trim().split(/\s+/).slice(-n).join(' ').toLowerCase()`
 * gives), read from its end; `complete` is false when the words may go on before the start of `s`.
 */
function lastWords(s: string, n: number): { words: string; complete: boolean } {
  const end = trailingRunStart(s, NOT_WORD_OR_SPACE);
  let i = trailingRunStart(s.slice(0, end), SPACE);
  const stop = i;
  let words = 0;
  while (i > 0 && words < n) {
    i = trailingRunStart(s.slice(0, i), NOT_SPACE);
    if (++words < n) i = trailingRunStart(s.slice(0, i), SPACE);
  }
  return { words: s.slice(i, stop).trim().split(/\s+/).join(' ').toLowerCase(), complete: i > 0 };
}
const NOT_WORD_OR_SPACE = /^[^\p{L}\p{N}\s]$/u;
const SPACE = /^\s$/u;
const NOT_SPACE = /^\S$/u;

/**
 * A paragraph being built: its pieces are kept apart and joined once it is whole (adding to one
 * long string and testing all of it again at every line made long paragraphs quadratic); what
 * the rules below need of the text so far is kept as it grows.
 */
interface Building {
  line: number;
  /** The lines and what joins them ("" or " "). */
  parts: string[];
  ends: boolean;
  /** The last characters of the text so far: the tests on its end read no more. */
  tail: string;
  /** Letters, counted up to six, and whether one is lower case: isAllCaps of the text so far. */
  letters: number;
  lower: boolean;
}

const TAIL = 16;
const LOWER = /\p{Ll}/u;
const LETTER_G = /\p{L}/gu;

function countLetters(text: string, from: number): number {
  LETTER_G.lastIndex = 0;
  let n = from;
  while (n < 6 && LETTER_G.exec(text)) n++;
  return n;
}

/** The last `want` characters of the pieces (fewer when there are not so many), and whether that is all of them. */
function lastChars(parts: readonly string[], want: number): { text: string; all: boolean } {
  const pieces: string[] = [];
  let got = 0;
  let k = parts.length - 1;
  for (; k >= 0 && got < want; k--) {
    const part = parts[k]!;
    const piece = part.length > want - got ? part.slice(part.length - (want - got)) : part;
    pieces.push(piece);
    got += piece.length;
    if (piece !== part) break;
  }
  return { text: pieces.reverse().join(''), all: k < 0 && got <= want };
}

/** lastWords of the text so far, reading twice as far back each time the end read is not enough. */
function lastWordsSoFar(p: Building, n: number): string {
  for (let want = 64; ; want *= 2) {
    const { text, all } = lastChars(p.parts, want);
    const r = lastWords(text, n);
    if (r.complete || all) return r.words;
  }
}

/** Whether `line` starts a paragraph of its own rather than continuing `prev`. */
function starts(prev: Building, line: RawLine): boolean {
  const t = line.text;
  if (prev.ends || line.opens) return true;
  if (isClosing(t) || isAllCaps(t) || (prev.letters >= 6 && !prev.lower)) return true;
  const m = markerOf(t);
  const prevEndsWord = /[\p{L}\p{N})]$/u.test(prev.tail);
  if (m.kind === 'dash') {
    if (!prevEndsWord) return true;
    // "Đài Phát thanh -\nTruyền hình": a name split at its dash, not a bullet.
    const next = m.rest.charAt(0);
    const lower = next !== '' && next === next.toLowerCase() && next !== next.toUpperCase();
    return !(lower || COMPOUND_LEFT.has(lastWordsSoFar(prev, 2)) || COMPOUND_LEFT.has(lastWordsSoFar(prev, 1)));
  }
  if (m.kind !== 'none') return true;
  if (fieldOf(t)) return true;
  const startsCapital = /^[\p{Lu}"“]/u.test(t);
  // Only a full stop ends a sentence here: ";" and ":" run on inside agency lists.
  if (startsCapital && /[.!?]["”)]?$/u.test(prev.tail)) return true;
  if (PREAMBLE.test(t)) return true;
  return false;
}

/**
 * What joins two pieces of one paragraph (given the end of the first): a code broken at its
 * hyphen or slash ("NĐ-" + "CP", "10/2022/" + "QH15", as PDF line breaking does) closes up;
 * everything else gets a space.
 */
function joiner(aEnd: string, b: string): string {
  if (/[\p{Lu}\d/]-$/u.test(aEnd) && /^[\p{Lu}\d]/u.test(b)) return '';
  if (/[\p{L}\d]\/$/u.test(aEnd) && /^[\p{L}\d]/u.test(b)) return '';
  return ' ';
}

export function paragraphs(lines: readonly RawLine[]): Paragraph[] {
  const out: Building[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && !starts(prev, l)) {
      const sep = joiner(prev.tail, l.text);
      prev.parts.push(sep, l.text);
      prev.tail = l.text.length >= TAIL ? l.text.slice(-TAIL) : (prev.tail + sep + l.text).slice(-TAIL);
      if (prev.letters < 6) prev.letters = countLetters(l.text, prev.letters);
      if (!prev.lower) prev.lower = LOWER.test(l.text);
      prev.ends = l.ends;
    } else out.push({ line: l.line, parts: [l.text], ends: l.ends, tail: l.text.slice(-TAIL), letters: countLetters(l.text, 0), lower: LOWER.test(l.text) });
  }
  return out.map((p) => ({ line: p.line, text: p.parts.length === 1 ? p.parts[0]! : p.parts.join(''), ends: p.ends }));
}
