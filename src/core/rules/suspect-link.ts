/**
 * suspect-link: an explicit link whose parent task changed since the link was written
 * (its stored fingerprint no longer matches), that names a task the parent lacks, or that
 * points into a plan that is not a parent of the child (or into the child itself).
 */
import type { PairRule } from '../check/types.js';

export const suspectLink: PairRule = {
  id: 'suspect-link',
  scope: 'pair',
  defaultSeverity: 'warning',
  graded: false,
  check(ctx) {
    return ctx.links.map((l) => {
      const childLabel = ctx.child.byKey.get(l.childTask)?.label ?? l.childTask;
      if (l.linkedPlan !== undefined) {
        const data = { problem: l.problem, variant: l.problem, childLabel, linkedPlan: l.linkedPlan, linkedTask: l.parentTask };
        return { severity: 'warning' as const, task: l.childTask, parentTask: null, field: 'implements', data };
      }
      const parentLabel = ctx.parent.byKey.get(l.parentTask)?.label ?? l.parentTask;
      const data = { problem: l.problem, childLabel, parentLabel, stored: l.stored ?? null, current: l.current ?? null };
      return { severity: 'warning' as const, task: l.childTask, parentTask: l.parentTask, field: 'implements', data };
    });
  },
};
