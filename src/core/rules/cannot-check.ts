/**
 * cannot-check: a child task whose parent counterpart lies beyond the known part of a
 * partial (cut off or reconstructed) parent. Counted in summary.unchecked.
 */
import type { PairRule, RawFinding } from '../check/types.js';

export const cannotCheck: PairRule = {
  id: 'cannot-check',
  scope: 'pair',
  defaultSeverity: 'info',
  graded: false,
  check(ctx) {
    if (!ctx.parent.partial) return [];
    const matched = new Set(ctx.matches.map((m) => m.childTask));
    const out: RawFinding[] = [];
    const knownUntil = ctx.parentPlan.plan.completeness?.knownUntil?.task ?? null;
    for (const c of ctx.child.tasks) {
      if (matched.has(c.key)) continue;
      out.push({
        severity: 'info',
        task: c.key,
        parentTask: null,
        data: { childLabel: c.label, childTitle: c.task.title, knownUntil, reconstructed: ctx.parent.reconstructed },
      });
    }
    return out;
  },
};
