/** Canonical Vietnamese text: one spelling for the two tone placements, NFC/NFD, dashes and spaces. */
import { describe, expect, it } from 'vitest';
import { canonical, foldKey, tokens } from '../../src/core/domain/canonical.js';

describe('canonical', () => {
  it.each([
    ['Uỷ ban', 'Ủy ban'],
    ['hoá', 'hóa'],
    ['Văn hoá, Thông tin', 'Văn hóa, Thông tin'],
    ['HOÁ', 'HÓA'],
    ['Thuỷ', 'Thủy'],
    ['khoẻ', 'khỏe'],
    ['Hoà Bình', 'Hòa Bình'],
    ['quý', 'quý'], // after q the tone stays on y
    ['Quý III', 'Quý III'],
    ['hoàng', 'hoàng'], // closed syllable: nothing to move
    ['thuở', 'thuở'],
    ['Uỷ'.normalize('NFD'), 'Ủy'],
    ['Phòng  Tài chính –\u00a0Kế hoạch', 'Phòng Tài chính - Kế hoạch'],
    ['\u00D0ịnh kỳ', 'Định kỳ'],
    ['Tư\u00ADpháp', 'Tưpháp'],
  ])('%s → %s', (input, expected) => expect(canonical(input)).toBe(expected));

  it('compares old and new tone placement, NFC and NFD alike', () => {
    expect(foldKey('Uỷ ban nhân dân tỉnh Thanh Hoá')).toBe(foldKey('ỦY BAN NHÂN DÂN TỈNH THANH HÓA'.normalize('NFD')));
    expect(tokens('Sở Văn hoá, Thể thao và Du lịch')).toEqual(['sở', 'văn', 'hóa', 'thể', 'thao', 'và', 'du', 'lịch']);
  });
});
