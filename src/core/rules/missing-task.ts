/**
 * missing-task: a parent duty addressed to the child that no child task implements. A duty whose
 * every clause asks for the child's own plan is carried by the child plan's existence; a standing
 * instruction ("nếu có khó khăn, vướng mắc … báo cáo") is owed when its condition arises.
 */
import type { PairRule, RawFinding } from '../check/types.js';
import { names } from './helpers.js';

export const missingTask: PairRule = {
  id: 'missing-task',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  check(ctx) {
    const implemented = new Set(ctx.matches.map((m) => m.parentTask));
    const out: RawFinding[] = [];
    for (const p of ctx.parent.tasks) {
      // A duty to issue the child's own plan is carried by the child plan itself; a standing
      // instruction is owed when its condition arises, not restated (checking.md).
      if (ctx.addressing.get(p.key) !== 'addressed' || implemented.has(p.key) || p.fulfilledByPlan || p.standing) continue;
      out.push({
        severity: 'error',
        task: null,
        parentTask: p.key,
        field: 'tasks', // no child task to point at: the child's task list
        data: {
          parentLabel: p.label,
          parentTitle: p.task.title,
          parentOwners: names(p.duties.flatMap((d) => d.owners)),
          parentDeadline: p.task.deadline ?? null,
          addressing: 'addressed',
        },
      });
    }
    return out;
  },
};
