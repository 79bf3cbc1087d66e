/**
 * The words after a name that say where it sits: "… tỉnh", "… thị xã Bỉm Sơn",
 * "… thành phố Cần Thơ", "… cấp huyện", "… các huyện, thị xã, thành phố", "… các cấp",
 * "… UBND thị xã", "… thuộc UBND cấp tỉnh", or a province name alone ("Báo Thái Nguyên").
 * "thành phố" is decided by the gazetteer: a centrally-run city named after it is province
 * level, any other name makes it a district-level city; alone it stays open ('city').
 */
import type { AgencyLevel, LocalityLevel } from './ontology-schema.js';
import type { Ontology, UnitEntry } from './ontology-compile.js';
import { between, type Tokenised } from './agency-tokens.js';
import { prefixes, longest } from './trie.js';
import { inForce } from './validity.js';

export type Where = AgencyLevel | 'city';

export interface Qualifier {
  /** Word index just after the qualifier (the start when there is none). */
  end: number;
  /** Levels named, in order; 'city' when "thành phố" could not be decided. */
  levels: Where[];
  collective: boolean;
  /** "các cấp": the plan's level and every level under it. */
  selfAndBelow: boolean;
  /** "cùng cấp": the plan's own level. */
  same: boolean;
  /** The province-level unit named, canonical. */
  place: string | null;
}

const NONE = (w: number): Qualifier => ({ end: w, levels: [], collective: false, selfAndBelow: false, same: false, place: null });

/** Raw-token boundary test: a match may not end inside one written token's expansion. */
export const boundaryOf = (t: Tokenised) => (end: number): boolean => end >= t.words.length || t.src[end] !== t.src[end - 1];

function unitAt(o: Ontology, t: Tokenised, w: number, on: string | null): { end: number; unit: UnitEntry } | null {
  const hits = prefixes(o.units, t.words, w, boundaryOf(t));
  for (let k = hits.length - 1; k >= 0; k--) {
    const unit = hits[k]!.items.find((u) => inForce(u.valid, on));
    if (unit) return { end: hits[k]!.end, unit };
  }
  return null;
}

/**
 * Upper-case written words right after w: a place name the gazetteer lacks ("huyện Như
 * Thanh"). It stops at a separator, at "và" and where a known agency name begins.
 */
function properNameEnd(o: Ontology, t: Tokenised, w: number): number {
  let i = w;
  while (i < t.words.length) {
    const r = t.src[i]!;
    if (!t.raw[r]!.upper) break;
    if (i > 0 && r !== t.src[i - 1] && separated(t, t.src[i - 1]!, r)) break;
    if (longest(o.names, t.words, i)) break;
    i++;
  }
  return i;
}

/** A comma, semicolon, colon or "và" written between raw tokens a and b. */
export function separated(t: Tokenised, a: number, b: number): boolean {
  if (/[,;:]/.test(between(t, a, b))) return true;
  for (let r = a + 1; r < b; r++) if (t.raw[r]!.folded === 'và') return true;
  return false;
}

interface Loc {
  end: number;
  level: Where;
  place: string | null;
}

/** One locality word with the place that may follow it. */
function localityAt(o: Ontology, t: Tokenised, w: number, on: string | null, list: boolean): Loc | null {
  const hit = longest(o.localities, t.words, w, boundaryOf(t));
  if (!hit) return null;
  const kind: LocalityLevel = hit.items[0]!;
  const level: Where = kind === 'hamlet' ? 'commune' : kind;
  if (list) return { end: hit.end, level, place: null };
  const unit = unitAt(o, t, hit.end, on);
  if (level === 'city' || level === 'province') {
    if (unit && (level === 'province' || unit.unit.city)) return { end: unit.end, level: 'province', place: unit.unit.name };
    // "thành phố Thanh Hóa" is the city inside tỉnh Thanh Hóa; "thành phố Sông Công" any other city.
    if (unit) return { end: unit.end, level: 'district', place: null };
  }
  const named = properNameEnd(o, t, hit.end);
  if (named > hit.end) return { end: named, level: level === 'city' ? 'district' : level, place: null };
  return { end: hit.end, level, place: null };
}

/** "cấp huyện, cấp xã", "huyện, thị xã, thành phố", "xã, ấp, khu vực": a run of localities. */
function localityRun(o: Ontology, t: Tokenised, w: number, on: string | null, list: boolean): { end: number; locs: Loc[] } {
  const locs: Loc[] = [];
  let i = w;
  for (;;) {
    const j = t.words[i] === 'cấp' ? i + 1 : i;
    const loc = localityAt(o, t, j, on, list || locs.length > 0);
    if (!loc) break;
    locs.push(loc);
    i = loc.end;
  }
  return { end: i, locs };
}

/** Decides "thành phố" inside a list by its neighbours: with "tỉnh" province, with districts district. */
function settleCities(levels: Where[]): Where[] {
  if (levels.length < 2 || !levels.includes('city')) return levels;
  const to: Where | null = levels.includes('province') ? 'province' : levels.some((l) => l === 'district') ? 'district' : null;
  return to ? levels.map((l) => (l === 'city' ? to : l)) : levels;
}

export function qualifierAt(o: Ontology, t: Tokenised, w: number, on: string | null): Qualifier {
  // A qualifier follows its name directly: after a comma or "và" comes the next agency.
  if (w > 0 && w < t.words.length && t.src[w] !== t.src[w - 1] && separated(t, t.src[w - 1]!, t.src[w]!)) return NONE(w);
  let i = w;
  // Connectors ("thuộc", "UBND", "trên địa bàn"…) only count when a locality follows them.
  for (let hit = longest(o.connectors, t.words, i, boundaryOf(t)); hit; hit = longest(o.connectors, t.words, i, boundaryOf(t))) i = hit.end;
  const word = t.words[i];
  const next = t.words[i + 1];
  if (word === 'các' && next === 'cấp') return { ...NONE(i + 2), collective: true, selfAndBelow: true };
  if (word === 'cùng' && next === 'cấp') return { ...NONE(i + 2), same: true };
  const plural = word === 'các' || word === 'cấp';
  const run = localityRun(o, t, i, on, false);
  if (word === 'các' && !run.locs.length) {
    const r = localityRun(o, t, i + 1, on, true);
    if (r.locs.length) return { ...NONE(r.end), levels: settleCities(r.locs.map((l) => l.level)), collective: true };
  }
  if (run.locs.length) {
    const levels = settleCities(run.locs.map((l) => l.level));
    const collective = plural || run.locs.length > 1;
    return { ...NONE(run.end), levels, collective, place: collective ? null : run.locs[0]!.place };
  }
  const unit = unitAt(o, t, i, on);
  if (unit) return { ...NONE(unit.end), levels: ['province'], place: unit.unit.name };
  return NONE(w);
}
