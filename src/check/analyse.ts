/**
 * Per-plan analysis, done once per plan: agencies resolved, deadlines parsed, title
 * features cut. Everything the rules need, as plain data.
 */
import type { Level } from '../model/plan.js';
import { labelOf } from '../model/plan.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { resolveAgencies, type AgencyRef } from '../text/agencies.js';
import { parseDeadline } from '../text/deadline.js';
import { features, type Boilerplate } from './features.js';
import { memoByText } from './memo.js';
import type { DutyAnalysis, PlanAnalysis, TaskAnalysis } from './types.js';

/** The date a plan is judged on: its issue date (first day of a partial one), else the parent's, else its earliest deadline. */
export function judgedOn(lp: LoadedPlan, parentOn: string | null, tasks: readonly TaskAnalysis[]): string | null {
  const issued = lp.plan.issued;
  if (issued) return issued.length === 10 ? issued : issued.length === 7 ? `${issued}-01` : `${issued}-01-01`;
  if (parentOn) return parentOn;
  const starts = tasks.map((t) => t.deadline.start).filter((d): d is string => Boolean(d)).sort();
  return starts[0] ?? null;
}

/**
 * Section II holds the content tasks; other Roman sections (III. TỔ CHỨC THỰC HIỆN, IV, V…)
 * hold organisation duties. Keys that are not Roman-numbered (a reconstruction's own) are content.
 */
export function isOrganisationKey(key: string): boolean {
  const head = key.split(/[.-]/)[0]!;
  return /^[IVX]+$/.test(head) && head !== 'II';
}

const asList = (owner: string | string[] | undefined): string[] => (owner === undefined ? [] : Array.isArray(owner) ? owner : [owner]);

const deadlineOf = memoByText(parseDeadline);
const UNSTATED = parseDeadline(undefined);
const featureMemos = new WeakMap<Boilerplate, (title: string) => string[]>();

/** Title features, memoised per boilerplate table (a config may bring its own). */
function featuresOf(title: string, bp: Boilerplate): string[] {
  let f = featureMemos.get(bp);
  if (!f) featureMemos.set(bp, (f = memoByText((t) => features(t, bp))));
  return f(title);
}

export function analysePlan(lp: LoadedPlan, bp: Boilerplate, parentOn: string | null): PlanAnalysis {
  const plan = lp.plan;
  // First pass without a date (deadlines do not depend on it), then resolve agencies on the date.
  const deadlines = plan.tasks.map((t) => (t.deadline === undefined ? UNSTATED : deadlineOf(t.deadline)));
  const on = judgedOn(lp, parentOn, deadlines.map((deadline) => ({ deadline }) as TaskAnalysis));
  const ctx = { level: plan.level as Level, on, jurisdiction: plan.jurisdiction ?? null };
  const tasks: TaskAnalysis[] = plan.tasks.map((task, index) => {
    const lead = resolveAgencies(task.lead ?? [], ctx);
    const implement = resolveAgencies(task.implement ?? [], ctx);
    const owners = (lead.length ? lead : implement).map((a): AgencyRef => (task.request ? { ...a, request: true } : a));
    const duties: DutyAnalysis[] = [];
    if (owners.length) duties.push({ owners, request: Boolean(task.request) || owners.every((o) => o.request), bullet: null });
    (task.duties ?? []).forEach((d, bullet) => {
      const named = asList(d.owner);
      if (!named.length) return; // a bullet without an owner falls to the task's owners
      const refs = resolveAgencies(named, ctx).map((a) => (d.request ? { ...a, request: true } : a));
      duties.push({ owners: refs, request: Boolean(d.request), bullet });
    });
    return {
      index,
      key: task.key,
      label: labelOf(task),
      task,
      features: featuresOf(task.title, bp),
      lead,
      implement,
      coordinate: resolveAgencies(task.coordinate ?? [], ctx),
      owners,
      duties,
      deadline: deadlines[index]!,
      organisation: isOrganisationKey(task.key),
    };
  });
  return {
    id: plan.id,
    level: plan.level,
    on,
    jurisdiction: plan.jurisdiction ?? null,
    partial: plan.completeness?.status === 'partial',
    reconstructed: Boolean(plan.completeness?.reconstructed),
    tasks,
    byKey: new Map(tasks.map((t) => [t.key, t])),
    df: documentFrequency(tasks),
  };
}

function documentFrequency(tasks: readonly TaskAnalysis[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of tasks) for (const f of t.features) df.set(f, (df.get(f) ?? 0) + 1);
  return df;
}
