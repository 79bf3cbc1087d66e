/**
 * reporting-chain: the parent wants the child's level to report by day D_p each year; the
 * child asks its own subordinates to report by D_c ≥ D_p, leaving no time to aggregate.
 * When the parent gives no date for the child's level, its own yearly reporting date is
 * the bound. Dates compare within the year (month, day). Only reports the child demands of its
 * subordinates count: the child's own report sent up ("… báo cáo … về Sở Nội vụ") is a deadline
 * like any other (late-deadline). On one pair of tasks it replaces late-deadline.
 */
import type { PairRule, RawFinding } from '../check/types.js';
import { dayOfYear, isOwnGovernment, reportBound, reportsUpward, yearlyTasks } from '../check/reports.js';

export const reportingChain: PairRule = {
  id: 'reporting-chain',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  supersedes: ['late-deadline'],
  check(ctx) {
    const bound = reportBound(ctx);
    if (!bound) return [];
    const out: RawFinding[] = [];
    for (const { t, due } of yearlyTasks(ctx.child.tasks)) {
      const subordinates = t.owners.filter((r) => !r.vague && !isOwnGovernment(ctx.child.level)(r));
      if (!subordinates.length || dayOfYear(due) < dayOfYear(bound.due) || reportsUpward(t, ctx)) continue;
      out.push({
        severity: 'error',
        task: t.key,
        parentTask: bound.t.key,
        field: 'deadline',
        data: {
          childLabel: t.label,
          parentLabel: bound.t.label,
          childDeadline: t.task.deadline ?? null,
          parentDeadline: bound.t.task.deadline ?? null,
          childDue: due,
          parentDue: bound.due,
          bound: bound.kind,
        },
      });
    }
    return out;
  },
};
