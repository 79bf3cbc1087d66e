/**
 * The unit a scaffold is drafted for ("thị xã Bỉm Sơn", "phường Bắc Sơn", "Sở Nội vụ") and what
 * follows from it: the level, the issuer, the jurisdiction, the id, the title. Whether a unit is
 * of the level asked is the ontology's answer (levelOfIssuer: "thành phố Sông Công" is a district,
 * "thành phố Cần Thơ" a province), and whether a district lies in the parent's province is the
 * gazetteer's (rules/districts.yaml); nothing is guessed from the words alone.
 */
import type { Level, Plan } from '../model/plan.js';
import { foldKey } from '../domain/canonical.js';
import { levelOfIssuer, resolveAgency } from '../domain/agencies.js';
import { provinceOfDistrict } from '../domain/districts.js';
import { LEVEL_RANK } from '../check/addressing.js';
import { slug } from '../import/identity.js';

/** The words that name a territorial unit's kind, by level. */
export const UNIT_KINDS: Readonly<Record<'province' | 'district' | 'commune', readonly string[]>> = {
  province: ['tỉnh', 'thành phố'],
  district: ['huyện', 'quận', 'thị xã', 'thành phố'],
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
};

export interface Unit {
  /** As the drafter wrote it, spaces tidied: "thị xã Bỉm Sơn", "Sở Nội vụ". */
  text: string;
  level: Level;
  /** Territorial units: the kind word ("thị xã") and the proper name ("Bỉm Sơn"). */
  kind: string | null;
  name: string;
  /** Who issues the draft: "Ủy ban nhân dân thị xã Bỉm Sơn", "Sở Nội vụ tỉnh Thanh Hóa". */
  issuer: string;
  jurisdiction: string | null;
}

export type UnitProblem =
  | { kind: 'empty-unit' }
  | { kind: 'level-not-below'; level: Level; parentLevel: Level }
  | { kind: 'no-level-below'; parentLevel: Level }
  | { kind: 'unit-kind'; unit: string; level: Level; kinds: string[] }
  | { kind: 'unit-level'; unit: string; level: Level; actual: Level | null }
  | { kind: 'other-province'; unit: string; province: string; parentJurisdiction: string }
  | { kind: 'not-a-department'; unit: string };

/** The level a child of `parent` has when none is asked for. */
export function levelBelow(parent: Level): Level | null {
  return parent === 'national' ? 'province' : parent === 'province' ? 'district' : parent === 'district' ? 'commune' : null;
}

/** Levels a plan of `parent`'s level may have as children: the next tier, a department under a province, communes under a province (two tiers, 2025). */
function allowed(parent: Level, child: Level): boolean {
  if (parent === 'province') return child === 'district' || child === 'department' || child === 'commune';
  if (child === 'department') return false;
  return LEVEL_RANK[child] === LEVEL_RANK[parent] + 1 && parent !== 'department';
}

/** "Ủy ban nhân dân tỉnh Thanh Hóa" → "tỉnh Thanh Hóa": the place an issuer governs, as written. */
export function placeOfIssuer(issuer: string | undefined): string | null {
  if (!issuer) return null;
  const m = /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(.+)$/iu.exec(issuer.trim());
  return m ? m[1]!.trim() : null;
}

const tidy = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The unit of a draft below `parent`, at `level` (default: the next tier), judged on `on`.
 * Territorial units are written with their kind ("huyện Hậu Lộc"); a department by its name,
 * with or without its province ("Sở Nội vụ", "Sở Nội vụ tỉnh Thanh Hóa").
 */
export function unitOf(text: string, parent: Plan, level: Level | undefined, on: string | null): { ok: true; unit: Unit } | { ok: false; problem: UnitProblem } {
  const written = tidy(text);
  if (!written) return { ok: false, problem: { kind: 'empty-unit' } };
  const want = level ?? levelBelow(parent.level);
  if (!want) return { ok: false, problem: { kind: 'no-level-below', parentLevel: parent.level } };
  if (!allowed(parent.level, want)) return { ok: false, problem: { kind: 'level-not-below', level: want, parentLevel: parent.level } };
  if (want === 'department') return departmentOf(written, parent, on);
  const kinds = UNIT_KINDS[want as keyof typeof UNIT_KINDS];
  // The longest kind word first ("thị xã" before "xã", "thị trấn" before any).
  const kindIn = (list: readonly string[]): string | undefined => [...list].sort((a, b) => b.length - a.length).find((k) => foldKey(written).startsWith(`${k} `));
  const kind = kindIn(kinds);
  if (!kind) {
    // A unit of another level ("huyện Hậu Lộc" asked as a commune) is named as what it is.
    if (kindIn(Object.values(UNIT_KINDS).flat())) return { ok: false, problem: { kind: 'unit-level', unit: written, level: want, actual: levelOfIssuer(`Ủy ban nhân dân ${written}`, on) } };
    return { ok: false, problem: { kind: 'unit-kind', unit: written, level: want, kinds: [...kinds] } };
  }
  const name = written.slice(kind.length).trim();
  const unitText = `${kind} ${name}`;
  const issuer = `Ủy ban nhân dân ${unitText}`;
  const actual = levelOfIssuer(issuer, on);
  if (actual !== want) return { ok: false, problem: { kind: 'unit-level', unit: unitText, level: want, actual } };
  if (want === 'district' && parent.jurisdiction) {
    const province = provinceOfDistrict(unitText);
    const parentProvince = parent.jurisdiction.split(',').pop()!.trim();
    if (province && foldKey(province) !== foldKey(parentProvince)) {
      return { ok: false, problem: { kind: 'other-province', unit: unitText, province, parentJurisdiction: parent.jurisdiction } };
    }
  }
  const jurisdiction = want === 'province' ? name : parent.jurisdiction ? `${name}, ${parent.jurisdiction}` : name;
  return { ok: true, unit: { text: unitText, level: want, kind, name, issuer, jurisdiction } };
}

function departmentOf(written: string, parent: Plan, on: string | null): { ok: true; unit: Unit } | { ok: false; problem: UnitProblem } {
  const ref = resolveAgency(written, { level: 'province', on });
  // A department is a body of the province's own government: not the UBND itself, not a council or a mass organisation.
  if (!ref.known || ref.vague || ref.collective || ref.level !== 'province' || ref.kind === 'government' || ref.independent) {
    return { ok: false, problem: { kind: 'not-a-department', unit: written } };
  }
  const place = placeOfIssuer(parent.issuer);
  const named = parent.jurisdiction && foldKey(written).includes(foldKey(parent.jurisdiction));
  const issuer = named || !place ? written : `${written} ${place}`;
  return { ok: true, unit: { text: written, level: 'department', kind: null, name: written, issuer, jurisdiction: parent.jurisdiction ?? null } };
}

/** The draft's id: the unit (a department with its province) and the year, kebab-case. */
export function draftId(unit: Unit, year: string | null): string {
  const base = slug(unit.level === 'department' ? unit.issuer : unit.text);
  const id = [base, year].filter(Boolean).join('-');
  return /^[a-z0-9]/.test(id) ? id : `plan-${id}`;
}

/**
 * The draft's title from its parent's: its subject, without the parent's own place, then the
 * unit's ("… trên địa bàn thị xã Bỉm Sơn"; a department's "… tại Sở Nội vụ").
 */
export function draftTitle(parentTitle: string, unit: Unit): string {
  let core = tidy(parentTitle)
    .replace(/[.;:]+$/u, '')
    .replace(/^(?:ban hành\s+)?kế hoạch\s+/iu, '')
    .replace(/\s+(?:trên địa bàn|tại)\s+.*$/iu, '');
  if (!core) core = 'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở';
  core = core.charAt(0).toLocaleUpperCase('vi') + core.slice(1);
  return unit.level === 'department' ? `${core} tại ${unit.text}` : `${core} trên địa bàn ${unit.text}`;
}
