/**
 * The 2025 structure (shared/domain.md "Since 2025"): merged ministries and departments from
 * 2025-03-01; from 2025-07-01 two tiers (no district level), the 12 departments every province
 * has and the three offices of a commune, with counterparts from the departments straight down
 * to the commune. Each name is checked in force on 2025-08-01 and, where it did not exist yet,
 * not in force on 2024-06-01.
 */
import { describe, expect, it } from 'vitest';
import { counterparts, isCounterpart, resolveAgency, type ResolveContext } from '../../src/core/domain/agencies.js';

const LATE = '2025-08-01';
const EARLY = '2024-06-01';
const P25: ResolveContext = { level: 'province', on: LATE, jurisdiction: 'Phú Thọ' };
const X25: ResolveContext = { level: 'commune', on: LATE, jurisdiction: 'xã An Nam, Phú Thọ' };
const P24: ResolveContext = { ...P25, on: EARLY };
const X24: ResolveContext = { ...X25, on: EARLY };

const prov = (s: string, on = LATE) => resolveAgency(s, { ...P25, on });
const comm = (s: string, on = LATE) => resolveAgency(s, { ...X25, on });

// [text as written, canonical name, family, kind]
type Row = [string, string, string, string];

// Nghị định 150/2025/NĐ-CP: the 12 departments every province has.
const DEPARTMENTS: Row[] = [
  ['Sở Nội vụ', 'Sở Nội vụ', 'home-affairs', 'specialised'],
  ['Sở Tư pháp', 'Sở Tư pháp', 'justice', 'specialised'],
  ['Sở Tài chính', 'Sở Tài chính', 'finance', 'specialised'],
  ['Sở Công Thương', 'Sở Công Thương', 'industry-trade', 'specialised'],
  ['Sở Nông nghiệp và Môi trường', 'Sở Nông nghiệp và Môi trường', 'agriculture-environment', 'specialised'],
  ['Sở Xây dựng', 'Sở Xây dựng', 'construction', 'specialised'],
  ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ', 'science', 'specialised'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch', 'culture', 'specialised'],
  ['Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo', 'education', 'specialised'],
  ['Sở Y tế', 'Sở Y tế', 'health', 'specialised'],
  ['Thanh tra tỉnh', 'Thanh tra tỉnh', 'inspection', 'specialised'],
  ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'office', 'office'],
];

// The three offices of a commune from 2025-07-01, as the generator and plans write them.
const COMMUNE_OFFICES: Row[] = [
  ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', 'office', 'office'],
  ['Văn phòng HĐND và UBND phường', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', 'office', 'office'],
  ['Phòng Kinh tế', 'Phòng Kinh tế', 'economy', 'specialised'],
  ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'economy', 'specialised'],
  ['Phòng Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', 'culture', 'specialised'],
  ['Phòng Văn hoá - Xã hội', 'Phòng Văn hóa - Xã hội', 'culture', 'specialised'],
];

describe('the 2025 structure in force on 2025-08-01', () => {
  it.each(DEPARTMENTS)('province department %s', (text, name, family, kind) => {
    const r = resolveAgency(text, P25);
    expect([r.known, r.name, r.level, r.family, r.kind, r.collective, r.vague, r.independent]).toEqual([
      true, name, 'province', family, kind, false, false, false,
    ]);
  });
  it.each(COMMUNE_OFFICES)('commune office %s', (text, name, family, kind) => {
    const r = resolveAgency(text, X25);
    expect([r.known, r.name, r.level, r.family, r.kind, r.collective, r.vague, r.independent]).toEqual([
      true, name, 'commune', family, kind, false, false, false,
    ]);
  });
  it('has no district level any more', () => {
    expect(resolveAgency('Phòng Nội vụ', { level: 'district', on: LATE }).known).toBe(false);
    expect(resolveAgency('Ủy ban nhân dân cấp huyện', P25).known).toBe(false);
    expect(resolveAgency('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện', P25).known).toBe(false);
  });
  it('no longer has the departments merged on 2025-03-01', () => {
    for (const gone of ['Sở Thông tin và Truyền thông', 'Sở Kế hoạch và Đầu tư', 'Sở Lao động - Thương binh và Xã hội',
      'Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải']) {
      const r = resolveAgency(gone, P25);
      expect([gone, r.known, r.outOfForce?.until]).toEqual([gone, false, '2025-02-28']);
    }
  });
  it('no longer has the commune civil servants of the 2023 structure', () => {
    expect(comm('công chức Văn hóa - Xã hội').known).toBe(false);
    expect(comm('công chức Tư pháp - Hộ tịch').known).toBe(false);
    expect(comm('Văn phòng Ủy ban nhân dân xã').known).toBe(false);
  });
});

describe('counterparts on 2025-08-01: province departments straight to the commune offices', () => {
  const SOCIAL = ['Phòng Văn hóa - Xã hội'];
  const OFFICE = ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã'];
  const ECONOMY = ['Phòng Kinh tế', 'Phòng Kinh tế, Hạ tầng và Đô thị'];
  it.each([
    ['Sở Nội vụ', SOCIAL],
    ['Sở Khoa học và Công nghệ', SOCIAL],
    ['Sở Văn hóa, Thể thao và Du lịch', SOCIAL],
    ['Sở Tư pháp', OFFICE],
    ['Văn phòng Ủy ban nhân dân tỉnh', OFFICE],
    ['Sở Tài chính', ECONOMY],
    ['Sở Công Thương', ECONOMY],
    ['Sở Xây dựng', ECONOMY],
    ['Sở Nông nghiệp và Môi trường', ECONOMY],
    ['Ủy ban nhân dân tỉnh', ['Ủy ban nhân dân xã']],
  ] as const)('%s → %j', (name, expected) => {
    expect([...counterparts(prov(name), 'commune', LATE)].sort()).toEqual([...expected].sort());
  });
  it('accepts the commune office as the counterpart, and the wrong office not', () => {
    expect(isCounterpart(prov('Sở Nội vụ'), comm('Phòng Văn hóa - Xã hội'), 'commune', LATE)).toBe(true);
    expect(isCounterpart(prov('Sở Khoa học và Công nghệ'), comm('Phòng Văn hoá - Xã hội'), 'commune', LATE)).toBe(true);
    expect(isCounterpart(prov('Sở Tư pháp'), comm('Văn phòng HĐND và UBND xã'), 'commune', LATE)).toBe(true);
    expect(isCounterpart(prov('Sở Tài chính'), comm('Phòng Kinh tế'), 'commune', LATE)).toBe(true);
    expect(isCounterpart(prov('Sở Nội vụ'), comm('Phòng Kinh tế'), 'commune', LATE)).toBe(false);
    expect(isCounterpart(prov('Sở Nội vụ'), comm('Sở Nội vụ'), 'commune', LATE)).toBe(false);
  });
  it('passes through no district: the district counterparts are gone', () => {
    expect(counterparts(prov('Sở Nội vụ'), 'district', LATE)).toEqual([]);
    expect(counterparts(prov('Sở Khoa học và Công nghệ'), 'district', LATE)).toEqual([]);
  });
  it('the national ministries reach the commune through the province', () => {
    expect(counterparts(resolveAgency('Bộ Nội vụ', { level: 'national', on: LATE }), 'commune', LATE)).toEqual(SOCIAL);
  });
});

describe('the same names where they did not exist yet (2024-06-01)', () => {
  it.each([
    ['Sở Nông nghiệp và Môi trường', P24],
    ['Phòng Văn hóa - Xã hội', X24],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', X24],
  ] as const)('%s is not in force', (text, ctx) => {
    const r = resolveAgency(text, ctx);
    expect(r.known).toBe(false);
  });
  // These names (or their words) existed at district level then: they read as the district body,
  // never as the commune office that did not exist yet.
  it.each([
    ['Phòng Kinh tế', X24, 'Phòng Kinh tế'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', X24, 'Phòng Kinh tế và Hạ tầng'],
    ['các phòng chuyên môn thuộc Ủy ban nhân dân cấp xã', P24, 'các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện'],
  ] as const)('%s is no commune body', (text, ctx, districtName) => {
    const r = resolveAgency(text, ctx);
    expect([r.level, r.name]).toEqual(['district', districtName]);
    expect(resolveAgency(text, { ...ctx, on: LATE }).level).toBe('commune');
  });
  it('the commune offices carry their period', () => {
    expect(resolveAgency('Phòng Văn hóa - Xã hội', X24).outOfForce).toEqual({ from: '2025-07-01' });
    expect(resolveAgency('Sở Nông nghiệp và Môi trường', P24).outOfForce).toEqual({ from: '2025-03-01' });
  });
  it('and the 2023 structure still resolves and relates as then', () => {
    expect(counterparts(prov('Sở Nội vụ', EARLY), 'commune', EARLY)).toEqual(['công chức Văn phòng - Thống kê']);
    expect(counterparts(prov('Sở Khoa học và Công nghệ', EARLY), 'commune', EARLY)).toEqual([]);
    expect(counterparts(prov('Sở Khoa học và Công nghệ', EARLY), 'district', EARLY).sort()).toEqual(['Phòng Kinh tế', 'Phòng Kinh tế và Hạ tầng']);
    expect(comm('công chức Văn hóa - Xã hội', EARLY).known).toBe(true);
    expect(resolveAgency('Sở Thông tin và Truyền thông', P24).known).toBe(true);
  });
});
