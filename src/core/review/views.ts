/** Plan, task and finding as the reports show them: plain data taken from the loaded plans and the check. */
import type { Severity } from '../model/finding.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { planName } from '../check/engine.js';
import type { TaskAnalysis } from '../check/types.js';
import type { PlanInfo, TaskSide } from './types.js';

export function planInfo(lp: LoadedPlan): PlanInfo {
  const p = lp.plan;
  return {
    id: p.id,
    name: planName(lp),
    number: p.number ?? null,
    title: p.title,
    issuer: p.issuer ?? null,
    level: p.level,
    issued: p.issued ?? null,
    file: lp.file,
    partial: p.completeness?.status === 'partial',
    knownUntil: p.completeness?.knownUntil?.task ?? null,
    reconstructed: Boolean(p.completeness?.reconstructed),
    note: p.note ?? null,
  };
}

export function taskSide(t: TaskAnalysis): TaskSide {
  const task = t.task;
  const ownerRole = task.lead?.length ? 'lead' : task.implement?.length ? 'implement' : null;
  const d = t.deadline;
  return {
    key: t.key,
    label: t.label,
    title: task.title,
    owners: ownerRole === 'lead' ? [...task.lead!] : ownerRole === 'implement' ? [...task.implement!] : [],
    ownerRole,
    coordinate: [...(task.coordinate ?? [])],
    request: Boolean(task.request),
    deadline: {
      text: task.deadline ?? null,
      deadlineKind: task.deadlineKind ?? null,
      kind: d.kind,
      start: d.start,
      end: d.end,
      due: d.due.map((x) => ({ ...x })),
      qualifiers: [...d.qualifiers],
      condition: d.condition,
    },
  };
}

const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_DEADLINE: TaskSide['deadline'] = Object.freeze({ text: null, deadlineKind: null, kind: 'unknown', start: null, end: null, due: [], qualifiers: NONE, condition: null }) as TaskSide['deadline'];

/** A task side with its key, label and title only (agencies and deadline left empty, shared): what an audit reads. */
export function keySide(t: TaskAnalysis): TaskSide {
  return { key: t.key, label: t.label, title: t.task.title, owners: NONE, ownerRole: null, coordinate: NONE, request: false, deadline: NO_DEADLINE };
}

/** Counts by severity, waived findings apart (they no longer count against the plan). */
export function countFindings(fs: readonly { severity: Severity; waived?: unknown }[]): { error: number; warning: number; info: number; waived: number } {
  const active = fs.filter((f) => !f.waived);
  return {
    error: active.filter((f) => f.severity === 'error').length,
    warning: active.filter((f) => f.severity === 'warning').length,
    info: active.filter((f) => f.severity === 'info').length,
    waived: fs.length - active.length,
  };
}
