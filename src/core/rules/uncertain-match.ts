/** uncertain-match: a weak (between floor and threshold) or ambiguous automatic match. */
import type { PairRule } from '../check/types.js';

export const uncertainMatch: PairRule = {
  id: 'uncertain-match',
  scope: 'pair',
  defaultSeverity: 'info',
  graded: false,
  check(ctx) {
    return ctx.uncertain.map((u) => ({
      severity: 'info' as const,
      task: u.childTask,
      parentTask: u.parentTask,
      data: {
        kind: u.kind,
        score: u.score,
        candidates: u.candidates,
        childLabel: u.childTask ? ctx.child.byKey.get(u.childTask)?.label ?? null : null,
        parentLabel: u.parentTask ? ctx.parent.byKey.get(u.parentTask)?.label ?? null : null,
      },
    }));
  },
};
