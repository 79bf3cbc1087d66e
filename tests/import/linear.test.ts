/**
 * The importer's linear rewrites (issue 16) read text exactly as the definitions they replace:
 * each old definition, kept here as the reference, against the new one on generated input.
 * (tests/robustness/import-fuzz.test.ts checks that nothing hangs or crashes; the bench measures
 * the growth.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawLine } from '../../src/core/import/clean.js';
import { fieldOf, isAllCaps, isClosing, markerOf, type Marked } from '../../src/core/import/markers.js';
import { paragraphs, type Paragraph } from '../../src/core/import/paragraphs.js';
import { trimEndRun } from '../../src/core/import/scan.js';
import { stripEnd } from '../../src/core/import/task.js';

// ---------------------------------------------------------------------------------------
// The old definitions (src/core/import before issue 16).

const OLD_ROMAN = /^([IVX]{1,5})\s*[.)]\s*(?=[\p{Lu}\d"“*(])/u;
const OLD_NUM = /^(\d{1,2})\s*[.)]\s*(?=[\p{Lu}"“(])/u;
const OLD_LETTER = /^([abcdđefghijklmnopqrstuvwxyz])\s*[.)]\s+(?=[\p{Lu}"“(])/u;
const OLD_DASH = /^[-–—•*]\s*/u;
const OLD_PLUS = /^\+\s*/u;
function oldMarkerOf(text: string): Marked {
  let m = OLD_ROMAN.exec(text);
  if (m) return { kind: 'roman', mark: m[1]!, rest: text.slice(m[0].length).trim() };
  m = OLD_NUM.exec(text);
  if (m) return { kind: 'num', mark: m[1]!, rest: text.slice(m[0].length).trim() };
  m = OLD_LETTER.exec(text);
  if (m) return { kind: 'letter', mark: m[1]!, rest: text.slice(m[0].length).trim() };
  m = OLD_PLUS.exec(text);
  if (m) return { kind: 'plus', mark: '', rest: text.slice(m[0].length).trim() };
  m = OLD_DASH.exec(text);
  if (m && text.length > m[0].length) {
    const inner = text.slice(m[0].length);
    const nested = oldMarkerOf(inner);
    if (nested.kind === 'letter' || nested.kind === 'plus') return nested;
    return { kind: 'dash', mark: '', rest: inner.trim() };
  }
  return { kind: 'none', mark: '', rest: text };
}

function oldIsAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 6 && !/\p{Ll}/u.test(text);
}

const COMPOUND_LEFT = new Set(['phát thanh', 'lao động', 'văn hóa', 'văn hoá', 'tài chính', 'văn phòng', 'tư pháp', 'độc lập', 'tự do', 'kinh tế', 'chính trị', 'quốc phòng', 'thương binh', 'khoa học', 'nông nghiệp', 'thể thao', 'thống kê', 'pt', 'ct']);
const PREAMBLE = /^(Căn cứ\s|Thực hiện\s+(Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Công văn|Thông tư|Nghị định|Luật|Chương trình|Hướng dẫn|Văn bản|Thông báo)\b)/u;
const oldLastWords = (s: string, n: number): string => s.replace(/[^\p{L}\p{N}\s]+$/u, '').trim().split(/\s+/).slice(-n).join(' ').toLowerCase();
function oldStartsParagraph(prev: Paragraph, line: RawLine): boolean {
  const t = line.text;
  if (prev.ends || line.opens) return true;
  if (isClosing(t) || oldIsAllCaps(t) || oldIsAllCaps(prev.text)) return true;
  const m = oldMarkerOf(t);
  const prevEndsWord = /[\p{L}\p{N})]$/u.test(prev.text);
  if (m.kind === 'dash') {
    if (!prevEndsWord) return true;
    const next = m.rest.charAt(0);
    const lower = next !== '' && next === next.toLowerCase() && next !== next.toUpperCase();
    return !(lower || COMPOUND_LEFT.has(oldLastWords(prev.text, 2)) || COMPOUND_LEFT.has(oldLastWords(prev.text, 1)));
  }
  if (m.kind !== 'none') return true;
  if (fieldOf(t)) return true;
  const startsCapital = /^[\p{Lu}"“]/u.test(t);
  if (startsCapital && /[.!?]["”)]?$/u.test(prev.text)) return true;
  if (PREAMBLE.test(t)) return true;
  return false;
}
function oldJoin(a: string, b: string): string {
  if (/[\p{Lu}\d/]-$/u.test(a) && /^[\p{Lu}\d]/u.test(b)) return a + b;
  if (/[\p{L}\d]\/$/u.test(a) && /^[\p{L}\d]/u.test(b)) return a + b;
  return `${a} ${b}`;
}
function oldParagraphs(lines: readonly RawLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && !oldStartsParagraph(prev, l)) {
      prev.text = oldJoin(prev.text, l.text);
      prev.ends = l.ends;
    } else out.push({ line: l.line, text: l.text, ends: l.ends });
  }
  return out;
}

// ---------------------------------------------------------------------------------------

const PIECES = [
  '-', '- ', '–', '•', '*', '+', '- a) Sở', '- - b) Tổ', '- - 1. Sở', 'a)', 'đ. Ban', 'II. NỘI DUNG', 'IV)', '12. Tổ chức', '- Cơ quan chủ trì:', 'Thời gian thực hiện: Quý III',
  'Đài Phát thanh -', 'Truyền hình', 'phát thanh', 'Phát Thanh', 'văn hoá', 'NĐ-', 'CP', '10/2022/', 'QH15', 'KẾ HOẠCH', 'ỦY BAN', 'ABC', 'Căn cứ', 'Thực hiện Kế hoạch', 'Trên đây là',
  'tổ chức.', 'Sở Nội vụ.', '(Sở)', ')', '"', '“Sở', '!', '?', ';', ':', '...', '…', 'x', 'Ủ', '\u0301', '𝐀', '𝒂', '\uD835', '1', '2023',
];
const text = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '', '  '))
  .map(([xs, sep]) => xs.join(sep));
const rawLines = fc.array(fc.tuple(text, fc.boolean(), fc.boolean()), { maxLength: 40 }).map((ls) =>
  ls.map(([t, opens, ends], i): RawLine => ({ line: i + 1, text: t.trim() || 'x', opens: opens && i % 3 === 0, ends: ends && i % 4 === 0 })),
);

describe('the linear rewrites read as the old definitions', () => {
  it('markerOf: dashes skipped in a loop, as the recursion did', () => {
    fc.assert(fc.property(text, (t) => void expect(markerOf(t)).toEqual(oldMarkerOf(t))), { numRuns: 3000 });
  });

  it('isAllCaps: counting six letters, as counting all', () => {
    fc.assert(fc.property(text, (t) => void expect(isAllCaps(t)).toBe(oldIsAllCaps(t))), { numRuns: 3000 });
  });

  it('paragraphs: built from their lines, as joined line by line', () => {
    fc.assert(fc.property(rawLines, (ls) => void expect(paragraphs(ls)).toEqual(oldParagraphs(ls))), { numRuns: 2000 });
  });

  it('paragraphs: the last two words read back across many short lines and long words', () => {
    const long = fc.tuple(fc.constantFrom('phát', 'thanh', 'A-', 'B', 'x'.repeat(70), '.'.repeat(90), ')'), fc.constantFrom('- Truyền hình', '- truyền', '-X', 'y'));
    const lines = fc.array(long, { minLength: 1, maxLength: 30 }).map((ps) => ps.flatMap(([a, b], i) => [{ line: 2 * i + 1, text: a, opens: false, ends: false }, { line: 2 * i + 2, text: b, opens: false, ends: false }]));
    fc.assert(fc.property(lines, (ls) => void expect(paragraphs(ls)).toEqual(oldParagraphs(ls))), { numRuns: 1000 });
  });

  it('trimEndRun and stripEnd: as the end-anchored expressions, surrogate pairs and all', () => {
    const s = fc.string({ unit: 'binary', maxLength: 30 }).chain((a) => fc.constantFrom(...[' ', ',', ';', '.', ':', '\t', '𝐀', '\uD835']).chain((c) => fc.nat({ max: 6 }).map((n) => a + c.repeat(n))));
    fc.assert(
      fc.property(s, (t) => {
        expect(trimEndRun(t, /^[\s,;:.]$/u)).toBe(t.replace(/[\s,;:.]+$/u, ''));
        expect(stripEnd(t)).toBe(t.replace(/[\s.;,]+$/u, ''));
        expect(trimEndRun(t, /^[^\p{L}\p{N}\s]$/u)).toBe(t.replace(/[^\p{L}\p{N}\s]+$/u, ''));
      }),
      { numRuns: 3000 },
    );
  });
});
