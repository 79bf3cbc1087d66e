/** counterparts, isCounterpart, sameFamily and levelOfIssuer. */
import { describe, expect, it } from 'vitest';
import { counterparts, isCounterpart, levelOfIssuer, resolveAgency, sameFamily } from '../../src/core/domain/agencies.js';

const D = { level: 'district' as const, on: '2023-06-26' };
const prov = (s: string, on = '2023-06-26') => resolveAgency(s, { level: 'province', on });

describe('counterparts', () => {
  it.each([
    ['Sở Nội vụ', 'district', ['Phòng Nội vụ']],
    ['Sở Tư pháp', 'district', ['Phòng Tư pháp']],
    ['Sở Thông tin và Truyền thông', 'district', ['Phòng Văn hóa và Thông tin']],
    ['Sở Văn hóa, Thể thao và Du lịch', 'district', ['Phòng Văn hóa và Thông tin']],
    ['Sở Kế hoạch và Đầu tư', 'district', ['Phòng Tài chính - Kế hoạch']],
    ['Sở Tài chính', 'district', ['Phòng Tài chính - Kế hoạch']],
    ['Sở LĐ-TB&XH', 'district', ['Phòng Lao động - Thương binh và Xã hội']],
    ['Đài Phát thanh - Truyền hình tỉnh', 'district', ['Trung tâm Văn hóa - Thể thao và Truyền thông huyện', 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', 'Đài Truyền thanh huyện']],
    ['Ủy ban Mặt trận Tổ quốc tỉnh', 'district', ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện']],
    ['Liên đoàn Lao động tỉnh', 'district', ['Liên đoàn Lao động huyện']],
    ['Bộ Chỉ huy quân sự tỉnh', 'district', ['Ban Chỉ huy quân sự huyện']],
    ['Ban Dân vận Tỉnh ủy', 'district', ['Ban Dân vận Huyện ủy']],
    ['Văn phòng UBND tỉnh', 'district', ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện']],
    ['Sở Nội vụ', 'commune', ['công chức Văn phòng - Thống kê']],
    ['Sở Nội vụ', 'province', ['Sở Nội vụ']],
  ] as const)('%s → %s', (name, level, expected) => {
    expect(counterparts(prov(name), level, '2023-06-26')).toEqual(expected);
  });
  it('walks several levels down and up', () => {
    expect(counterparts(resolveAgency('Bộ Nội vụ', { level: 'national' }), 'district', '2023-06-26')).toEqual(['Phòng Nội vụ']);
    expect(counterparts(resolveAgency('Phòng Nội vụ', D), 'national', '2023-06-26')).toEqual(['Bộ Nội vụ']);
  });
  it('uses the relation in force on the date', () => {
    expect(counterparts(prov('Sở Nội vụ', '2025-08-01'), 'commune', '2025-08-01')).toEqual(['Phòng Văn hóa - Xã hội']);
    expect(counterparts(prov('Sở Tư pháp', '2025-08-01'), 'commune', '2025-08-01')).toEqual(['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã']);
    expect(counterparts(prov('Sở Nội vụ'), 'district', '2025-08-01')).toEqual([]);
    // The parent's own agency is judged on the parent's date: only the relation and the target count.
    expect(counterparts(prov('Sở Thông tin và Truyền thông'), 'district', '2025-06-01')).toEqual(['Phòng Văn hóa và Thông tin']);
    expect(counterparts(prov('Sở Thông tin và Truyền thông'), 'district', '2025-07-01')).toEqual([]);
  });
  it('has none for vague names', () => {
    expect(counterparts(prov('các cơ quan, đơn vị có liên quan'), 'district')).toEqual([]);
  });
});

describe('isCounterpart', () => {
  it('accepts the counterpart at the child level and nothing else', () => {
    const on = '2023-06-26';
    expect(isCounterpart(prov('Sở Nội vụ'), resolveAgency('Phòng Nội vụ', D), 'district', on)).toBe(true);
    expect(isCounterpart(prov('Sở Thông tin và Truyền thông'), resolveAgency('Phòng Văn hoá, Thông tin UBND thị xã', D), 'district', on)).toBe(true);
    expect(isCounterpart(prov('Đài Phát thanh và Truyền hình Thanh Hóa'), resolveAgency('Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã', D), 'district', on)).toBe(true);
    expect(isCounterpart(prov('Sở Nội vụ'), resolveAgency('Phòng Tư pháp', D), 'district', on)).toBe(false);
    expect(isCounterpart(prov('Sở Nội vụ'), resolveAgency('Sở Nội vụ', D), 'district', on)).toBe(false);
    expect(isCounterpart(prov('UBND cấp huyện'), resolveAgency('Ủy ban nhân dân thị xã', D), 'district', on)).toBe(true);
    expect(isCounterpart(prov('các cơ quan, đơn vị có liên quan'), resolveAgency('Phòng Nội vụ', D), 'district', on)).toBe(false);
  });
});

describe('sameFamily', () => {
  it('counts what a body serves', () => {
    expect(sameFamily(prov('Sở Thông tin và Truyền thông'), resolveAgency('Phòng Văn hóa và Thông tin', D))).toBe(true);
    expect(sameFamily(prov('Sở Nội vụ'), resolveAgency('Phòng Nội vụ', D))).toBe(true);
    expect(sameFamily(prov('Sở Nội vụ'), prov('Sở Tư pháp'))).toBe(false);
    expect(sameFamily(prov('UBND tỉnh'), prov('UBND các huyện, thị xã, thành phố'))).toBe(true);
  });
});

describe('levelOfIssuer', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Thanh Hóa', 'province'],
    ['Ủy ban nhân dân thành phố Cần Thơ', 'province'],
    ['UBND TP. Hồ Chí Minh', 'province'],
    ['Ủy ban nhân dân thị xã Bỉm Sơn', 'district'],
    ['thành phố Sông Công', 'district'],
    ['Ủy ban nhân dân thành phố Thanh Hóa', 'district'],
    ['Ủy ban nhân dân huyện Như Thanh', 'district'],
    ['Ủy ban nhân dân phường Ba Đình', 'commune'],
    ['Thủ tướng Chính phủ', 'national'],
    ['Bộ Nội vụ', 'national'],
    ['Sở Nội vụ tỉnh Thái Nguyên', 'department'],
    ['Tỉnh Thanh Hóa', 'province'],
    ['Ủy ban nhân dân thành phố', null],
    ['Ban Chấp hành Hội Khuyến học', null],
  ] as const)('%s → %s', (issuer, level) => {
    expect(levelOfIssuer(issuer, '2023-06-26')).toBe(level);
  });
  it('decides "thành phố" by the gazetteer on the date (Huế became a central city on 2025-01-01)', () => {
    expect(levelOfIssuer('Ủy ban nhân dân thành phố Huế', '2024-06-01')).toBe('district');
    expect(levelOfIssuer('Ủy ban nhân dân thành phố Huế', '2025-03-01')).toBe('province');
  });
});
