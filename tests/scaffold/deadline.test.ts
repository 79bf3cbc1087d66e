/**
 * A child's yearly reporting date, some days before its parent's (src/core/scaffold/deadline.ts):
 * written in the parent's style, read back by the check's own deadline reader, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { earlierYearly } from '../../src/core/scaffold/deadline.js';
import { parseDeadline } from '../../src/core/domain/deadline.js';

describe('earlierYearly', () => {
  it.each([
    ['Hằng năm, trước ngày 01/11 hoặc đột xuất', 10, 'Hằng năm, trước ngày 22/10 hoặc đột xuất'],
    ['Hằng năm, trước ngày 15/11', 10, 'Hằng năm, trước ngày 05/11'],
    ['Hàng năm, trước ngày 15 tháng 11 hoặc đột xuất', 10, 'Hàng năm, trước ngày 05 tháng 11 hoặc đột xuất'],
    ['Hàng năm, trước ngày 01 tháng 12', 10, 'Hàng năm, trước ngày 21 tháng 11'],
    ['báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11', 10, 'báo cáo 6 tháng gửi trước ngày 26 tháng 5, báo cáo năm gửi trước ngày 15 tháng 11'],
    ['Hằng năm, trước ngày 5/3', 7, 'Hằng năm, trước ngày 26/2'],
    ['Hằng năm, trước ngày 15/11', 0, 'Hằng năm, trước ngày 15/11'],
  ])('%s, %i days earlier: %s', (text, days, want) => {
    expect(earlierYearly(text, days)).toBe(want);
    // The due days read back exactly that many days earlier.
    const a = parseDeadline(text).due.map((d) => Date.UTC(2023, d.month - 1, d.day));
    const b = parseDeadline(want).due.map((d) => Date.UTC(2023, d.month - 1, d.day));
    expect(b.map((x, i) => (a[i]! - x) / 86_400_000)).toEqual(a.map(() => days));
  });

  it.each([
    ['Quý III năm 2023', 'not yearly'],
    ['Thường xuyên', 'not yearly'],
    ['unknown', 'not yearly'],
    ['trước ngày 15/11/2023', 'a dated deadline, not a yearly one'],
    ['Hằng năm, trước ngày 05/01', 'it would fall in the year before'],
  ])('%s: left to the drafter (%s)', (text) => {
    expect(earlierYearly(text, 10)).toBeNull();
  });
});
