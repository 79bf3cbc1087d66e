/**
 * How well the owners of a child task agree with those of a parent task, for automatic matching
 * (checking.md "Matching": agency family agreement, refined in issue 14): 1 when a child owner is
 * a counterpart of a parent owner at the child's level (Sở Nội vụ → Phòng Nội vụ) or the very body
 * the parent names at that level; 0.5 when the parent owner is the child's own government (any of
 * its agencies may carry it) or the two share a family of work; 0 otherwise. Memoised per pair of
 * owners, level and date: a corpus names the same few agencies over and over.
 */
import type { Level } from '../model/plan.js';
import { isCounterpart, sameFamily, type AgencyRef } from '../domain/agencies.js';
import { covers } from './addressing.js';
import type { TaskAnalysis } from './types.js';

// By object: resolved agencies are shared frozen objects (text/agencies.ts), so identity is a cheap key.
const memo = new WeakMap<AgencyRef, WeakMap<AgencyRef, Map<string, number>>>();

function pairAgreement(p: AgencyRef, c: AgencyRef, level: Level, on: string | null): number {
  if (!p.known || !c.known || p.vague || c.vague) return 0;
  let byChild = memo.get(p);
  if (!byChild) memo.set(p, (byChild = new WeakMap()));
  let byContext = byChild.get(c);
  if (!byContext) byChild.set(c, (byContext = new Map()));
  const key = on === null ? level : `${level}${on}`;
  let v = byContext.get(key);
  if (v === undefined) {
    v = isCounterpart(p, c, level, on) ? 1 : (p.kind === 'government' && covers(p, level)) || sameFamily(p, c) ? 0.5 : 0;
    byContext.set(key, v);
  }
  return v;
}

const judged = (r: AgencyRef): boolean => r.known && !r.vague;

/**
 * The best agreement between any parent owner (of any duty) and any child owner; null when one
 * side names no owner (a funding paragraph): nothing to agree or disagree with.
 */
export function ownerAgreement(p: TaskAnalysis, c: TaskAnalysis, level: Level, on: string | null): number | null {
  if (!c.owners.some(judged) || !p.duties.some((d) => d.owners.some(judged))) return null;
  let best = 0;
  for (const d of p.duties) {
    for (const po of d.owners) {
      for (const co of c.owners) {
        best = Math.max(best, pairAgreement(po, co, level, on));
        if (best === 1) return 1;
      }
    }
  }
  return best;
}
