/**
 * `kehoach scaffold`, the pure part: a parent plan, a level and a unit → a child draft that
 * carries every duty the parent addresses to that level, for a drafter who starts from the
 * parent plan. Which duties those are is the check's own answer (addressingOf, checking.md
 * "Which parent duties a child must carry"); nothing here decides it again:
 * - a duty addressed to the child's level is carried (required); one the parent gives to the
 *   level below the child is carried as optional; a standing instruction is carried, marked as
 *   one a child need not restate; a duty the child plan fulfils by existing ("Xây dựng Kế hoạch
 *   …") is not a task of it;
 * - a parent task in which the child's level only coordinates is carried as one the child
 *   mirrors of its own accord (optional), as real district plans do with the province's
 *   conference; a task marked `cascade: none` never is;
 * - a reconstructed parent's task that names no agency at all is carried with its agencies
 *   unknown: whether it is addressed to the child cannot be derived.
 * Each carried task links to its parent task (`implements` with the fingerprint `kehoach link`
 * writes), keeps its title, names the child's counterparts of the parent's agencies (agencies.ts),
 * keeps the parent's deadline text (never a later one) and asks for yearly reports some days
 * before the parent's (deadline.ts). What the parent leaves unsaid stays unsaid: a deadline it
 * does not state or that is cut off is `unknown`, and every such gap is a remark, which
 * withNotes turns into the task's `note` in the drafter's language.
 */
import { Plan, type Duty, type Level, type Task } from '../model/plan.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { resolveAgency, type AgencyRef } from '../domain/agencies.js';
import { addressingOf } from '../check/addressing.js';
import { documentFrequency } from '../check/feature-ids.js';
import { taskFingerprint } from '../check/fingerprint.js';
import type { PlanAnalysis, TaskAnalysis } from '../check/types.js';
import { concerns, mapAgency, type AgencyRemark, type MapContext } from './agencies.js';
import { earlierYearly } from './deadline.js';
import { draftId, draftTitle, placeOfIssuer, unitOf, type Unit, type UnitProblem } from './unit.js';

export interface ScaffoldRequest {
  parent: LoadedPlan;
  /** The parent as the check analyses it (analyseCorpus): agencies resolved, deadlines read, its judged date. */
  analysis: PlanAnalysis;
  /** "thị xã Bỉm Sơn", "phường Bắc Sơn", "Sở Nội vụ". */
  unit: string;
  /** Default: the level below the parent's. */
  level?: Level | undefined;
  /** Days by which the child's yearly reports come before the parent's (rules/config.yaml scaffold.reportLeadDays). */
  reportLeadDays: number;
}

/** How a carried task reaches the child. */
export type Carry = 'required' | 'optional' | 'mirrored' | 'standing' | 'unknown';

export type TaskRemark =
  | { kind: 'optional'; owners: string[] }
  | { kind: 'mirrored'; level: Level }
  | { kind: 'standing' }
  | { kind: 'agencies-unknown'; parent: string }
  | { kind: 'owner-unknown' }
  | AgencyRemark
  | { kind: 'request'; agencies: string[] }
  | { kind: 'moved-to-coordinate'; agencies: string[] }
  | { kind: 'duty-dropped'; agency: string }
  | { kind: 'deadline-cut'; parent: string }
  | { kind: 'deadline-unknown'; parent: string }
  | { kind: 'deadline-silent'; parent: string }
  | { kind: 'deadline-unreadable'; deadline: string }
  | { kind: 'report-earlier'; deadline: string; days: number }
  | { kind: 'report-kept'; deadline: string };

export type PlanRemark =
  | { kind: 'partial'; parent: string; task: string }
  | { kind: 'reconstructed'; parent: string }
  | { kind: 'fulfilled'; parent: string; tasks: string[] };

export interface CarriedTask {
  /** The draft's key. */
  key: string;
  parentTask: string;
  parentLabel: string;
  carry: Carry;
  remarks: TaskRemark[];
}

export interface ScaffoldSummary {
  parent: string;
  unit: string;
  level: Level;
  /** Parent task keys by how they were carried. */
  carried: Record<Carry, string[]>;
  /** Parent tasks carried without any agency of the child (not stated, or no counterpart). */
  agenciesUnknown: string[];
  /** Parent tasks whose deadline the draft leaves `unknown`. */
  deadlinesUnknown: string[];
  /** Parent tasks whose yearly reports the draft asks for earlier. */
  reportsEarlier: string[];
  /** Not carried: the child plan fulfils them by existing; cascade: none; not the child's level's at all. */
  fulfilled: string[];
  cascadeNone: string[];
  notConcerned: string[];
  partial: string | null;
  reconstructed: boolean;
}

export interface Draft {
  /** The draft plan, without notes (withNotes adds them). */
  plan: Plan;
  unit: Unit;
  tasks: CarriedTask[];
  remarks: PlanRemark[];
  summary: ScaffoldSummary;
}

export type ScaffoldResult = { ok: true; draft: Draft } | { ok: false; problem: UnitProblem };

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** The parent tasks' keys the child could carry, in the parent's order, with how. */
function carryOf(p: TaskAnalysis, ctx: MapContext, reconstructed: boolean): Carry | 'fulfilled' | 'cascade-none' | 'not-concerned' {
  if (p.task.cascade === 'none') return 'cascade-none';
  if (p.fulfilledByPlan) return 'fulfilled';
  const a = addressingOf(p, ctx.child, ctx.issuer);
  if (a === 'addressed') return p.standing ? 'standing' : 'required';
  if (a === 'optional') return p.standing ? 'standing' : 'optional';
  if (concerns(p, p.coordinate.filter((r) => !r.vague), ctx)) return 'mirrored';
  const owned = p.duties.some((d) => d.owners.length > 0) || p.coordinate.length > 0;
  return reconstructed && !owned ? 'unknown' : 'not-concerned';
}

interface Names {
  names: string[];
  own: boolean[];
}

/** One body (or set of bodies) as the resolver reads a name; null when it reads none. */
function bodyKey(name: string, ctx: MapContext): string | null {
  const r = resolveAgency(name, ctx.resolve);
  return r.known && r.id ? `${r.id}\u0000${r.collective}\u0000${r.place ?? ''}` : null;
}

/**
 * The child's names for a list of parent agencies; remarks for those it cannot name. A name the
 * ontology gave is left out when an earlier one names the same body; the parent's own words are
 * all kept (two phrases the resolver reads alike may still say different things).
 */
function mapList(refs: readonly AgencyRef[], p: TaskAnalysis, ctx: MapContext, remarks: TaskRemark[]): Names {
  const out: Names = { names: [], own: [] };
  const seen = new Map<string, boolean>(); // body → named in the parent's words only
  for (const ref of refs) {
    const m = mapAgency(ref, p, ctx);
    if (m.remark) remarks.push(m.remark);
    for (const n of m.names) {
      if (out.names.includes(n)) continue;
      const k = bodyKey(n, ctx);
      const written = Boolean(m.asWritten);
      if (k !== null && seen.has(k) && !(written && seen.get(k))) continue;
      if (k !== null) seen.set(k, (seen.get(k) ?? true) && written);
      out.names.push(n);
      out.own.push(m.own);
    }
  }
  return out;
}

/** Bodies the child's issuer cannot command, among names as the draft reads them (a council, the Front). */
const independentOf = (names: readonly string[], ctx: MapContext): string[] => names.filter((n) => resolveAgency(n, ctx.resolve).independent);

/** The child's task for parent task `p`: agencies, duties and deadline, with remarks on every gap. */
function childTask(p: TaskAnalysis, key: string, carry: Carry, ctx: MapContext, req: ScaffoldRequest): { task: Task; remarks: TaskRemark[] } {
  const remarks: TaskRemark[] = [];
  const parentId = req.parent.plan.id;
  const dept = ctx.unit.level === 'department';
  const t: Task = { key, title: p.task.title };
  let lead: string[];
  let implement: string[];
  let coordinate: string[];
  let request = Boolean(p.task.request);
  if (dept) {
    // A department's own plan: the department leads its part; the parent's other bodies work with it.
    const others = [...p.lead, ...p.implement, ...p.coordinate].filter((r) => !concerns(p, [r], ctx));
    lead = [ctx.unit.text];
    implement = [];
    coordinate = uniq(others.map((r) => r.text));
    request = false;
  } else {
    lead = mapList(p.lead, p, ctx, remarks).names;
    implement = mapList(p.implement, p, ctx, remarks).names;
    const co = mapList(p.coordinate, p, ctx, remarks);
    // The child itself is no coordinator of its own plan.
    coordinate = co.names.filter((_n, i) => !co.own[i]);
    if (!request) {
      // A council or the Front cannot be ordered: asked ("Đề nghị") when it carries the task alone, else a coordinator.
      const owners = [...lead, ...implement];
      const independent = independentOf(owners, ctx);
      if (independent.length && independent.length === owners.length) {
        request = true;
        remarks.push({ kind: 'request', agencies: independent });
      } else if (independent.length) {
        lead = lead.filter((n) => !independent.includes(n));
        implement = implement.filter((n) => !independent.includes(n));
        coordinate = [...independent, ...coordinate];
        remarks.push({ kind: 'moved-to-coordinate', agencies: independent });
      }
    }
  }
  coordinate = uniq(coordinate).filter((n) => !lead.includes(n) && !implement.includes(n));
  if (lead.length) t.lead = lead;
  if (implement.length) t.implement = implement;
  if (coordinate.length) t.coordinate = coordinate;
  if (request) t.request = true;

  const duties: Duty[] = [];
  (p.task.duties ?? []).forEach((d, i) => {
    const analysed = p.duties.find((x) => x.bullet === i);
    if (!analysed) {
      // A bullet without an owner falls to the task's owners, in the child as in the parent.
      duties.push({ ...d, ...(d.deadline ? { deadline: earlierYearly(d.deadline, req.reportLeadDays) ?? d.deadline } : {}) });
      return;
    }
    let names: string[];
    if (dept) {
      if (!concerns(p, analysed.owners, ctx)) {
        remarks.push({ kind: 'duty-dropped', agency: analysed.owners.map((o) => o.text).join(', ') });
        return;
      }
      names = [ctx.unit.text];
    } else {
      const own: TaskRemark[] = [];
      names = mapList(analysed.owners, p, ctx, own).names;
      // A bullet no child agency can own is dropped, and said so once (with the choices, if any).
      remarks.push(...(names.length ? own : own.filter((r) => r.kind === 'ambiguous')));
      if (!names.length) {
        remarks.push({ kind: 'duty-dropped', agency: analysed.owners.map((o) => o.text).join(', ') });
        return;
      }
    }
    const independent = dept ? [] : independentOf(names, ctx);
    const asked = Boolean(d.request) || (independent.length > 0 && independent.length === names.length);
    if (asked && !d.request) remarks.push({ kind: 'request', agencies: independent });
    // A bullet's own yearly report date comes earlier too, as the task's does.
    duties.push({ owner: names.length === 1 ? names[0]! : names, ...(asked ? { request: true } : {}), does: d.does, ...(d.deadline ? { deadline: earlierYearly(d.deadline, req.reportLeadDays) ?? d.deadline } : {}) });
  });
  if (duties.length) t.duties = duties;
  if (p.task.form) t.form = p.task.form;
  if (p.task.details) t.details = p.task.details;

  // The deadline: the parent's text; yearly reports earlier; what the parent does not state stays unknown.
  const written = p.task.deadline;
  const partialAt = req.parent.plan.completeness?.knownUntil?.task;
  if (written === undefined) {
    t.deadline = 'unknown';
    remarks.push({ kind: 'deadline-silent', parent: parentId });
  } else if (p.deadline.kind === 'unknown') {
    t.deadline = 'unknown';
    remarks.push(req.parent.plan.completeness?.status === 'partial' && partialAt === p.key ? { kind: 'deadline-cut', parent: parentId } : { kind: 'deadline-unknown', parent: parentId });
  } else if (p.deadline.kind === 'yearly') {
    const earlier = earlierYearly(written, req.reportLeadDays);
    if (earlier === null) {
      t.deadline = written;
      remarks.push({ kind: 'report-kept', deadline: written });
    } else {
      t.deadline = earlier;
      if (earlier !== written) {
        remarks.push({ kind: 'report-earlier', deadline: written, days: req.reportLeadDays });
        // The title and details repeat the date: they ask for the child's date too.
        t.title = t.title.split(written).join(earlier);
        if (t.details) t.details = t.details.split(written).join(earlier);
      }
    }
  } else {
    t.deadline = written;
    if (p.deadline.kind === 'unreadable') remarks.push({ kind: 'deadline-unreadable', deadline: written });
  }
  if (p.task.deadlineKind) t.deadlineKind = p.task.deadlineKind;
  t.implements = [{ plan: parentId, task: p.key, fingerprint: taskFingerprint(p.task) }];

  if (carry === 'optional') {
    const named = p.duties.flatMap((d) => d.owners).filter((o) => !o.vague);
    const below = named.filter((o) => o.level !== null && !concerns(p, [o], ctx));
    remarks.unshift({ kind: 'optional', owners: uniq((below.length ? below : named).map((o) => o.text)) });
  } else if (carry === 'mirrored') remarks.unshift({ kind: 'mirrored', level: ctx.unit.level });
  else if (carry === 'standing') remarks.unshift({ kind: 'standing' });
  else if (carry === 'unknown') remarks.unshift({ kind: 'agencies-unknown', parent: parentId });
  const owned = Boolean(t.lead?.length || t.implement?.length || t.duties?.some((d) => d.owner));
  if (!owned && carry !== 'unknown') remarks.push({ kind: 'owner-unknown' });
  return { task: t, remarks };
}

/** The draft for `req.unit` below `req.parent`; a problem when the unit is not of the level asked or not under the parent. */
export function scaffoldPlan(req: ScaffoldRequest): ScaffoldResult {
  const parent = req.parent.plan;
  const on = req.analysis.on;
  const u = unitOf(req.unit, parent, req.level, on);
  if (!u.ok) return u;
  const unit = u.unit;
  const id = draftId(unit, on ? on.slice(0, 4) : null);
  const resolve = { level: unit.level, on, jurisdiction: unit.jurisdiction };
  // The draft as the check will see it: its level, judged on its parent's date (it has none of its own).
  const child: PlanAnalysis = {
    id, level: unit.level, on, jurisdiction: unit.jurisdiction, partial: false, reconstructed: false, tasks: [], byKey: new Map(), df: documentFrequency([]),
  };
  const ctx: MapContext = { unit, child, issuer: resolveAgency(unit.issuer, resolve), resolve, parentPlace: placeOfIssuer(parent.issuer) };
  const reconstructed = Boolean(parent.completeness?.reconstructed);
  const summary: ScaffoldSummary = {
    parent: parent.id,
    unit: unit.text,
    level: unit.level,
    carried: { required: [], optional: [], mirrored: [], standing: [], unknown: [] },
    agenciesUnknown: [],
    deadlinesUnknown: [],
    reportsEarlier: [],
    fulfilled: [],
    cascadeNone: [],
    notConcerned: [],
    partial: parent.completeness?.status === 'partial' ? parent.completeness.knownUntil?.task ?? null : null,
    reconstructed,
  };
  const tasks: Task[] = [];
  const carried: CarriedTask[] = [];
  for (const p of req.analysis.tasks) {
    const how = carryOf(p, ctx, reconstructed);
    if (how === 'fulfilled') summary.fulfilled.push(p.key);
    else if (how === 'cascade-none') summary.cascadeNone.push(p.key);
    else if (how === 'not-concerned') summary.notConcerned.push(p.key);
    if (how === 'fulfilled' || how === 'cascade-none' || how === 'not-concerned') continue;
    const key = `II.${tasks.length + 1}`;
    const { task, remarks } = childTask(p, key, how, ctx, req);
    tasks.push(task);
    carried.push({ key, parentTask: p.key, parentLabel: p.label, carry: how, remarks });
    summary.carried[how].push(p.key);
    if (!(task.lead?.length || task.implement?.length || task.duties?.some((d) => d.owner))) summary.agenciesUnknown.push(p.key);
    if (task.deadline === 'unknown') summary.deadlinesUnknown.push(p.key);
    if (remarks.some((r) => r.kind === 'report-earlier')) summary.reportsEarlier.push(p.key);
  }
  const remarks: PlanRemark[] = [];
  if (reconstructed) remarks.push({ kind: 'reconstructed', parent: parent.id });
  if (summary.partial) remarks.push({ kind: 'partial', parent: parent.id, task: summary.partial });
  if (summary.fulfilled.length) remarks.push({ kind: 'fulfilled', parent: parent.id, tasks: summary.fulfilled });
  const plan: Plan = {
    id,
    title: draftTitle(parent.title, unit),
    issuer: unit.issuer,
    level: unit.level,
    ...(unit.jurisdiction ? { jurisdiction: unit.jurisdiction } : {}),
    basedOn: [parent.id],
    tasks,
  };
  // The model is the contract: a draft it refuses is a bug here, not the drafter's to debug.
  const checked = Plan.safeParse(plan);
  if (!checked.success) throw new Error(`kehoach scaffold built an invalid plan: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { ok: true, draft: { plan, unit, tasks: carried, remarks, summary } };
}

/** Every remark kind, for the words that render them (rules/messages.yaml `scaffold.note.*`). */
export const NOTE_KINDS = [
  'optional', 'mirrored', 'standing', 'agencies-unknown', 'owner-unknown', 'no-counterpart', 'ambiguous', 'unknown-agency', 'request',
  'moved-to-coordinate', 'duty-dropped', 'deadline-cut', 'deadline-unknown', 'deadline-silent', 'deadline-unreadable', 'report-earlier',
  'report-kept', 'partial', 'reconstructed', 'fulfilled',
] as const satisfies readonly (TaskRemark['kind'] | PlanRemark['kind'])[];
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Renders one remark: its kind and data (lists already joined). */
export type Say = (kind: NoteKind, vars: Record<string, string | number>) => string;

const varsOf = (r: TaskRemark | PlanRemark): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'kind') out[k] = Array.isArray(v) ? v.join('; ') : (v as string | number);
  return out;
};

/** The draft plan with each remark written into the `note` of its task (and the plan's), in the words `say` gives. */
export function withNotes(draft: Draft, say: Say): Plan {
  const byKey = new Map(draft.tasks.map((c) => [c.key, c]));
  const note = (rs: readonly (TaskRemark | PlanRemark)[]): string | undefined => (rs.length ? rs.map((r) => say(r.kind, varsOf(r))).join(' ') : undefined);
  const planNote = note(draft.remarks);
  return {
    ...draft.plan,
    ...(planNote ? { note: planNote } : {}),
    tasks: draft.plan.tasks.map((t) => {
      const n = note(byKey.get(t.key)?.remarks ?? []);
      return n ? { ...t, note: n } : t;
    }),
  };
}
