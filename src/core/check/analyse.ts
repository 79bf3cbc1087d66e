/**
 * Per-plan analysis, done once per plan: agencies resolved, deadlines parsed, title
 * features cut. Everything the rules need, as plain data.
 */
import type { Level } from '../model/plan.js';
import { labelOf } from '../model/plan.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { resolveAgencies, splitAgencies, type AgencyRef, type ResolveContext } from '../domain/agencies.js';
import { parseDeadline } from '../domain/deadline.js';
import { documentFrequency, featureIds } from './feature-ids.js';
import { features, namedLevel, onlyPlanMaking, residualTitle, standingInstruction, type Boilerplate } from './features.js';
import { memoByText } from './memo.js';
import type { DutyAnalysis, PlanAnalysis, TaskAnalysis } from './types.js';

/** The issue date as a day (the first day of a partial "2023-11" or "2023"), or null. */
export function issuedDay(lp: LoadedPlan): string | null {
  const issued = lp.plan.issued;
  if (!issued) return null;
  return issued.length === 10 ? issued : issued.length === 7 ? `${issued}-01` : `${issued}-01-01`;
}

/** The earliest day any of the plan's deadlines names, or null. */
export function earliestDeadline(lp: LoadedPlan): string | null {
  let first: string | null = null;
  for (const t of lp.plan.tasks) {
    const start = t.deadline === undefined ? null : deadlineOf(t.deadline).start;
    if (start && (first === null || start < first)) first = start;
  }
  return first;
}

/** The date a plan is judged on (checking.md): its issue date, else its parent's, else its earliest deadline. */
export function judgedOn(issued: string | null, parentOn: string | null, earliest: string | null): string | null {
  return issued ?? parentOn ?? earliest;
}

/** Every plan's judged date, in an order that puts parents first (a parent's date passes to its children). */
export function planDates(order: readonly string[], plan: (id: string) => { parents: string[]; issued: string | null; earliest: string | null }): Map<string, string | null> {
  const on = new Map<string, string | null>();
  for (const id of order) {
    const p = plan(id);
    const parentOn = p.parents.map((x) => on.get(x)).find((d): d is string => Boolean(d)) ?? null;
    on.set(id, judgedOn(p.issued, parentOn, p.earliest));
  }
  return on;
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
/** An entry naming two bodies joined by "và" or a list is two owners (checking.md "Agencies", refined). */
const pieces = memoByText((entry: string) => {
  const parts = splitAgencies(entry);
  return parts.length ? parts : [entry];
});
const resolveEntries = (entries: readonly string[], ctx: ResolveContext): AgencyRef[] => resolveAgencies(entries.flatMap(pieces), ctx);

/** The one level all of a task's owners have (a collective counts when it covers one level), or null. */
function ownersLevel(owners: readonly AgencyRef[]): Level | null {
  const levels = new Set<Level>();
  for (const o of owners) {
    if (o.vague || !o.known) continue;
    const l = o.collective ? (o.covers.length === 1 ? o.covers[0]! : null) : o.level;
    if (!l) return null;
    levels.add(l);
  }
  return levels.size === 1 ? [...levels][0]! : null;
}
const UNSTATED = parseDeadline(undefined);
/** What the check reads of a title: its features (on what remains to carry), the level it names, and whether it asks for the child's plan or is a standing instruction. */
interface TitleFacts {
  featureIds: Int32Array;
  named: Level | null;
  fulfilledByPlan: boolean;
  standing: boolean;
}
const titleMemos = new WeakMap<Boilerplate, (title: string) => TitleFacts>();

/** A title's facts, memoised per boilerplate table (a config may bring its own): titles repeat across a corpus. */
function titleFacts(title: string, bp: Boilerplate): TitleFacts {
  let f = titleMemos.get(bp);
  if (!f) {
    titleMemos.set(
      bp,
      (f = memoByText((t) => ({
        // A clause asking for the child's own plan is carried by the plan itself: match on the rest.
        featureIds: featureIds(features(residualTitle(t, bp), bp)),
        named: namedLevel(t, bp),
        fulfilledByPlan: onlyPlanMaking(t, bp),
        standing: standingInstruction(t, bp),
      }))),
    );
  }
  return f(title);
}

/** Analyses one plan judged on date `on` (see judgedOn). */
export function analysePlan(lp: LoadedPlan, bp: Boilerplate, on: string | null): PlanAnalysis {
  const plan = lp.plan;
  const deadlines = plan.tasks.map((t) => (t.deadline === undefined ? UNSTATED : deadlineOf(t.deadline)));
  const ctx = { level: plan.level as Level, on, jurisdiction: plan.jurisdiction ?? null };
  const tasks: TaskAnalysis[] = plan.tasks.map((task, index) => {
    const facts = titleFacts(task.title, bp);
    const lead = resolveEntries(task.lead ?? [], ctx);
    const implement = resolveEntries(task.implement ?? [], ctx);
    const owners = (lead.length ? lead : implement).map((a): AgencyRef => (task.request ? { ...a, request: true } : a));
    const duties: DutyAnalysis[] = [];
    if (owners.length) duties.push({ owners, request: Boolean(task.request) || owners.every((o) => o.request), bullet: null });
    (task.duties ?? []).forEach((d, bullet) => {
      const named = asList(d.owner);
      if (!named.length) return; // a bullet without an owner falls to the task's owners
      const refs = resolveEntries(named, ctx).map((a) => (d.request ? { ...a, request: true } : a));
      duties.push({ owners: refs, request: Boolean(d.request), bullet });
    });
    return {
      index,
      key: task.key,
      label: labelOf(task),
      task,
      featureIds: facts.featureIds,
      lead,
      implement,
      coordinate: resolveEntries(task.coordinate ?? [], ctx),
      owners,
      duties,
      deadline: deadlines[index]!,
      organisation: isOrganisationKey(task.key),
      level: facts.named ?? ownersLevel(owners),
      fulfilledByPlan: facts.fulfilledByPlan,
      standing: facts.standing,
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
