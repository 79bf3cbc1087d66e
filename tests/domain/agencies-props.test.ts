/**
 * Properties: the resolver and the splitter never throw, and their results do not depend on
 * Unicode normalisation, tone placement or spacing (only the echoed text differs).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveAgency, splitAgencies, type ResolveContext } from '../../src/core/domain/agencies.js';
import { foldKey } from '../../src/core/domain/canonical.js';

const NAMES = [
  'Sở Thông tin và Truyền thông', 'Phòng Văn hoá, Thông tin UBND thị xã', 'Ủy ban nhân dân các huyện, thị xã, thành phố',
  'Uỷ ban Mặt trận Tổ quốc tỉnh', 'Đài Phát thanh và Truyền hình Thanh Hóa', 'Báo Thái Nguyên', 'các sở, ban, ngành cấp tỉnh',
  'Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã', 'Đề nghị Liên đoàn Lao động thị xã', 'HĐND các cấp',
  'Sở Tư pháp (cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh)', 'các cơ quan, đơn vị có liên quan',
  'Ủy ban nhân dân thành phố Cần Thơ', 'Hiệp hội doanh nghiệp tỉnh', 'Bộ Văn hóa, Thể thao và Du lịch', 'Cổng TTĐT tỉnh',
];
const CTXS: ResolveContext[] = [{}, { level: 'province', on: '2023-06-26' }, { level: 'district', on: '2025-08-01', jurisdiction: 'Bỉm Sơn, Thanh Hóa' }];

/** The other tone placement of open syllables ending in oa/uy ("hóa" ↔ "hoá", "Ủy" ↔ "Uỷ"). */
function otherTone(s: string): string {
  const pairs: [string, string][] = [['óa', 'oá'], ['òa', 'oà'], ['ỏa', 'oả'], ['õa', 'oã'], ['ọa', 'oạ'], ['Ủy', 'Uỷ'], ['ủy', 'uỷ'], ['úy', 'uý'], ['ùy', 'uỳ']];
  return s
    .split(' ')
    .map((w) => {
      for (const [a, b] of pairs) {
        if (w.endsWith(a)) return w.slice(0, -a.length) + b;
        if (w.endsWith(b)) return w.slice(0, -b.length) + a;
      }
      return w;
    })
    .join(' ');
}

const variant = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('NFC', 'NFD'), fc.boolean(), fc.nat(3)).map(([n, form, tone, spaces]) => {
  const t = tone ? otherTone(n) : n;
  const spaced = spaces ? t.split(' ').join(' '.repeat(spaces + 1)) : t;
  return { base: n, text: `${' '.repeat(spaces)}${spaced}`.normalize(form as 'NFC' | 'NFD') };
});

const strip = ({ text: _t, ...rest }: ReturnType<typeof resolveAgency>) => rest;

describe('agency properties', () => {
  it('resolveAgency and splitAgencies never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(...CTXS), (s, ctx) => {
        const r = resolveAgency(s, ctx);
        expect(r.text).toBe(s);
        expect(Array.isArray(splitAgencies(s))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on text made of agency words and separators', () => {
    const word = fc.constantFrom('Sở', 'Phòng', 'UBND', 'các', 'cấp', 'huyện', 'thành phố', 'Cần Thơ', 'và', ',', ';', '(', ')', 'Đề nghị', 'xã', 'tỉnh', 'Báo', 'Nội vụ', 'thị xã');
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(...CTXS), (ws, ctx) => {
      const s = ws.join(' ');
      resolveAgency(s, ctx);
      splitAgencies(s);
    }), { numRuns: 500 });
  });
  it('resolution is identical under NFC/NFD, tone placement and extra spaces', () => {
    fc.assert(fc.property(variant, fc.constantFrom(...CTXS), ({ base, text }, ctx) => {
      expect(strip(resolveAgency(text, ctx))).toEqual(strip(resolveAgency(base, ctx)));
    }), { numRuns: 300 });
  });
  it('splitting is identical under the same variations (compared canonically)', () => {
    const list = fc.array(fc.constantFrom(...NAMES.filter((n) => !n.includes('Đề nghị'))), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(list, fc.constantFrom('NFC', 'NFD'), fc.boolean(), (names, form, tone) => {
      const base = names.join('; ');
      const text = (tone ? otherTone(base) : base).normalize(form as 'NFC' | 'NFD').replace(/ /g, '  ');
      expect(splitAgencies(text).map(foldKey)).toEqual(splitAgencies(base).map(foldKey));
    }), { numRuns: 200 });
  });
});

describe('PDF leftovers', () => {
  it('soft hyphens and zero-width characters inside a word do not split it', () => {
    const r = resolveAgency('Sở Nội\u00AD vụ', { level: 'province' });
    expect(r.name).toBe('Sở Nội vụ');
    expect(resolveAgency('Phòng Tư\u200B pháp', { level: 'district' }).name).toBe('Phòng Tư pháp');
  });
});
