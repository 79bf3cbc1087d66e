/** late-deadline: the child's deadline for a matched task ends after the parent's. */
import type { PairRule, RawFinding } from '../check/types.js';
import { deadlineData, matchedPairs, pairData, severityFor } from './helpers.js';

export const lateDeadline: PairRule = {
  id: 'late-deadline',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m, p, c } of matchedPairs(ctx)) {
      const v = ctx.deadlines.get(`${p.key}\u0000${c.key}`);
      if (v?.verdict !== 'late') continue;
      out.push({
        severity: severityFor(ctx.addressing.get(p.key) ?? 'not-addressed'),
        task: c.key,
        parentTask: p.key,
        field: 'deadline',
        data: { ...pairData(ctx, m, p, c), parentDeadline: deadlineData(p.deadline), childDeadline: deadlineData(c.deadline), delayDays: v.delayDays, reason: v.reason },
      });
    }
    return out;
  },
};
