import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/core/domain/deadline.js';
import { compareDeadlines } from '../../src/core/domain/deadline-compare.js';

const cmp = (parent: string | undefined, child: string | undefined) => compareDeadlines(parseDeadline(parent), parseDeadline(child));

describe("compareDeadlines: checking.md's examples", () => {
  it('"Quý IV năm 2023" against parent "Quý III năm 2023": late by 92 days', () => {
    expect(cmp('Quý III năm 2023', 'Quý IV năm 2023')).toMatchObject({ verdict: 'late', delayDays: 92 });
  });
  it('open-ended parent from 2023: a child from 2024 is late, a child from Q4 2023 is fine', () => {
    const parent = 'Năm 2023 và các năm tiếp theo';
    expect(cmp(parent, 'Từ năm 2024 và các năm tiếp theo')).toMatchObject({ verdict: 'late', delayDays: 366 });
    expect(cmp(parent, 'Từ Quý IV năm 2023 và các năm tiếp theo')).toMatchObject({ verdict: 'ok', delayDays: null });
  });
  it('"Năm 2023 và các năm tiếp theo" against "Quý II và Quý III năm 2023": weakened', () => {
    expect(cmp('Quý II và Quý III năm 2023', 'Năm 2023 và các năm tiếp theo')).toMatchObject({ verdict: 'weakened', delayDays: null });
  });
  it('late wins over weakened: an open-ended child starting after the window', () => {
    const v = cmp('Quý II và Quý III năm 2023', 'Quý IV năm 2023 và những năm tiếp theo');
    // Measured like "Quý IV năm 2023": the child's first period ends 92 days after the parent.
    expect(v).toMatchObject({ verdict: 'late', delayDays: 92 });
    expect(v.reason).toMatch(/starts 2023-10-01/);
  });
  it('unknown or unreadable on either side: unchecked', () => {
    expect(cmp('unknown', 'Quý IV năm 2023')).toMatchObject({ verdict: 'unchecked', delayDays: null });
    expect(cmp(undefined, 'Quý IV năm 2023').reason).toMatch(/parent deadline is unknown/);
    expect(cmp('Quý III năm 2023', 'cuối năm 2023')).toMatchObject({ verdict: 'unchecked' });
    expect(cmp('Quý III năm 2023', 'cuối năm 2023').reason).toMatch(/child deadline is unreadable: unknown word/);
  });
});

describe('compareDeadlines: finite parent window', () => {
  it.each([
    ['Quý III năm 2023', 'Quý III năm 2023', 'ok', null],
    ['Quý II và Quý III năm 2023', 'Quý III năm 2023', 'ok', null],
    ['Quý II và Quý III năm 2023', 'Quý III hoặc quý IV năm 2023', 'late', 92],
    ['Quý IV năm 2023', 'Tháng 10 năm 2023', 'ok', null],
    ['trước ngày 15/11/2023', 'Tháng 11 năm 2023', 'late', 16],
    ['Năm 2023', 'Trong năm 2024 (sau khi có văn bản hướng dẫn)', 'late', 366],
    ['Quý III năm 2023', 'Thường xuyên', 'weakened', null],
    ['Quý III năm 2023', 'Định kỳ và khi có yêu cầu', 'weakened', null],
    ['Quý IV năm 2023', 'Quý IV năm 2023 và những năm tiếp theo', 'weakened', null],
    // A yearly child: its due day in the parent's end year.
    ['trước ngày 15/11/2023', 'Hằng năm, trước ngày 01/11', 'ok', null],
    ['trước ngày 15/11/2023', 'Hàng năm, trước ngày 01 tháng 12', 'late', 16],
    ['Quý III năm 2023', 'Hằng năm, trước ngày 01/11', 'late', 31],
    ['Năm 2023', 'Từ năm 2024, hằng năm trước ngày 01/11', 'late', 366],
  ] as const)('parent %j, child %j → %s', (parent, child, verdict, delayDays) => {
    expect(cmp(parent, child)).toMatchObject({ verdict, delayDays });
  });
});

describe('compareDeadlines: parents without a finite end', () => {
  it.each([
    // Continuous and periodic parents state no date: any child is ok (a finite one is stricter).
    ['Thường xuyên', 'Quý IV năm 2023', 'ok'],
    ['Thường xuyên', 'Thường xuyên', 'ok'],
    ['Thường xuyên', 'Định kỳ và khi có yêu cầu', 'ok'],
    ['Định kỳ và khi có yêu cầu', 'Quý IV năm 2023', 'ok'],
    ['Định kỳ và khi có yêu cầu', 'Hằng năm, trước ngày 01/11', 'ok'],
    ['Định kỳ và khi có yêu cầu', 'Năm 2023 và các năm tiếp theo', 'ok'],
    // Open-ended parent: only a late start counts; a finite child is not "weakened".
    ['Năm 2023 và các năm tiếp theo', 'Quý IV năm 2023', 'ok'],
    ['Năm 2023 và các năm tiếp theo', 'Thường xuyên', 'ok'],
    ['Năm 2023 và các năm tiếp theo', 'Định kỳ và khi có yêu cầu', 'ok'],
    ['Năm 2023 và các năm tiếp theo', 'Hằng năm, trước ngày 01/11', 'ok'],
    ['Năm 2023 và các năm tiếp theo', 'trước ngày 15/11/2024', 'ok'],
    ['Năm 2023 và các năm tiếp theo', 'Năm 2024', 'late'],
    ['Quý IV năm 2023 và những năm tiếp theo', 'Từ Quý IV năm 2023 và các năm tiếp theo', 'ok'],
  ] as const)('parent %j, child %j → %s', (parent, child, verdict) => {
    expect(cmp(parent, child).verdict).toBe(verdict);
  });
});

describe('compareDeadlines: yearly parents', () => {
  const parent = 'báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11';
  it('compares the annual due and explains', () => {
    const v = cmp('Hằng năm, trước ngày 01 tháng 12', 'Hằng năm, trước ngày 15/12');
    expect(v).toMatchObject({ verdict: 'late', delayDays: 14 });
    expect(v.reason).toMatch(/14\/12 after parent 30\/11/);
    expect(cmp('Hằng năm, trước ngày 15 tháng 11', 'Hằng năm, trước ngày 01/11 hoặc đột xuất')).toMatchObject({ verdict: 'ok' });
    expect(cmp('Hằng năm, trước ngày 01/11', 'Hằng năm, trước ngày 01/11')).toMatchObject({ verdict: 'ok' });
  });
  it('the annual report against a single yearly due; labelled half-year reports pairwise', () => {
    expect(cmp(parent, 'Hằng năm, trước ngày 01/12')).toMatchObject({ verdict: 'late', delayDays: 6 });
    expect(cmp(parent, 'Hằng năm, trước ngày 15/11')).toMatchObject({ verdict: 'ok' });
    const v = cmp(parent, 'báo cáo 6 tháng gửi trước ngày 15 tháng 6, báo cáo năm gửi trước ngày 15 tháng 11');
    expect(v).toMatchObject({ verdict: 'late', delayDays: 10 });
    expect(v.reason).toMatch(/báo cáo 6 tháng/);
  });
  it('a child window falling later in its year than the annual due is late', () => {
    expect(cmp('Hằng năm, trước ngày 01/11', 'Quý IV năm 2023')).toMatchObject({ verdict: 'late', delayDays: 61 });
    expect(cmp('Hằng năm, trước ngày 01/11', 'Quý III năm 2023')).toMatchObject({ verdict: 'ok' });
  });
  it('a child with no due day weakens it', () => {
    expect(cmp('Hằng năm, trước ngày 01/11', 'Định kỳ và khi có yêu cầu')).toMatchObject({ verdict: 'weakened' });
    expect(cmp('Hằng năm, trước ngày 01/11', 'Thường xuyên')).toMatchObject({ verdict: 'weakened' });
    expect(cmp('Hằng năm, trước ngày 01/11', 'Năm 2023 và các năm tiếp theo')).toMatchObject({ verdict: 'weakened' });
  });
  it('a yearly parent from a year: a child starting after that year is late', () => {
    expect(cmp('Từ năm 2023, hằng năm trước ngày 01/11', 'Từ năm 2024, hằng năm trước ngày 01/11')).toMatchObject({ verdict: 'late', delayDays: 366 });
  });
});

describe('compareDeadlines: conditions are shown, dates compared', () => {
  it('keeps the child condition in the reason', () => {
    const v = cmp('Năm 2024', 'Trong năm 2024 (sau khi có văn bản quy định, hướng dẫn của cấp trên)');
    expect(v.verdict).toBe('ok');
    expect(v.reason).toMatch(/child condition: "sau khi có văn bản quy định, hướng dẫn của cấp trên"/);
  });
});

describe('compareDeadlines: properties', () => {
  const TEXTS = [
    'Quý III năm 2023', 'Quý II và Quý III năm 2023', 'Quý IV năm 2023', 'Tháng 10 năm 2023', 'Năm 2024', 'trước ngày 15/11/2023',
    'Năm 2023 và các năm tiếp theo', 'Từ Quý IV năm 2023 và các năm tiếp theo', 'Từ năm 2024 trở đi', 'Thường xuyên',
    'Định kỳ và khi có yêu cầu', 'Hằng năm, trước ngày 01/11', 'Hàng năm, trước ngày 01 tháng 12', 'Từ năm 2024, hằng năm trước ngày 01/11',
    'báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11', 'unknown', 'cuối năm 2023', '01 buổi',
  ];
  const text = fc.oneof(fc.constantFrom(...TEXTS), fc.string());
  it('never throws; a delay is given exactly when late, and is positive', () => {
    fc.assert(fc.property(text, text, (p, c) => {
      const v = compareDeadlines(parseDeadline(p), parseDeadline(c));
      expect(['ok', 'late', 'weakened', 'unchecked']).toContain(v.verdict);
      expect(v.verdict === 'late').toBe(v.delayDays !== null);
      if (v.delayDays !== null) expect(v.delayDays).toBeGreaterThan(0);
      expect(v.reason.length).toBeGreaterThan(0);
    }), { numRuns: 1000 });
  });
  it('a deadline is never late against itself', () => {
    for (const t of TEXTS) expect(cmp(t, t).verdict).not.toBe('late');
  });
  it('malformed hand-built deadlines are unchecked, not a crash', () => {
    const broken = { ...parseDeadline('Hằng năm, trước ngày 01/11'), due: [] };
    expect(compareDeadlines(parseDeadline('Quý III năm 2023'), broken)).toMatchObject({ verdict: 'unchecked' });
  });
});

describe('compareDeadlines: verdicts shared per pair of parsed deadlines', () => {
  it('gives one frozen verdict per pair, equal to that of equal deadlines parsed apart', () => {
    const parent = parseDeadline('Quý III năm 2023');
    const child = parseDeadline('Quý IV năm 2023');
    const v = compareDeadlines(parent, child);
    expect(compareDeadlines(parent, child)).toBe(v);
    expect(Object.isFrozen(v)).toBe(true);
    expect(compareDeadlines(parseDeadline('Quý III năm 2023'), parseDeadline('Quý IV năm 2023'))).toEqual(v);
    expect(compareDeadlines(child, parent)).not.toEqual(v);
  });
});
