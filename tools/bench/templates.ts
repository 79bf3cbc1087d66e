/**
 * The shape of a task template and the phrases titles share. A template is one kind of task
 * (the conference, the media work, the reporting duty…) written once for every level: its
 * agencies are roles resolved at the plan's level, its deadline a spec on the shape's calendar,
 * and `from` names the parent-level templates it carries out (how cascades and matches arise).
 */
import type { Level } from '../../src/core/model/plan.js';
import { agency, fullName, lowerPlaces, type Ref, type Role, type Style, type Unit } from './agencies.js';
import type { DSpec } from './deadlines.js';

/** `self`: the department that issues a department plan. */
export type TRef = Ref | 'self';

export interface Ctx {
  unit: Unit;
  style: Style;
  level: Level;
  /** the issuing department of a department plan */
  dept: Role | null;
}

export interface DutyTpl {
  owner?: TRef;
  request?: boolean;
  does: (c: Ctx) => string;
}

export interface Tpl {
  id: string;
  /** II.1 and II.2 are lettered (a, b, c, d, đ…); II, III and IV numbered (II.3…, III.1…) */
  sec: 'II.1' | 'II.2' | 'II' | 'III' | 'IV';
  /** presence probability by level; absent level = not carried */
  at: Partial<Record<Level, number>>;
  /** "{DL}" stands for the deadline text where a title quotes it */
  title: (c: Ctx) => string;
  lead?: TRef[];
  implement?: TRef[];
  coordinate?: TRef[];
  request?: boolean;
  /** owner where none of lead/implement exists at the level (default: the UBND itself, except for requests) */
  fallback?: TRef;
  duties?: DutyTpl[];
  form?: string;
  details?: (c: Ctx) => string;
  deadline: DSpec;
  kind?: 'execution' | 'completion';
  /** parent-level templates this task carries out */
  from?: string[];
  cascade?: 'none';
}

export const ALL = (p = 1): Partial<Record<Level, number>> => ({ national: p, province: p, district: p, commune: p });

/** Resolves a template ref for the plan: null where the role does not exist at that level. */
export function nameOf(ref: TRef, c: Ctx): string | null {
  if (ref === 'self') return c.dept ? agency(c.dept, c.unit, c.style) : null;
  return agency(ref, c.unit, c.style);
}

/** Like nameOf, for titles: falls back to a generic word rather than null. */
export const nm = (ref: TRef, c: Ctx, fallback = 'các cơ quan, đơn vị có liên quan'): string => nameOf(ref, c) ?? fallback;

export const LAW = 'Luật và các văn bản quy định chi tiết một số điều của Luật';

/** Who a conference at this level is for. */
export function audience(c: Ctx): string {
  const u = c.unit;
  switch (u.level) {
    case 'national':
      return 'đối với các bộ, ngành, địa phương';
    case 'province':
      return `đối với các sở, ban, ngành và Ủy ban nhân dân các ${lowerPlaces(u)}`;
    case 'district':
      return `đối với các phòng, ban, ngành và Ủy ban nhân dân các ${lowerPlaces(u)}`;
    case 'commune':
      return `đối với cán bộ, công chức ${u.kind} và ${lowerPlaces(u)}`;
  }
}

/** The staff a training at this level reaches. */
export function staff(c: Ctx): string {
  switch (c.unit.level) {
    case 'national':
      return 'cán bộ, công chức làm công tác tham mưu, quản lý nhà nước về thực hiện dân chủ ở cơ sở của các bộ, ngành, địa phương';
    case 'province':
      return c.unit.shape === 2023
        ? 'cán bộ, công chức của các sở, ban, ngành cấp tỉnh, cấp huyện, cấp xã'
        : 'cán bộ, công chức của các sở, ban, ngành cấp tỉnh và cấp xã';
    case 'district':
      return 'cán bộ, công chức của cấp huyện, cấp xã; người hoạt động không chuyên trách ở cấp xã, thôn, tổ dân phố';
    case 'commune':
      return `cán bộ, công chức ${c.unit.kind}, Trưởng thôn, Tổ trưởng tổ dân phố`;
  }
}

/** "Chủ tịch Ủy ban nhân dân tỉnh": whom the home-affairs agency assists. */
export const chair = (c: Ctx): string => (c.unit.level === 'national' ? 'Thủ tướng Chính phủ' : `Chủ tịch ${nm('exec', c)}`);

/** The home-affairs agency one level up, to which this level reports. */
export function reportsTo(c: Ctx): string {
  const up = c.level === 'department' ? c.unit : c.unit.parent;
  if (!up) return 'Thủ tướng Chính phủ';
  return agency('home', up, c.style) ?? 'Ủy ban nhân dân cấp trên';
}

export const placeOf = (c: Ctx): string => fullName(c.unit);
