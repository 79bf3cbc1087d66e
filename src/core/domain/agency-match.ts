/**
 * Matching one agency name at a position of a tokenised text: the longest known name,
 * the locality words after it, and the choice of the body it means on a date and in a
 * plan of a given level. Shared by resolution (one name) and splitting (a written list).
 */
import type { Level } from '../model/plan.js';
import type { AgencyLevel } from './ontology-schema.js';
import { RANK, type Member, type NameEntry, type Ontology } from './ontology-compile.js';
import { between, tokenise, type Tokenised } from './agency-tokens.js';
import { boundaryOf, qualifierAt, type Qualifier, type Where } from './agency-qualifier.js';
import { prefixes, longest } from './trie.js';
import { inForce } from './validity.js';

export interface Ctx {
  level: Level | null;
  on: string | null;
  jurisdiction: string | null;
}

export interface Match {
  /** Word range of the name and its qualifier. */
  start: number;
  end: number;
  member: Member;
  /** null when the name is relative and nothing tells the level. */
  level: AgencyLevel | null;
  collective: boolean;
  covers: AgencyLevel[];
  place: string | null;
  /** False when the body exists in the table but not on ctx.on. */
  inForce: boolean;
  /** Written with "các cấp": every level from the plan's down. */
  selfAndBelow: boolean;
  /** Word index just after the name itself (before its locality words). */
  nameEnd: number;
  /** The table entries the name may mean (to re-read it with another qualifier). */
  entries: readonly NameEntry[];
}

const LEVELS: AgencyLevel[] = ['national', 'province', 'district', 'commune'];

/** The plan's own level as a place in the hierarchy (a department plan sits at its province). */
export const planLevel = (ctx: Ctx): AgencyLevel | null => (ctx.level === 'department' ? 'province' : ctx.level);

/** "thành phố" with nothing after it: the plan's own city, a district-level one below the province. */
function cityLevel(o: Ontology, ctx: Ctx): AgencyLevel | null {
  const own = planLevel(ctx);
  if (own === 'national' || own === 'province') return 'province';
  if (own === 'district' || own === 'commune') return 'district';
  if (!ctx.jurisdiction) return null;
  // No plan level: a jurisdiction that is a centrally-run city makes it the province.
  const jt = tokenise(ctx.jurisdiction.split(',')[0] ?? '', o.abbreviations);
  const hit = longest(o.units, jt.words, 0);
  return hit && hit.end === jt.words.length && hit.items.some((u) => u.city && inForce(u.valid, ctx.on)) ? 'province' : null;
}

const levelsInForce = (o: Ontology, ls: AgencyLevel[], on: string | null): AgencyLevel[] =>
  ls.filter((l) => inForce(o.levelValid[l], on));

/** The plan's level and those under it, or only those under it. */
function downFrom(o: Ontology, top: AgencyLevel | null, self: boolean, on: string | null): AgencyLevel[] {
  const r = top ? RANK[top] : self ? -1 : 0;
  return levelsInForce(o, LEVELS.filter((l) => (self ? RANK[l] >= r : RANK[l] > r)), on);
}

function target(o: Ontology, q: Qualifier, ctx: Ctx): AgencyLevel | null {
  if (q.selfAndBelow || q.same) return planLevel(ctx);
  if (!q.levels.length) return planLevel(ctx);
  const ls = q.levels.map((l: Where) => (l === 'city' ? cityLevel(o, ctx) : l)).filter((l): l is AgencyLevel => l !== null);
  return ls.sort((a, b) => RANK[a] - RANK[b])[0] ?? null;
}

interface Choice {
  entry: NameEntry;
  level: AgencyLevel | null;
}

/** Among the bodies a name may mean, the one meant here (or null when none fits the words). */
function choose(o: Ontology, entries: readonly NameEntry[], q: Qualifier, ctx: Ctx): Choice | null {
  if (!entries.length) return null;
  const fixed = entries.filter((e) => !e.relative);
  const want = target(o, q, ctx);
  if (fixed.length) {
    const e = fixed.find((f) => f.member.level === want) ?? fixed[0]!;
    const covers = e.member.covers;
    if (e.member.level || typeof covers !== 'string') return { entry: e, level: e.member.level };
    // "các địa phương", "các cấp": their level follows the plan's.
    const top = covers === 'below' ? downFrom(o, planLevel(ctx), false, ctx.on)[0] ?? null : planLevel(ctx);
    return { entry: e, level: top };
  }
  const levels = [...new Set(entries.map((e) => e.member.level))];
  if (want) {
    const exact = entries.find((e) => e.member.level === want);
    if (exact) return { entry: exact, level: want };
    if (q.levels.length && !q.same && !q.selfAndBelow) return null; // "Liên đoàn Lao động xã": no such body
    // The plan's level has no such body: the nearest level that has one (the higher on a tie).
    const near = [...entries].sort(
      (a, b) => Math.abs(RANK[a.member.level!] - RANK[want]) - Math.abs(RANK[b.member.level!] - RANK[want]) || RANK[a.member.level!] - RANK[b.member.level!],
    )[0]!;
    return { entry: near, level: near.member.level };
  }
  if (levels.length === 1) return { entry: entries[0]!, level: entries[0]!.member.level };
  return { entry: entries[0]!, level: null };
}

function coversOf(o: Ontology, m: Member, level: AgencyLevel | null, q: Qualifier, ctx: Ctx): { collective: boolean; covers: AgencyLevel[] } {
  const collective = m.collective || q.collective;
  if (m.covers === 'below' || m.covers === 'self-and-below') return { collective, covers: downFrom(o, planLevel(ctx), m.covers !== 'below', ctx.on) };
  if (Array.isArray(m.covers)) return { collective, covers: m.covers };
  if (q.selfAndBelow) return { collective, covers: downFrom(o, level, true, ctx.on) };
  if (q.collective && q.levels.length > 1) {
    const ls = q.levels.map((l) => (l === 'city' ? level : l)).filter((l): l is AgencyLevel => l !== null);
    return { collective, covers: [...new Set(ls)].sort((a, b) => RANK[a] - RANK[b]) };
  }
  return { collective, covers: level ? [level] : [] };
}

/**
 * The agency written at word `w`: the longest known name whose requirements hold, the
 * body in force on ctx.on when there is one, else (inForce: false) the body out of force.
 */
export function matchAt(o: Ontology, t: Tokenised, w: number, ctx: Ctx): Match | null {
  const hits = prefixes(o.names, t.words, w, boundaryOf(t));
  let live: Match | null = null;
  let stale: Match | null = null;
  // Longest name first, but the reading that covers most words wins, a shorter name on a tie:
  // "UBND xã, phường" is "UBND" + "xã, phường" (all communes), not "UBND xã" + "phường".
  for (let k = hits.length - 1; k >= 0; k--) {
    const hit = hits[k]!;
    const q = qualifierAt(o, t, hit.end, ctx.on);
    const usable = hit.items.filter((e) => !e.needsPlace || q.levels.length > 0 || q.place !== null);
    if (!usable.length) continue;
    const current = usable.filter((e) => inForce(e.member.valid, ctx.on));
    for (const [list, fresh] of [[current, true], [usable, false]] as const) {
      const c = choose(o, list, q, ctx);
      if (!c) continue;
      const ok = fresh && (!c.level || inForce(o.levelValid[c.level], ctx.on));
      const m: Match = { start: w, end: q.end, member: c.entry.member, level: c.level, place: q.place, inForce: ok, selfAndBelow: q.selfAndBelow, nameEnd: hit.end, entries: list, ...coversOf(o, c.entry.member, c.level, q, ctx) };
      if (ok && (!live || m.end >= live.end)) live = m;
      if (!ok && (!stale || m.end >= stale.end)) stale = m;
      break;
    }
  }
  return live ?? stale;
}

/**
 * "Thường trực HĐND và UBND cấp huyện": a relative name with no locality of its own, joined by
 * "và" to a name that has one, shares it. Used by resolution only (the name keeps its words).
 */
export function shareQualifier(o: Ontology, t: Tokenised, m: Match, ctx: Ctx): Match {
  if (m.end !== m.nameEnd || m.end >= t.words.length || !m.entries.some((e) => e.relative)) return m;
  const a = t.src[m.end - 1]!;
  const b = t.src[m.end]!;
  if (b - a !== 2 || t.raw[a + 1]!.folded !== 'và' || /[,;:]/.test(between(t, a, b))) return m;
  const next = matchAt(o, t, m.end, ctx);
  if (!next || next.end === next.nameEnd) return m;
  const q = qualifierAt(o, t, next.nameEnd, ctx.on);
  const c = choose(o, m.entries, q, ctx);
  if (!c) return m;
  return { ...m, member: c.entry.member, level: c.level, place: q.place, selfAndBelow: q.selfAndBelow, ...coversOf(o, c.entry.member, c.level, q, ctx) };
}

/** A bare place as an agency ("thành phố Sông Công", "các huyện, thị xã, thành phố"): its government. */
export function placeAt(o: Ontology, t: Tokenised, w: number, ctx: Ctx, executive: (l: AgencyLevel) => Member | undefined): Match | null {
  const q = qualifierAt(o, t, w, ctx.on);
  if (q.end === w || !(q.end === t.words.length || q.collective || q.place)) return null;
  const level = target(o, q, ctx);
  const member = level ? executive(level) : undefined;
  if (!member || !level) return null;
  return { start: w, end: q.end, member, level, place: q.place, inForce: inForce(member.valid, ctx.on), selfAndBelow: q.selfAndBelow, nameEnd: q.end, entries: [], ...coversOf(o, member, level, q, ctx) };
}

/** Skips "Đề nghị", "Giao", "và"…; reports whether a request word was read. */
export function leadingAt(o: Ontology, t: Tokenised, w: number): { at: number; request: boolean } {
  let at = w;
  let request = false;
  for (;;) {
    const r = longest(o.request, t.words, at);
    if (r) { request = true; at = r.end; continue; }
    const i = longest(o.ignore, t.words, at);
    if (i) { at = i.end; continue; }
    return { at, request };
  }
}
