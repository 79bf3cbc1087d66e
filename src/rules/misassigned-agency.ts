/**
 * misassigned-agency: in a matched pair the child's lead is not the counterpart, at the
 * child's level, of the parent's lead. Parent lead = the child's own government: any
 * agency of the child's government will do, and so will the bodies under it that it directs
 * (a district handing its duty to its communes' committees). Several leads: any counterpart pair passes.
 * Vague leads are not judged; a department's own plan is not judged (it leads its own tasks).
 */
import type { PairRule, RawFinding } from '../check/types.js';
import { counterparts, isCounterpart, type AgencyRef } from '../text/agencies.js';
import { matchedPairs, names, pairData, severityFor } from './helpers.js';
import type { Level } from '../model/plan.js';
import { LEVEL_RANK } from '../check/addressing.js';

const judged = (refs: readonly AgencyRef[]): AgencyRef[] => refs.filter((r) => r.known && !r.vague);
const ofLevel = (r: AgencyRef, level: Level): boolean => (r.collective ? r.covers.includes(level) : r.level === level);
/** The child's level or a level under it (its communes): bodies the child's government directs. */
const ownOrBelow = (r: AgencyRef, level: Level): boolean => {
  const levels = r.collective ? r.covers : r.level ? [r.level] : [];
  return levels.length > 0 && levels.every((l) => LEVEL_RANK[l] >= LEVEL_RANK[level]);
};

export const misassignedAgency: PairRule = {
  id: 'misassigned-agency',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    const level = ctx.child.level;
    const on = ctx.child.on;
    // A department's own plan carries the province's tasks within its own sector, led by
    // itself: there is no counterpart one level down to expect.
    if (level === 'department') return out;
    for (const { m, p, c } of matchedPairs(ctx)) {
      const parentLeads = judged(p.owners);
      const childLeads = judged(c.owners);
      if (!parentLeads.length || !childLeads.length) continue;
      const ownGovernment = parentLeads.some((r) => r.kind === 'government' && ofLevel(r, level));
      const pass = ownGovernment
        ? childLeads.some((r) => ownOrBelow(r, level))
        : parentLeads.some((pr) => childLeads.some((cr) => isCounterpart(pr, cr, level, on)));
      if (pass) continue;
      const own = parentLeads.filter((r) => r.kind === 'government' && ofLevel(r, level));
      const expected = ownGovernment ? names(own) : [...new Set(parentLeads.flatMap((r) => counterparts(r, level, on)))];
      out.push({
        severity: severityFor(ctx.addressing.get(p.key) ?? 'not-addressed'),
        task: c.key,
        parentTask: p.key,
        field: c.lead.length ? 'lead' : 'implement',
        data: { ...pairData(ctx, m, p, c), parentAgencies: names(parentLeads), expected, actual: names(childLeads) },
      });
    }
    return out;
  },
};
