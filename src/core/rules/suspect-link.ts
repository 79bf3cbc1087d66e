/**
 * suspect-link: an explicit link whose parent task changed since the link was written
 * (its stored fingerprint no longer matches), or that names a task the parent lacks.
 */
import type { PairRule } from '../check/types.js';

export const suspectLink: PairRule = {
  id: 'suspect-link',
  scope: 'pair',
  defaultSeverity: 'warning',
  graded: false,
  check(ctx) {
    return ctx.links.map((l) => ({
      severity: 'warning' as const,
      task: l.childTask,
      parentTask: l.parentTask,
      field: 'implements',
      data: {
        problem: l.problem,
        childLabel: ctx.child.byKey.get(l.childTask)?.label ?? l.childTask,
        parentLabel: ctx.parent.byKey.get(l.parentTask)?.label ?? l.parentTask,
        stored: l.stored ?? null,
        current: l.current ?? null,
      },
    }));
  },
};
