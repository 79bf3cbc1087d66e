/**
 * Agency names as written in plans → references into the ontology (rules/agencies.yaml),
 * judged by the structure in force on a date. Resolution never throws and never drops a
 * name: an unknown one comes back with known: false. It runs over every task of a corpus,
 * so lookups go through word tries built once, and results are memoised per text and
 * context.
 */
import type { Level } from '../model/plan.js';
import { ontology, type Ontology } from './ontology.js';
import type { Member } from './ontology-compile.js';
import type { AgencyLevel } from './ontology-schema.js';
import { tokenise } from './agency-tokens.js';
import { leadingAt, matchAt, placeAt, shareQualifier, type Ctx } from './agency-match.js';
import { refFromMatch, unknownRef, type AgencyRef } from './agency-ref.js';
import { splitWith } from './agency-split.js';
import { counterpartsWith, isCounterpartWith, sameFamilyWith } from './agency-relations.js';
import { longest } from './trie.js';
import { eraOf, inForce, validityCuts } from './validity.js';

export type { AgencyRef } from './agency-ref.js';
export { printable } from './agency-ref.js';

export interface ResolveContext {
  /** Level of the plan the name is written in: relative names ("Sở Nội vụ", "… thị xã") take it. */
  level?: Level | null;
  /** The date the plan is judged on (YYYY-MM-DD): agencies and relations in force then. */
  on?: string | null;
  /** The plan's jurisdiction ("Bỉm Sơn, Thanh Hóa"); decides a bare "thành phố" without a level. */
  jurisdiction?: string | null;
}

export interface AgencyTools {
  resolveAgency(text: string, ctx?: ResolveContext): AgencyRef;
  resolveAgencies(texts: readonly string[], ctx?: ResolveContext): AgencyRef[];
  splitAgencies(text: string): string[];
  counterparts(ref: AgencyRef, toLevel: Level, on?: string | null): string[];
  isCounterpart(parent: AgencyRef, child: AgencyRef, childLevel: Level, on?: string | null): boolean;
  sameFamily(a: AgencyRef, b: AgencyRef): boolean;
  levelOfIssuer(issuer: string, on?: string | null): Level | null;
}

const CACHE_LIMIT = 100_000;

/** The agency functions over a given ontology (tests build small ones with buildOntology). */
export function agencyTools(o: Ontology): AgencyTools {
  const executives = new Map<AgencyLevel, Member[]>();
  for (const m of o.members.values()) if (m.family === 'executive' && m.level && !m.collective) executives.set(m.level, [...(executives.get(m.level) ?? []), m]);
  const executive = (l: AgencyLevel): Member | undefined => executives.get(l)?.[0];

  /** Memo per context (level, era, jurisdiction when it decides), then per text. */
  const cache = new Map<string, Map<string, AgencyRef>>();
  // Results depend on the date only through what is in force: key the memo by era, not by day,
  // so plans of different days in one era (nearly all of a corpus) share their resolutions.
  const cuts = validityCuts(o);

  function unknown(text: string, t: ReturnType<typeof tokenise>, at: number, request: boolean, ctx: Ctx): AgencyRef {
    // The head word still tells the level of an unknown "Sở …", "Phòng …", "Bộ …".
    const heads = o.headLevels.get(t.words[at] ?? '') ?? [];
    const head = heads.find((h) => inForce(h.valid, ctx.on)) ?? heads[0];
    return unknownRef(text, head?.level ?? null, t.words[at] === 'các', request);
  }

  function resolve(text: string, ctx: Ctx): AgencyRef {
    const t = tokenise(text, o.abbreviations);
    const lead = leadingAt(o, t, 0);
    let m = matchAt(o, t, lead.at, ctx);
    if (!m) {
      const head = longest(o.heads, t.words, lead.at);
      if (head) m = matchAt(o, t, head.end, ctx);
    }
    m = m ? shareQualifier(o, t, m, ctx) : placeAt(o, t, lead.at, ctx, executive);
    return m ? refFromMatch(o, text, m, lead.request) : unknown(text, t, lead.at, lead.request, ctx);
  }

  /** The memo of one context: a plan's names are all looked up in the same one. */
  function memoOf(ctx: ResolveContext): { c: Ctx; memo: Map<string, AgencyRef> } {
    const c: Ctx = { level: ctx.level ?? null, on: ctx.on ?? null, jurisdiction: ctx.jurisdiction ?? null };
    // The jurisdiction decides only when the plan has no level (agency-match.ts cityLevel).
    const key = `${c.level}\u0000${eraOf(cuts, c.on)}\u0000${c.level === null ? c.jurisdiction : ''}`;
    let memo = cache.get(key);
    if (!memo) cache.set(key, (memo = new Map()));
    return { c, memo };
  }

  function resolveIn({ c, memo }: { c: Ctx; memo: Map<string, AgencyRef> }, text: string): AgencyRef {
    let ref = memo.get(text);
    if (!ref) {
      try {
        ref = resolve(typeof text === 'string' ? text : String(text), c);
      } catch {
        // Never throw on input text: a failure is an unknown name.
        ref = unknownRef(text, null, false, false);
      }
      if (memo.size >= CACHE_LIMIT) memo.clear();
      Object.freeze(ref.covers);
      memo.set(text, Object.freeze(ref));
    }
    // Shared and frozen: a national corpus names the same agencies a million times, and a
    // caller that needs a variant (a request) spreads it into a new object.
    return ref;
  }

  const resolveAgency = (text: string, ctx: ResolveContext = {}): AgencyRef => resolveIn(memoOf(ctx), text);

  function levelOfIssuer(issuer: string, on?: string | null): Level | null {
    const r = resolveAgency(issuer, { on: on ?? null });
    if (!r.name || r.vague) return null;
    if (r.family === 'executive' && !r.collective) return r.level;
    if (r.level === 'national') return 'national';
    // Any other body issuing its own plan (Sở Nội vụ tỉnh X) is a department plan.
    return r.level ? 'department' : null;
  }

  return {
    resolveAgency,
    resolveAgencies: (texts, ctx = {}) => {
      if (!texts.length) return [];
      const m = memoOf(ctx);
      return texts.map((x) => resolveIn(m, x));
    },
    splitAgencies: (text) => {
      try {
        return splitWith(o, text, executive);
      } catch {
        return text.trim() ? [text.trim()] : [];
      }
    },
    counterparts: (ref, toLevel, on) => counterpartsWith(o, ref, toLevel, on),
    isCounterpart: (parent, child, childLevel, on) => isCounterpartWith(o, parent, child, childLevel, on),
    sameFamily: (a, b) => sameFamilyWith(o, a, b),
    levelOfIssuer,
  };
}

let tools: AgencyTools | undefined;
const shared = (): AgencyTools => (tools ??= agencyTools(ontology()));

/** Splits a written list of agencies without breaking names that contain commas. */
export const splitAgencies = (text: string): string[] => shared().splitAgencies(text);
/** Resolves one written agency name (see ResolveContext). Never throws. */
export const resolveAgency = (text: string, ctx: ResolveContext = {}): AgencyRef => shared().resolveAgency(text, ctx);
export const resolveAgencies = (texts: readonly string[], ctx: ResolveContext = {}): AgencyRef[] => shared().resolveAgencies(texts, ctx);
/** Names of the agencies at `toLevel` that are counterparts of `ref` by the relations in force on `on`. */
export const counterparts = (ref: AgencyRef, toLevel: Level, on?: string | null): string[] => shared().counterparts(ref, toLevel, on);
/** misassigned-agency: is the child's agency the counterpart, at the child's level, of the parent's? */
export const isCounterpart = (parent: AgencyRef, child: AgencyRef, childLevel: Level, on?: string | null): boolean =>
  shared().isCounterpart(parent, child, childLevel, on);
export const sameFamily = (a: AgencyRef, b: AgencyRef): boolean => shared().sameFamily(a, b);
/** Level of a plan's issuer, decided by the gazetteer ("UBND thành phố Cần Thơ" → province). */
export const levelOfIssuer = (issuer: string, on?: string | null): Level | null => shared().levelOfIssuer(issuer, on);
