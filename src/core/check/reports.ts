/**
 * Yearly reports along the chain (checking.md "Reporting chain"): the day a yearly task is due,
 * the parent's date for the child's level (the bound), and whether a child's report goes up (its
 * own report) rather than being one it demands of its subordinates. Shared by reporting-chain
 * and late-deadline.
 */
import type { Level } from '../model/plan.js';
import { resolveAgency } from '../domain/agencies.js';
import type { DueDay } from '../domain/deadline.js';
import { LEVEL_RANK } from './addressing.js';
import type { PairContext, TaskAnalysis } from './types.js';

/** The annual due day of a yearly task: the one labelled for the year, else the latest. */
export function annualDue(t: TaskAnalysis): DueDay | null {
  if (t.deadline.kind !== 'yearly' || !t.deadline.due.length) return null;
  const sorted = [...t.deadline.due].sort((a, b) => a.month - b.month || a.day - b.day);
  return t.deadline.due.find((d) => d.label === 'năm') ?? sorted[sorted.length - 1]!;
}

export const dayOfYear = (d: DueDay): number => d.month * 100 + d.day;
const ofLevel = (level: Level) => (r: TaskAnalysis['owners'][number]) => (r.collective ? r.covers.includes(level) : r.level === level);

export interface Yearly {
  t: TaskAnalysis;
  due: DueDay;
}
export const yearlyTasks = (tasks: readonly TaskAnalysis[]): Yearly[] =>
  tasks.map((t) => ({ t, due: annualDue(t) })).filter((x): x is Yearly => x.due !== null);

/**
 * The parent's yearly date for the child's level (a yearly task addressed to the child), else
 * its own yearly reporting date; null when it has neither.
 */
export function reportBound(ctx: PairContext): (Yearly & { kind: 'child-level' | 'parent-own' }) | null {
  const parentYearly = yearlyTasks(ctx.parent.tasks);
  const addressed = parentYearly.find((x) => ctx.addressing.get(x.t.key) === 'addressed');
  if (addressed) return { ...addressed, kind: 'child-level' };
  const own = parentYearly.find((x) => x.t.owners.some(ofLevel(ctx.parent.level)));
  return own ? { ...own, kind: 'parent-own' } : null;
}

// "… báo cáo (kết quả …) về <recipient> để tổng hợp …", "… gửi <recipient> trước ngày …", and
// "… báo cáo UBND tỉnh (qua Sở Nội vụ)" with the recipient right after the verb.
const RECIPIENT = /(?:báo cáo|gửi)(?:\s+(?=(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Chủ tịch|Thủ tướng)\s)|[^.;]*?\s(?:về|gửi|lên)\s+(?:cho\s+)?)(.{3,90}?)(?=\s+(?:để|trước|theo|qua|trong|hoặc|và báo cáo)\s|[,.;():]|$)/gu;

/**
 * The task sends its report to a body above the child: the child's own report, not one it
 * demands. For a department's plan, any body of the province or above other than itself.
 */
export function reportsUpward(t: TaskAnalysis, ctx: PairContext): boolean {
  const level = ctx.child.level;
  const text = [t.task.title, t.task.details ?? ''].join(' ');
  const issuer = ctx.childPlan.plan.issuer ?? '';
  for (const m of text.matchAll(RECIPIENT)) {
    const r = resolveAgency(m[1]!, { level, on: ctx.child.on });
    if (!r.known || r.vague || !r.level) continue;
    if (level === 'department') {
      if (LEVEL_RANK[r.level] <= LEVEL_RANK.province && !(r.name && issuer.includes(r.name))) return true;
    } else if (LEVEL_RANK[r.level] < LEVEL_RANK[level]) return true;
  }
  return false;
}

/** The child's own government (a report it demands of it is no demand on subordinates). */
export const isOwnGovernment = (level: Level) => (r: TaskAnalysis['owners'][number]): boolean => r.kind === 'government' && ofLevel(level)(r);
