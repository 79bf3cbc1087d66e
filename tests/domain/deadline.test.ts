import { describe, expect, it } from 'vitest';
import { type Deadline, parseDeadline } from '../../src/core/domain/deadline.js';

type Expect = Partial<Omit<Deadline, 'text'>>;
const window = (start: string | null, end: string): Expect => ({ kind: 'window', start, end, from: null, due: [], reason: null });
const open = (start: string, end: string): Expect => ({ kind: 'open-ended', start, end: null, from: { start, end }, reason: null });

describe('parseDeadline: the forms of domain.md', () => {
  const cases: [string, Expect][] = [
    // Windows: quarters, unions, alternatives, months, years.
    ['Quý III năm 2023', window('2023-07-01', '2023-09-30')],
    ['Quý III năm 2023.', window('2023-07-01', '2023-09-30')],
    ['Quý II và Quý III năm 2023.', window('2023-04-01', '2023-09-30')],
    ['Quý III và quý IV năm 2023.', window('2023-07-01', '2023-12-31')],
    ['Quý III hoặc quý IV năm 2023.', window('2023-07-01', '2023-12-31')],
    ['Quý II, III năm 2023', window('2023-04-01', '2023-09-30')],
    ['quý iv năm 2023', window('2023-10-01', '2023-12-31')],
    ['Quý 3/2023', window('2023-07-01', '2023-09-30')],
    ['Quý 3, 4/2023', window('2023-07-01', '2023-12-31')],
    ['Quý I năm 2024', window('2024-01-01', '2024-03-31')],
    ['Tháng 10 năm 2023.', window('2023-10-01', '2023-10-31')],
    ['Tháng 02/2024', window('2024-02-01', '2024-02-29')],
    ['10/2023', window('2023-10-01', '2023-10-31')],
    ['tháng 10, 11 năm 2023', window('2023-10-01', '2023-11-30')],
    ['Năm 2024', window('2024-01-01', '2024-12-31')],
    ['Năm 2023.', window('2023-01-01', '2023-12-31')],
    ['6 tháng đầu năm 2024', window('2024-01-01', '2024-06-30')],
    ['6 tháng cuối năm 2023', window('2023-07-01', '2023-12-31')],
    ['Từ tháng 7 đến tháng 12/2023', window('2023-07-01', '2023-12-31')],
    ['Quý III - Quý IV năm 2023', window('2023-07-01', '2023-12-31')],
    ['ngày 15/11/2023', window('2023-11-15', '2023-11-15')],
    ['Năm 2023, 2024', window('2023-01-01', '2024-12-31')],
    ['Giai đoạn 2023 - 2025', window('2023-01-01', '2025-12-31')],
    ['năm 2023-2025', window('2023-01-01', '2025-12-31')],
    // "trước ngày D" ends on D - 1; "chậm nhất" keeps the day.
    ['trước ngày 15/11/2023', window(null, '2023-11-14')],
    ['Trước ngày 01 tháng 7 năm 2023', window(null, '2023-06-30')],
    ['trước ngày 01/01/2024', window(null, '2023-12-31')],
    ['trước Quý IV năm 2023', window(null, '2023-09-30')],
    ['chậm nhất ngày 15/11/2023', window(null, '2023-11-15')],
    ['chậm nhất trước ngày 15/11/2023', window(null, '2023-11-14')],
    // "Đến" opening the text is a deadline (inclusive), not the end of a range.
    ['Đến hết năm 2023', window(null, '2023-12-31')],
    ['Từ nay đến hết năm 2023', window(null, '2023-12-31')],
    ['đến ngày 15/11/2023', window(null, '2023-11-15')],
    // Open-ended: start of the period, no end, the period kept as `from`.
    ['Năm 2023 và các năm tiếp theo.', open('2023-01-01', '2023-12-31')],
    ['Từ Quý IV năm 2023 và các năm tiếp theo.', open('2023-10-01', '2023-12-31')],
    ['Quý IV năm 2023 và những năm tiếp theo.', open('2023-10-01', '2023-12-31')],
    ['Từ năm 2024 trở đi', open('2024-01-01', '2024-12-31')],
    ['Từ tháng 7/2023', open('2023-07-01', '2023-07-31')],
    ['Thường xuyên, từ năm 2024', open('2024-01-01', '2024-12-31')],
    ['Hằng năm, từ năm 2024', open('2024-01-01', '2024-12-31')],
    // Without an end.
    ['Thường xuyên.', { kind: 'continuous', start: null, end: null, from: null }],
    ['thường xuyên', { kind: 'continuous' }],
    ['Định kỳ và khi có yêu cầu.', { kind: 'periodic', start: null, end: null }],
    ['Khi có yêu cầu', { kind: 'periodic' }],
    ['Hằng năm', { kind: 'periodic' }],
    ['Định kỳ 6 tháng', { kind: 'periodic', duration: '6 tháng' }],
    // Not stated.
    ['unknown', { kind: 'unknown', reason: null }],
    ['', { kind: 'unknown' }],
    ['   ', { kind: 'unknown' }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseDeadline(text)).toMatchObject(expected);
  });

  it('keeps the input as text, and reads undefined as unknown', () => {
    expect(parseDeadline('Quý III năm 2023').text).toBe('Quý III năm 2023');
    expect(parseDeadline(undefined)).toEqual({
      text: null, kind: 'unknown', start: null, end: null, from: null, due: [], qualifiers: [], condition: null, duration: null, reason: null,
    });
  });
});

describe('parseDeadline: yearly recurring due days', () => {
  it('"Hằng năm (hàng năm), trước ngày 01/11 (hoặc đột xuất)" is due 31/10, qualifier kept', () => {
    expect(parseDeadline('Hằng năm (hàng năm), trước ngày 01/11 (hoặc đột xuất)')).toMatchObject({
      kind: 'yearly', start: null, end: null, due: [{ month: 10, day: 31, label: null }], qualifiers: ['hoặc đột xuất'],
    });
  });
  it.each([
    ['Hàng năm, trước ngày 01 tháng 12', 11, 30],
    ['Hằng năm, trước ngày 15 tháng 11 hoặc đột xuất', 11, 14],
    ['Hằng năm, trước ngày 01/11 hoặc đột xuất', 10, 31],
    ['Hằng năm, trước ngày 01/01', 12, 31],
    ['Hằng năm, trước ngày 01/03', 2, 28],
    ['Hằng năm, trong tháng 12', 12, 31],
    ['Hằng năm, chậm nhất ngày 15/11', 11, 15],
  ])('%j → %i/%i', (text, month, day) => {
    expect(parseDeadline(text)).toMatchObject({ kind: 'yearly', due: [{ month, day }] });
  });
  it('the half-year and the annual report: two labelled dues', () => {
    const d = parseDeadline('báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11.');
    expect(d).toMatchObject({ kind: 'yearly', reason: null });
    expect(d.due).toEqual([{ month: 6, day: 4, label: '6 tháng' }, { month: 11, day: 24, label: 'năm' }]);
  });
  it('a yearly duty starting in a given year keeps that start', () => {
    expect(parseDeadline('Từ năm 2024, hằng năm trước ngày 01/11')).toMatchObject({
      kind: 'yearly', start: '2024-01-01', from: { start: '2024-01-01', end: '2024-12-31' }, due: [{ month: 10, day: 31 }],
    });
  });
});

describe('parseDeadline: what is kept beside the date', () => {
  it('a condition: "Trong năm 2024 (sau khi có văn bản …)"', () => {
    const d = parseDeadline('Trong năm 2024 (sau khi có văn bản quy định, \n\nhướng dẫn của cấp trên).');
    expect(d).toMatchObject(window('2024-01-01', '2024-12-31'));
    expect(d.condition).toBe('sau khi có văn bản quy định, hướng dẫn của cấp trên');
  });
  it('a leading condition stops where only a date follows', () => {
    expect(parseDeadline('Sau khi có hướng dẫn của Bộ Nội vụ, trong năm 2024')).toMatchObject({
      ...window('2024-01-01', '2024-12-31'), condition: 'Sau khi có hướng dẫn của Bộ Nội vụ',
    });
  });
  it('"(nếu có)" is a qualifier', () => {
    expect(parseDeadline('trước ngày 15/11/2023 (nếu có)')).toMatchObject({ ...window(null, '2023-11-14'), qualifiers: ['(nếu có)'] });
  });
  it('"Thời gian: 01 buổi, dự kiến tổ chức trong tháng 11 năm 2023": November, tentative, with a duration', () => {
    expect(parseDeadline('Thời gian: 01 buổi, dự kiến tổ chức trong tháng 11 năm 2023.')).toMatchObject({
      ...window('2023-11-01', '2023-11-30'), qualifiers: ['dự kiến'], duration: '01 buổi',
    });
  });
  it('"Định kỳ hoặc đột xuất" is periodic with the qualifier', () => {
    expect(parseDeadline('Định kỳ hoặc đột xuất')).toMatchObject({ kind: 'periodic', qualifiers: ['hoặc đột xuất'] });
  });
});

describe('parseDeadline: unreadable, with a reason, never guessed', () => {
  const cases: [string | undefined, RegExp][] = [
    ['01 buổi', /duration, not a deadline/],
    ['Trong 02 tháng', /duration, not a deadline/],
    ['ngày 31/02/2023', /31\/02\/2023 is not a date/],
    ['Hằng năm, trước ngày 29/02', /not a date/],
    ['ngày 01/13/2023', /no month 13/],
    ['Quý 5 năm 2023', /quarter number/],
    ['Tháng 13 năm 2023', /month number/],
    ['Năm 2203', /outside 1945-2100/],
    ['Quý III năm 1900', /outside/],
    ['Quý 3/23', /four digits/],
    ['cuối năm 2023', /unknown word "cuối"/],
    ['Quý III năm …', /expected a year/],
    ['tháng 11', /no year/],
    ['trước ngày 01/11', /no year/],
    ['Sau khi có hướng dẫn của Bộ Nội vụ', /condition without a date/],
    ['(nếu có)', /no time expression/],
    ['Thường xuyên, Quý III năm 2023', /continuous/],
    ['Hằng năm, Quý III năm 2023', /fixed period/],
    ['Hằng năm, thường xuyên, trước ngày 01/11', /contradict/],
    ['unknown, Quý III năm 2023', /mixed/],
    ['từ tháng 12 đến tháng 10 năm 2023', /ends .* before it starts/],
    ['và các năm tiếp theo', /does not follow/],
    ['trước ngày 15/11/2023 và các năm tiếp theo', /does not follow/],
    ['Từ', /expected a period after "từ"/],
    ['Quý III năm 2023 - 2024', /incomplete date/],
    ['Từ tháng 7, đến tháng 12 năm 2023', /no clear start/],
    ['15-11-2023', /incomplete date/],
    ['báo cáo năm', /has no date/],
    ['Q3 2023', /unknown word "q"/],
    ['Quý ² năm 2023', /quarter number/],
  ];
  it.each(cases)('%j', (text, reason) => {
    const d = parseDeadline(text);
    expect(d.kind).toBe('unreadable');
    expect(d.start).toBeNull();
    expect(d.end).toBeNull();
    expect(d.reason).toMatch(reason);
  });

  it('a value that is not text (hand-typed YAML) is unreadable, not a crash', () => {
    expect(parseDeadline(2023 as unknown as string)).toMatchObject({ kind: 'unreadable', reason: 'the deadline is not text' });
  });
});
