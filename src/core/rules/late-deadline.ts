/**
 * late-deadline: the child's deadline for a matched task ends after the parent's (checking.md
 * "Deadlines"). Also the child's own yearly report sent up, when it is due after the date the
 * parent sets for the child's level (checking.md "Reporting chain", refined), unless a matched
 * pair already says so.
 */
import type { PairRule, RawFinding } from '../check/types.js';
import { dayOfYear, reportBound, reportsUpward, yearlyTasks } from '../check/reports.js';
import { deadlineData, deadlineFindings } from './helpers.js';

export const lateDeadline: PairRule = {
  id: 'late-deadline',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  mark: 'later',
  check(ctx) {
    const out = deadlineFindings(ctx, 'late');
    const bound = reportBound(ctx);
    if (!bound || bound.kind !== 'child-level') return out;
    const late = new Set(out.map((f) => f.task));
    for (const { t, due } of yearlyTasks(ctx.child.tasks)) {
      if (late.has(t.key) || dayOfYear(due) <= dayOfYear(bound.due) || !reportsUpward(t, ctx)) continue;
      const own: RawFinding = {
        severity: 'error',
        task: t.key,
        parentTask: bound.t.key,
        field: 'deadline',
        data: {
          variant: 'own-report',
          childLabel: t.label,
          parentLabel: bound.t.label,
          childDeadline: deadlineData(t.deadline),
          parentDeadline: deadlineData(bound.t.deadline),
          childDue: due,
          parentDue: bound.due,
          addressing: 'addressed',
        },
      };
      out.push(own);
    }
    return out;
  },
};
