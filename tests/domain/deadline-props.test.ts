/**
 * Properties of parseDeadline: it never throws, its result is well-formed JSON, and it does not
 * depend on Unicode form, tone placement or whitespace (only `text` echoes the input).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Deadline, parseDeadline } from '../../src/core/domain/deadline.js';

const KINDS = ['window', 'open-ended', 'continuous', 'periodic', 'yearly', 'unknown', 'unreadable'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const withoutText = (d: Deadline): Omit<Deadline, 'text'> => {
  const { text: _text, ...rest } = d;
  return rest;
};

function wellFormed(d: Deadline): void {
  expect(KINDS).toContain(d.kind);
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  for (const x of [d.start, d.end, d.from?.start, d.from?.end]) if (x != null) expect(x).toMatch(ISO);
  if (d.start !== null && d.end !== null) expect(d.start <= d.end).toBe(true);
  expect(d.kind === 'window').toBe(d.end !== null);
  if (d.kind === 'open-ended') expect(d.start !== null && d.from !== null && d.start === d.from.start).toBe(true);
  expect(d.kind === 'yearly').toBe(d.due.length > 0);
  expect(d.kind === 'unreadable').toBe(typeof d.reason === 'string');
}

// Deadline-like texts as atoms (joined by whitespace below) from the vocabulary, the seeds and noise.
const ATOMS = [
  'Quý', 'quý', 'QUÝ', 'I', 'II', 'III', 'IV', 'V', '1', '3', '4', '5', '/', '2023', '2024', '23', '2203', 'năm', 'Năm', 'tháng',
  'Tháng', '10', '11', '12', '13', 'ngày', '01', '05', '15', '25', '29', '31', '02', 'trước', 'Trước', 'chậm', 'nhất', 'từ', 'Từ',
  'đến', 'hết', 'trong', 'và', 'hoặc', ',', '.', ';', ':', '(', ')', '-', '…', 'hằng', 'Hằng', 'hàng', 'thường', 'xuyên',
  'Thường', 'định', 'kỳ', 'Định', 'khi', 'có', 'yêu', 'cầu', 'các', 'những', 'tiếp', 'theo', 'trở', 'đi', 'nếu', 'đột', 'xuất',
  'dự', 'kiến', 'sau', 'văn', 'bản', 'hướng', 'dẫn', 'của', 'Ủy', 'Uỷ', 'ban', 'Thanh', 'Hóa', 'Hoá', 'thuỷ', 'khoẻ', 'buổi',
  'báo', 'cáo', '6', 'sáu', 'đầu', 'cuối', 'gửi', 'tổ', 'chức', 'unknown', 'Thời', 'gian', 'thực', 'hiện', 'x', '²',
];
const SEEDS = [
  'Quý II và Quý III năm 2023.', 'Quý III hoặc quý IV năm 2023.', 'Tháng 10 năm 2023.', 'Năm 2023 và các năm tiếp theo.',
  'Từ Quý IV năm 2023 và các năm tiếp theo.', 'Quý IV năm 2023 và những năm tiếp theo.', 'Thường xuyên.', 'Định kỳ và khi có yêu cầu.',
  'Trong năm 2024 (sau khi có văn bản quy định, hướng dẫn của cấp trên).', 'Hằng năm (hàng năm), trước ngày 01/11 (hoặc đột xuất)',
  'Hàng năm, trước ngày 01 tháng 12', 'báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11',
  'Thời gian: 01 buổi, dự kiến tổ chức trong tháng 11 năm 2023.', 'trước ngày 15/11/2023 (nếu có)', 'Quý 3/2023', 'Quý II, III năm 2023',
  'Sau khi có hướng dẫn của Ủy ban nhân dân tỉnh Thanh Hóa, trong năm 2024', 'Trong năm 2024 (sau khi có ý kiến của Uỷ ban, hoà giải)',
];
const ROMAN = ['I', 'II', 'III', 'IV'];
const year = fc.integer({ min: 1990, max: 2060 });
/** Readable expressions built from the grammar, so the invariances are tested on dates too. */
const phrase = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 3 }), year).map(([q, y]) => `Quý ${ROMAN[q]} năm ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), year).map(([q, y]) => `quý ${q}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), year).map(([m, y]) => `Tháng ${m} năm ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), year).map(([d, m, y]) => `trước ngày ${d}/${m}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `Hằng năm, trước ngày ${d} tháng ${m}`),
  year.map((y) => `Từ năm ${y} và các năm tiếp theo`),
  fc.constantFrom('Thường xuyên', 'Định kỳ và khi có yêu cầu', '(nếu có)', 'hoặc đột xuất', 'dự kiến', '(sau khi có ý kiến của Uỷ ban)'),
);
const atoms = fc.oneof(
  fc.array(fc.constantFrom(...ATOMS), { maxLength: 14 }),
  fc.constantFrom(...SEEDS).map((s) => s.split(' ')),
  fc.array(fc.tuple(phrase, fc.constantFrom(' và ', ', ', ' hoặc ', ' ')), { minLength: 1, maxLength: 3 })
    .map((ps) => ps.map(([p, j]) => p + j).join('').trim().split(' ')),
);

const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2003', '\u3000', '\u202F', '\u2028', ' \n\t '];
const alnum = /[\p{L}\p{M}\p{N}]/u;
/** Joins atoms with whitespace; none between atoms that would not merge into one token. */
const spaced = (xs: string[]) =>
  fc.tuple(
    fc.array(fc.constantFrom('', ...WHITESPACE), { minLength: xs.length + 1, maxLength: xs.length + 1 }),
    fc.constantFrom('', ...WHITESPACE),
  ).map(([gaps, lead]) =>
    lead + xs.map((x, i) => {
      const next = xs[i + 1];
      const gap = gaps[i]!;
      const mustSplit = next !== undefined && alnum.test(x.slice(-1)) && alnum.test(next.charAt(0));
      return x + (mustSplit && gap === '' ? '\t' : gap);
    }).join(''),
  );

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** The old tone placement ("hoá", "thuỷ"): the tone on the last vowel of oa/oe/uy. */
function oldTone(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (syllable) => {
    const chars = [...syllable.normalize('NFD')];
    const tone = chars.find((c) => TONES.has(c));
    const bare = chars.filter((c) => !TONES.has(c)).join('');
    if (!tone || !/(^|[^q])(oa|oe|uy)$/i.test(bare)) return syllable;
    return (bare + tone).normalize('NFC');
  });
}

const runs = { numRuns: 400 };

describe('parseDeadline properties', () => {
  it('never throws on arbitrary strings, full Unicode included, and returns well-formed JSON', () => {
    const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(fc.property(anyString, (s) => wellFormed(parseDeadline(s))), { numRuns: 1000 });
  });

  it('never throws on deadline-like texts', () => {
    fc.assert(fc.property(atoms, (xs) => wellFormed(parseDeadline(xs.join(' ')))), { numRuns: 2000 });
  });

  it('"trước ngày D/M/Y" ends on the day before, or is unreadable when the date does not exist', () => {
    const ymd = fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1945, max: 2100 }));
    fc.assert(fc.property(ymd, ([d, m, y]) => {
      const parsed = parseDeadline(`trước ngày ${d}/${m}/${y}`);
      const utc = new Date(Date.UTC(y, m - 1, d));
      if (utc.getUTCDate() !== d) {
        expect(parsed.kind).toBe('unreadable');
      } else {
        const dayBefore = new Date(utc.getTime() - 86_400_000).toISOString().slice(0, 10);
        expect(parsed).toMatchObject({ kind: 'window', start: null, end: dayBefore });
      }
    }), runs);
  });

  it('is the same under NFC and NFD, for any string', () => {
    const anyString = fc.oneof(fc.string({ unit: 'binary' }), atoms.map((xs) => xs.join(' ')));
    fc.assert(fc.property(anyString, (s) => {
      expect(withoutText(parseDeadline(s.normalize('NFD')))).toEqual(withoutText(parseDeadline(s.normalize('NFC'))));
    }), runs);
  });

  it('is the same under old and new tone placement', () => {
    expect(oldTone('Thanh Hóa, Ủy ban, thủy, khỏe, quý')).toBe('Thanh Hoá, Uỷ ban, thuỷ, khoẻ, quý');
    fc.assert(fc.property(atoms, (xs) => {
      const s = xs.join(' ');
      expect(withoutText(parseDeadline(oldTone(s)))).toEqual(withoutText(parseDeadline(s)));
    }), runs);
  });

  it('is the same under extra and odd whitespace', () => {
    fc.assert(fc.property(atoms.chain((xs) => fc.tuple(fc.constant(xs), spaced(xs))), ([xs, odd]) => {
      const d = parseDeadline(odd);
      expect(d.text).toBe(odd);
      expect(withoutText(d)).toEqual(withoutText(parseDeadline(xs.join(' '))));
    }), runs);
  });

  it('is the same under all three at once on the seed texts', () => {
    for (const s of SEEDS) {
      const variant = ` \u00A0${oldTone(s).normalize('NFD').replace(/ /g, '\n\t ')}\r\n`;
      expect(withoutText(parseDeadline(variant))).toEqual(withoutText(parseDeadline(s)));
      expect(parseDeadline(s).kind).not.toBe('unreadable');
    }
  });
});
