/**
 * reporting-chain: the parent wants the child's level to report by day D_p each year; the
 * child asks its own subordinates to report by D_c ≥ D_p, leaving no time to aggregate.
 * When the parent gives no date for the child's level, its own yearly reporting date is
 * the bound. Dates compare within the year (month, day).
 */
import type { PairRule, RawFinding, TaskAnalysis } from '../check/types.js';
import type { DueDay } from '../text/deadline.js';
import type { Level } from '../model/plan.js';

/** The annual due day of a yearly task: the one labelled for the year, else the latest. */
function annualDue(t: TaskAnalysis): DueDay | null {
  if (t.deadline.kind !== 'yearly' || !t.deadline.due.length) return null;
  const sorted = [...t.deadline.due].sort((a, b) => a.month - b.month || a.day - b.day);
  return t.deadline.due.find((d) => d.label === 'năm') ?? sorted[sorted.length - 1]!;
}

const dayOfYear = (d: DueDay): number => d.month * 100 + d.day;
const ofLevel = (level: Level) => (r: TaskAnalysis['owners'][number]) => (r.collective ? r.covers.includes(level) : r.level === level);

export const reportingChain: PairRule = {
  id: 'reporting-chain',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  check(ctx) {
    const yearly = (tasks: TaskAnalysis[]) => tasks.map((t) => ({ t, due: annualDue(t) })).filter((x): x is { t: TaskAnalysis; due: DueDay } => x.due !== null);
    const parentYearly = yearly(ctx.parent.tasks);
    let bound = parentYearly.find((x) => ctx.addressing.get(x.t.key) === 'addressed');
    let boundKind: 'child-level' | 'parent-own' = 'child-level';
    if (!bound) {
      bound = parentYearly.find((x) => x.t.owners.some(ofLevel(ctx.parent.level)));
      boundKind = 'parent-own';
    }
    if (!bound) return [];
    const out: RawFinding[] = [];
    for (const { t, due } of yearly(ctx.child.tasks)) {
      const subordinates = t.owners.filter((r) => !r.vague && !(r.kind === 'government' && ofLevel(ctx.child.level)(r)));
      if (!subordinates.length || dayOfYear(due) < dayOfYear(bound.due)) continue;
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
          bound: boundKind,
        },
      });
    }
    return out;
  },
};
