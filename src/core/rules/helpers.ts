/** Small pieces the rules share: severity by addressing and the data shapes they report. */
import type { Severity } from '../model/finding.js';
import type { AgencyRef } from '../domain/agencies.js';
import type { Deadline } from '../domain/deadline.js';
import type { Addressing, Match, PairContext, RawFinding, TaskAnalysis } from '../check/types.js';

/** checking.md: error for a duty addressed to the child, warning for a task it mirrors of its own accord. */
export function severityFor(addressing: Addressing): Severity {
  return addressing === 'addressed' ? 'error' : 'warning';
}

/** Reported as `addressed` or `mirrored`: how the child came to carry the task. */
export function carried(addressing: Addressing): 'addressed' | 'mirrored' {
  return addressing === 'addressed' ? 'addressed' : 'mirrored';
}

export function deadlineData(d: Deadline): Record<string, unknown> {
  return { text: d.text, kind: d.kind, start: d.start, end: d.end, due: d.due, qualifiers: d.qualifiers, condition: d.condition };
}

export const names = (refs: readonly AgencyRef[]): string[] => refs.map((r) => r.name ?? r.text);

/** The fields every pair finding shares: both tasks, both labels and titles, match method and score. */
export function pairData(ctx: PairContext, m: Match, p: TaskAnalysis, c: TaskAnalysis): Record<string, unknown> {
  const addressing = ctx.addressing.get(p.key) ?? 'not-addressed';
  return {
    parentLabel: p.label,
    childLabel: c.label,
    parentTitle: p.task.title,
    childTitle: c.task.title,
    method: m.method,
    score: m.score,
    addressing: carried(addressing),
  };
}

/** Every matched pair with both task analyses, in match order. */
export function matchedPairs(ctx: PairContext): { m: Match; p: TaskAnalysis; c: TaskAnalysis }[] {
  return ctx.matches.map((m) => ({ m, p: ctx.parent.byKey.get(m.parentTask)!, c: ctx.child.byKey.get(m.childTask)! }));
}

/** Agencies that own duties in a task (lead/implementers and "+" bullet owners), with the field they sit in. */
export function ownedAgencies(t: TaskAnalysis): { ref: AgencyRef; field: string }[] {
  const out: { ref: AgencyRef; field: string }[] = [];
  for (const ref of t.lead) out.push({ ref: t.task.request ? { ...ref, request: true } : ref, field: 'lead' });
  for (const ref of t.implement) out.push({ ref: t.task.request ? { ...ref, request: true } : ref, field: 'implement' });
  for (const d of t.duties) if (d.bullet !== null) for (const ref of d.owners) out.push({ ref, field: 'duties' });
  return out;
}

/** Findings for the matched pairs whose deadline comparison gave `verdict` (late-deadline, weakened-deadline). */
export function deadlineFindings(ctx: PairContext, verdict: 'late' | 'weakened'): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { m, p, c } of matchedPairs(ctx)) {
    const v = ctx.deadlines.get(`${p.key}\u0000${c.key}`);
    if (v?.verdict !== verdict) continue;
    out.push({
      severity: severityFor(ctx.addressing.get(p.key) ?? 'not-addressed'),
      task: c.key,
      parentTask: p.key,
      field: 'deadline',
      data: {
        ...pairData(ctx, m, p, c),
        parentDeadline: deadlineData(p.deadline),
        childDeadline: deadlineData(c.deadline),
        ...(verdict === 'late' ? { delayDays: v.delayDays } : {}),
        reason: v.reason,
      },
    });
  }
  return out;
}
