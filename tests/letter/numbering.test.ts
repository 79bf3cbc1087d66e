/** The numbering phrase of a letter: "II.1.a" → "điểm a mục 1 phần II", and nothing invented for other shapes. */
import { describe, expect, it } from 'vitest';
import { numberingList, numberingPhrase, parseNumbering } from '../../src/format/letter/numbering.js';

describe('numberingPhrase', () => {
  it.each([
    ['II.1.a', 'điểm a mục 1 phần II'],
    ['III.2', 'mục 2 phần III'],
    ['II', 'phần II'],
    ['IV.12.đ', 'điểm đ mục 12 phần IV'],
    ['II.1.d', 'điểm d mục 1 phần II'],
    ['1.a', 'điểm a mục 1'],
    ['3', 'mục 3'],
    ['V.b', 'điểm b phần V'],
    ['II.', 'phần II'],
    [' III.2 ', 'mục 2 phần III'],
  ])('%s → %s', (label, phrase) => {
    expect(numberingPhrase(label)).toBe(phrase);
  });

  it.each(['PL1.3', 'PL.1', 'PL.I.1', 'N1.1', 'II.1.d-2', 'III.3-1', '1.2.3', 'II.1.a.1', 'IIII', 'VX.1', 'ii.1', 'II.A', '', 'Phần II', 'II.0', 'a.1'])('%j has no reading: null, never a guess', (label) => {
    expect(numberingPhrase(label)).toBeNull();
  });

  it('English: the same parts, innermost first', () => {
    expect(numberingPhrase('II.1.a', 'en')).toBe('point a of item 1 of part II');
    expect(numberingPhrase('III.2', 'en')).toBe('item 2 of part III');
    expect(numberingPhrase('II', 'en')).toBe('part II');
  });

  it('parses into part, item and point', () => {
    expect(parseNumbering('II.1.a')).toEqual({ part: 'II', item: '1', point: 'a' });
    expect(parseNumbering('XIV')).toEqual({ part: 'XIV', item: null, point: null });
    expect(parseNumbering('PL1.3')).toBeNull();
  });
});

describe('numberingList', () => {
  const bimSon = ['II.1.a', 'II.1.b', 'II.1.c', 'II.2', 'II.3', 'II.4', 'II.5', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5'];

  it('gathers items of one part and names a part listed whole once', () => {
    const r = numberingList(['II.2', 'II.3', 'II.4', 'II.5', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5'], bimSon, 'vi');
    expect(r).toEqual({ phrase: 'các mục 2, 3, 4, 5 phần II và phần III', others: [] });
    expect(numberingList(['II.2', 'II.3', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5'], bimSon, 'en').phrase).toBe('items 2, 3 of part II and part III');
  });

  it('one task alone keeps its own phrase; an item whose points are all listed is named once', () => {
    expect(numberingList(['II.2'], bimSon, 'vi').phrase).toBe('mục 2 phần II');
    expect(numberingList(['II.1.a', 'II.1.b', 'II.1.c', 'II.3'], bimSon, 'vi').phrase).toBe('các mục 1, 3 phần II');
    expect(numberingList(['II.1.a', 'II.1.c'], bimSon, 'vi').phrase).toBe('các điểm a, c mục 1 phần II');
  });

  it('labels of another shape are handed back, not phrased', () => {
    expect(numberingList(['II.2', 'PL1'], [...bimSon, 'PL1'], 'vi')).toEqual({ phrase: 'mục 2 phần II', others: ['PL1'] });
    expect(numberingList([], bimSon, 'vi')).toEqual({ phrase: null, others: [] });
  });
});
