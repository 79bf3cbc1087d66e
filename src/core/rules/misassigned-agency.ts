/**
 * misassigned-agency: in a matched pair the child's lead is not the counterpart, at the child's
 * level, of the parent owner it carries (checking.md "Agencies", refined in issue 14):
 * - judged against the parent's duties addressed to the child's level (its leads, implementers
 *   and "+" bullets), or all its owners when none is (a task the child mirrors);
 * - the child's own government (or a collective covering it) as owner: any agency of the
 *   child's government will do, and so will the bodies under it that it directs;
 * - a body of the child's level it cannot order (HĐND, Mặt trận): a request to it or any agency
 *   of the child's government preparing it; a duty addressed below the child: passed down;
 * - otherwise a counterpart (a collective's counterpart collective and any member of it);
 * - any child lead and any candidate owner decide; vague leads are not judged; a pair whose
 *   child lead is of a higher level is wrong-level-agency's alone (one defect, one finding);
 *   a department's own plan is not judged (it leads its own tasks).
 */
import type { PairRule, RawFinding } from '../check/types.js';
import { counterparts, isCounterpart, type AgencyRef } from '../domain/agencies.js';
import { matchedPairs, names, pairData, severityFor } from './helpers.js';
import type { Level } from '../model/plan.js';
import { below, covers, LEVEL_RANK } from '../check/addressing.js';
import { isHigherLevel } from './wrong-level-agency.js';

const judged = (refs: readonly AgencyRef[]): AgencyRef[] => refs.filter((r) => r.known && !r.vague);
/** The child's level or a level under it (its communes): bodies the child's government directs. */
const ownOrBelow = (r: AgencyRef, level: Level): boolean => {
  const levels = r.collective ? r.covers : r.level ? [r.level] : [];
  return levels.length > 0 && levels.every((l) => LEVEL_RANK[l] >= LEVEL_RANK[level]);
};
/** Any agency of the child's government, or a body it directs: not a council or mass organisation. */
const ofOwnGovernment = (r: AgencyRef, level: Level): boolean => ownOrBelow(r, level) && !r.independent;

/** Does child lead `c` carry the duty of parent owner `o` in a plan of `level`? */
function carries(o: AgencyRef, c: AgencyRef, level: Level, on: string | null): boolean {
  if (o.kind === 'government' && covers(o, level)) return ownOrBelow(c, level);
  if (o.independent && covers(o, level)) return ofOwnGovernment(c, level) || (c.request && c.family === o.family);
  if (below(o, level)) return ownOrBelow(c, level);
  return isCounterpart(o, c, level, on);
}

export const misassignedAgency: PairRule = {
  id: 'misassigned-agency',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  mark: 'other-agency',
  check(ctx) {
    const out: RawFinding[] = [];
    const level = ctx.child.level;
    const on = ctx.child.on;
    // A department's own plan carries the province's tasks within its own sector, led by
    // itself: there is no counterpart one level down to expect.
    if (level === 'department') return out;
    for (const { m, p, c } of matchedPairs(ctx)) {
      const childLeads = judged(c.owners);
      if (!childLeads.length || c.owners.some((r) => isHigherLevel(r, level))) continue;
      const owners = judged(p.duties.flatMap((d) => d.owners));
      const addressed = owners.filter((o) => covers(o, level));
      const candidates = addressed.length ? addressed : owners;
      if (!candidates.length) continue;
      if (candidates.some((o) => childLeads.some((cl) => carries(o, cl, level, on)))) continue;
      const expected = [...new Set(candidates.flatMap((o) => (o.kind === 'government' && covers(o, level) ? [o.name ?? o.text] : counterparts(o, level, on))))];
      out.push({
        severity: severityFor(ctx.addressing.get(p.key) ?? 'not-addressed'),
        task: c.key,
        parentTask: p.key,
        field: c.lead.length ? 'lead' : 'implement',
        data: { ...pairData(ctx, m, p, c), parentAgencies: names(candidates), expected, actual: names(childLeads) },
      });
    }
    return out;
  },
};
