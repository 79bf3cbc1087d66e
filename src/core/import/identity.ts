/**
 * Who issued the plan and what it is called in the corpus: issuer, level, jurisdiction, id.
 * Level is a fact of the issuer (domain.md): "thành phố Cần Thơ" is a province, "thành phố
 * Sông Công" a district; a gazetteer decides, not the word "thành phố".
 */
import type { Level, Plan } from '../model/plan.js';
import type { Header } from './header.js';

/** The level an issuer's name implies (on a date), or null when the name does not say. */
export type LevelOf = (issuer: string, on?: string | null) => Level | null;

// Thành phố trực thuộc trung ương (2023): a fallback for callers without the ontology.
const CENTRAL_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

export const simpleLevelOf: LevelOf = (issuer) => {
  if (/Thủ tướng|Chính phủ|^Bộ\s/u.test(issuer)) return 'national';
  if (/^Sở\s/u.test(issuer)) return 'department';
  const m = /(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường)\s+(.+)$/u.exec(issuer);
  if (!m) return null;
  const [, unit, name] = m;
  if (unit === 'tỉnh') return 'province';
  if (unit === 'thành phố') return CENTRAL_CITIES.includes(name!.trim()) ? 'province' : 'district';
  if (unit === 'thị xã' || unit === 'huyện' || unit === 'quận') return 'district';
  return 'commune';
};

export function issuerOf(h: Header): string | undefined {
  if (h.issuerOther) return h.issuerOther;
  if (!h.issuerUnit) return undefined;
  const place = h.issuerName ? `${h.issuerUnit} ${h.issuerName}` : h.issuerUnit;
  return h.department ? `${h.department} ${place}` : `Ủy ban nhân dân ${place}`;
}

/** ASCII kebab-case of a Vietnamese name: "Bỉm Sơn" → "bim-son". */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "thanh-hoa-172-2023": place, number, year; each part only when the text states it. */
export function planId(h: Header, year: string | undefined, fallback: string): string {
  const parts = [h.issuerName ?? (h.issuerOther ? h.issuerOther : fallback)];
  // A department's plan is not its province's: "thanh-hoa-so-noi-vu-12-2023".
  if (h.department) parts.push(h.department);
  const num = h.number ? /^(\d+)/.exec(h.number)?.[1] : undefined;
  if (num) parts.push(num);
  if (year) parts.push(year);
  const id = slug(parts.join(' '));
  return /^[a-z0-9]/.test(id) ? id : `plan-${id || 'imported'}`;
}

/** A district's jurisdiction names its province too: "Bỉm Sơn, Thanh Hóa". */
export function jurisdictionOf(h: Header, level: Level, parent: Plan | undefined, citedBy: string[]): string | undefined {
  if (!h.issuerName) return undefined;
  if (level === 'province' || level === 'national') return h.issuerName;
  if (level === 'department' && h.issuerUnit === 'tỉnh') return h.issuerName;
  if (parent?.jurisdiction) return `${h.issuerName}, ${parent.jurisdiction}`;
  for (const by of citedBy) {
    const m = /(?:tỉnh|thành phố|huyện|thị xã|quận)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)\s*$/u.exec(by);
    if (m) return `${h.issuerName}, ${m[1]}`;
  }
  return h.issuerName;
}
