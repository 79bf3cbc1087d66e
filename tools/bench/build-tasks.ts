/**
 * Templates → the tasks of one plan: agencies resolved at the plan's level, deadlines chosen
 * within the parent's (or from the template where no parent task states one), explicit links
 * for plans that carry them, and keys numbered the way the documents print them.
 */
import type { Level } from '../../src/core/model/plan.js';
import type { Role, Style, Unit } from './agencies.js';
import type { Calendar } from './dates.js';
import type { DOpt } from './deadline-texts.js';
import { yearlyText } from './deadline-texts.js';
import { fromSpec, tightest, within } from './deadlines.js';
import type { Rng } from './prng.js';
import { type Ctx, nameOf, type TRef, type Tpl } from './templates.js';

export interface BuiltDuty {
  owner?: string;
  ownerRef: TRef | null;
  request?: boolean;
  does: string;
}

export interface BuiltTask {
  tpl: string;
  sec: Tpl['sec'];
  key: string;
  label?: string;
  /** may hold "{DL}", replaced by the deadline text when written */
  title: string;
  lead?: string[];
  implement?: string[];
  coordinate?: string[];
  /** the owners' roles (lead, else implement): what children mirror and defects change */
  ownerRefs: TRef[];
  ownerField: 'lead' | 'implement';
  request?: boolean;
  duties?: BuiltDuty[];
  form?: string;
  details?: string;
  deadline?: DOpt;
  /** the deadline before any injected defect: what children are bounded by */
  nominal?: DOpt;
  deadlineKind?: 'execution' | 'completion';
  implements?: string[];
  from: string[];
  cascade?: 'none';
  /** owned (as lead, implementer or "+" duty) by the level below: its children must carry it */
  addressed: boolean;
  /** set by the misassigned-agency defect: the lead role children then follow, as drafters copy their parent */
  reassigned?: TRef[];
}

export interface BuiltPlan {
  id: string;
  level: Level;
  unit: Unit;
  dept: Role | null;
  /** nominal issue date (full ISO), what children date themselves from */
  issued: string;
  style: Style;
  tasks: BuiltTask[];
  byTpl: Map<string, BuiltTask>;
  ownDue: number | null;
  subDue: number | null;
}

function names(refs: readonly TRef[] | undefined, c: Ctx, rng: Rng, optionalVague = true): { names: string[]; refs: TRef[] } {
  const out: string[] = [];
  const kept: TRef[] = [];
  for (const r of refs ?? []) {
    if (r === 'vague' && optionalVague && rng.chance(0.5)) continue; // "các cơ quan, đơn vị có liên quan": a habit, not a rule
    const n = nameOf(r, c);
    if (n !== null && !out.includes(n)) {
      out.push(n);
      kept.push(r);
    }
  }
  return { names: out, refs: kept };
}

/** The parent's deadline a child is bounded by: the nominal one where a defect made it unreadable. */
const boundOf = (t: BuiltTask): DOpt | undefined => (t.deadline?.cls === 'unreadable' ? t.nominal : t.deadline);

const DUTY_SPLIT: Record<Level, number> = { national: 1, province: 1, district: 0.7, commune: 0.3, department: 0.5 };

export interface TaskEnv {
  ctx: Ctx;
  parent: BuiltPlan | null;
  cal: Calendar;
  issued: string;
  rng: Rng;
  /** the plan links its tasks to the parent's explicitly (`implements`) */
  explicit: boolean;
  /** the plan labels its deadlines "Thời gian thực hiện" / "hoàn thành" (deadlineKind) */
  kinds: boolean;
}

/** One template → one task, or null when no agency of the template exists at this level. */
export function buildTask(tpl: Tpl, env: TaskEnv, due: { own: number | null; sub: number | null }): BuiltTask | null {
  const { ctx: c, parent, rng } = env;
  const parents = (tpl.from ?? []).map((id) => parent?.byTpl.get(id)).filter((t): t is BuiltTask => t !== undefined);
  const lead = names(parents.find((p) => p.reassigned)?.reassigned ?? tpl.lead, c, rng);
  let implement = names(tpl.implement, c, rng);
  if (tpl.lead?.length || tpl.implement?.length) {
    if (!lead.names.length && !implement.names.length) {
      // "The UBND itself" where no specialised agency exists; a request to a body that does not
      // exist here is dropped.
      const fallback = tpl.fallback ?? (tpl.request ? null : 'exec');
      if (fallback === null) return null;
      implement = names([fallback], c, rng, false);
    }
  }
  const ownerField = lead.names.length ? 'lead' : 'implement';
  const owners = ownerField === 'lead' ? lead : implement;
  // Many tasks name no coordinator at all; those that do keep the template's list.
  const coordinate = rng.chance(0.5) ? [] : names(tpl.coordinate, c, rng).names.filter((n) => !owners.names.includes(n));
  const duties: BuiltDuty[] = [];
  // Upper levels split a task into "+" duties per agency; communes mostly write one sentence.
  const split = rng.chance(DUTY_SPLIT[c.level]);
  for (const d of split ? (tpl.duties ?? []) : []) {
    const owner = d.owner ? nameOf(d.owner, c) : null;
    if (d.owner && owner === null) continue;
    duties.push({ ...(owner ? { owner } : {}), ownerRef: d.owner ?? null, ...(d.request ? { request: true } : {}), does: d.does(c) });
  }
  const deadline = chooseDeadline(tpl, env, parents, due);
  const lower = (r: TRef | null): boolean => r === 'lowerExec' || r === 'lowerBroadcast';
  const addressed = owners.refs.some(lower) || duties.some((d) => lower(d.ownerRef));
  const implementsKeys = env.explicit ? [...new Set(parents.map((p) => p.key))] : [];
  return {
    tpl: tpl.id,
    sec: tpl.sec,
    key: '',
    title: tpl.title(c),
    ...(lead.names.length ? { lead: lead.names } : {}),
    ...(implement.names.length && ownerField === 'implement' ? { implement: implement.names } : {}),
    ...(coordinate.length ? { coordinate } : {}),
    ownerRefs: owners.refs,
    ownerField,
    ...(tpl.request ? { request: true } : {}),
    ...(duties.length ? { duties } : {}),
    ...(tpl.form && rng.chance(0.5) ? { form: tpl.form } : {}),
    ...(tpl.details && rng.chance(0.3) ? { details: tpl.details(c) } : {}),
    ...(deadline ? { deadline, nominal: deadline } : {}),
    ...(tpl.kind && deadline && env.kinds ? { deadlineKind: tpl.kind } : {}),
    ...(implementsKeys.length ? { implements: implementsKeys } : {}),
    from: tpl.from ?? [],
    ...(tpl.cascade ? { cascade: tpl.cascade } : {}),
    addressed,
  };
}

function chooseDeadline(tpl: Tpl, env: TaskEnv, parents: BuiltTask[], due: { own: number | null; sub: number | null }): DOpt | null {
  const { rng, cal, parent } = env;
  // Reporting days run down the chain: strictly earlier than what the parent asks of this level.
  const form = (): number => (rng.chance(0.12) ? 3 : rng.int(0, 2));
  if (tpl.deadline === 'own') {
    // Earlier than both of the parent's days: its ask of this level and its own report (the two
    // differ in order only where a reporting-chain defect made the ask too late).
    const bound = parent ? Math.max(parent.subDue ?? -1, parent.ownDue ?? -1) : -1;
    due.own = bound < 0 ? 0 : bound + rng.int(1, 2);
    return yearlyText(due.own, form());
  }
  if (tpl.deadline === 'sub') {
    due.sub = (due.own ?? 0) + rng.int(1, 2);
    return yearlyText(due.sub, form());
  }
  const bound = tightest(parents.map(boundOf).filter((d): d is DOpt => d !== undefined));
  if (bound) return within(bound, cal.year, env.issued, rng);
  return fromSpec(tpl.deadline, cal, rng);
}

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const SECTIONS: Tpl['sec'][] = ['II.1', 'II.2', 'II', 'III', 'IV'];

/** Orders tasks by section and gives them printed keys: II.1.a …, II.2.a …, II.3 …, III.1 …, IV.1 …. */
export function numberTasks(tasks: BuiltTask[]): BuiltTask[] {
  const out: BuiltTask[] = [];
  let hasII2 = false;
  for (const sec of SECTIONS) {
    const group = tasks.filter((t) => t.sec === sec);
    if (sec === 'II.2') hasII2 = group.length > 0;
    group.forEach((t, i) => {
      if (sec === 'II.1' || sec === 'II.2') t.key = `${sec}.${LETTERS[i] ?? `z${i}`}`;
      else if (sec === 'II') t.key = `II.${i + (hasII2 ? 3 : 2)}`;
      else t.key = `${sec}.${i + 1}`;
      delete t.label;
      out.push(t);
    });
  }
  return out;
}
