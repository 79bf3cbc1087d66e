/**
 * reporting-chain: the parent wants the child's level to report by day D_p each year; the
 * child asks its own subordinates to report by D_c ≥ D_p, leaving no time to aggregate.
 * When the parent gives no date for the child's level, its own yearly reporting date is
 * the bound. Dates compare within the year (month, day). Only reports the child demands of its
 * subordinates count: the child's own report sent up ("… báo cáo … về Sở Nội vụ") is a deadline
 * like any other (late-deadline). On one pair of tasks it replaces late-deadline.
 */
import type { PairRule, RawFinding, TaskAnalysis } from '../check/types.js';
import type { DueDay } from '../text/deadline.js';
import type { Level } from '../model/plan.js';
import { resolveAgency } from '../text/agencies.js';
import { LEVEL_RANK } from '../check/addressing.js';

// "… báo cáo (kết quả …) về <recipient> để tổng hợp …", "… gửi <recipient> trước ngày …".
const RECIPIENT = /(?:báo cáo|gửi)[^.;]*?\s(?:về|gửi|lên)\s+(?:cho\s+)?(.{3,90}?)(?=\s+(?:để|trước|theo|qua|trong|hoặc|và báo cáo)\s|[,.;()]|$)/gu;

/** The task sends its report to a body above the child's level: the child's own report, not one it demands. */
function reportsUpward(t: TaskAnalysis, level: Level, on: string | null): boolean {
  const text = [t.task.title, t.task.details ?? ''].join(' ');
  for (const m of text.matchAll(RECIPIENT)) {
    const r = resolveAgency(m[1]!, { level, on });
    if (r.known && !r.vague && r.level && LEVEL_RANK[r.level] < LEVEL_RANK[level]) return true;
  }
  return false;
}

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
  supersedes: ['late-deadline'],
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
      if (!subordinates.length || dayOfYear(due) < dayOfYear(bound.due) || reportsUpward(t, ctx.child.level, ctx.child.on)) continue;
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
