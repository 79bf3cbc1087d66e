/**
 * Injected defects, one kind per rule of checking.md, each recorded with where it is so a
 * later run can tell found from missed. A defect changes only the plan it is injected into;
 * children are bounded by their parent's nominal values or mirror its actual roles, so one
 * defect does not cascade into findings on the plans below it.
 */
import { agency, ROLES, type Role } from './agencies.js';
import { addDays } from './dates.js';
import { UNREADABLE, yearlyText } from './deadline-texts.js';
import { later, tightest, weakened } from './deadlines.js';
import type { BuiltTask } from './build-tasks.js';
import { numberTasks } from './build-tasks.js';
import type { Plan0 } from './build-plan.js';
import { titleOf } from './emit.js';
import type { Rng } from './prng.js';

export const DEFECT_KINDS = [
  'missing-task', 'late-deadline', 'weakened-deadline', 'misassigned-agency', 'wrong-level-agency',
  'order-to-independent-body', 'reporting-chain', 'duplicate-task-number', 'unreadable-deadline',
  'unknown-agency', 'issued-before-parent', 'implausible-date',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export interface Injected {
  kind: DefectKind;
  plan: string;
  task: string | null;
  parentTask: string | null;
  detail: string;
  /** other rules the same defect rightly triggers (a 1900 date is also before the parent's) */
  also?: DefectKind[];
  /** text that the plan as loaded holds (a title, a name, a deadline) — or, for missing-task, no longer holds as a title */
  evidence: string;
}

const UNKNOWN_AGENCIES = ['Trung tâm Điều phối Sáng kiến Cộng đồng', 'Ban Quản lý Dự án Dân chủ Số', 'Hiệp hội Thôn bản Thông minh', 'Văn phòng Điều hành Liên vùng'];
const SPECIFIC: Role[] = ['home', 'justice', 'culture', 'finance', 'labour'];
const PAIR_ONLY = new Set(['own', 'sub', 'subC']);

type Found = Omit<Injected, 'kind' | 'plan'>;
type Inject = (p: Plan0, parent: Plan0, rng: Rng, year: number) => Found | null;

/** The parent tasks a child task carries out, as far as the parent has them. */
const counterparts = (t: BuiltTask, parent: Plan0): BuiltTask[] =>
  t.from.map((id) => parent.byTpl.get(id)).filter((x): x is BuiltTask => x !== undefined);

function boundPair(t: BuiltTask, parent: Plan0): { pt: BuiltTask; bound: NonNullable<BuiltTask['deadline']> } | null {
  const cps = counterparts(t, parent).filter((c) => c.deadline && c.deadline.cls !== 'unreadable');
  const bound = tightest(cps.map((c) => c.deadline!));
  const pt = cps.find((c) => c.deadline === bound);
  return bound && pt ? { pt, bound } : null;
}

const pickTask = (rng: Rng, ts: BuiltTask[]): BuiltTask | null => (ts.length ? rng.pick(ts) : null);

const INJECT: Record<DefectKind, Inject> = {
  'missing-task': (p, parent, rng) => {
    // A department's plan owes what the province gives "các sở, ban, ngành"; a government's plan
    // what its parent gives the level below (the generator's `addressed`).
    const owed = (c: BuiltTask): boolean => (p.level === 'department' ? c.ownerRefs.includes('depts') : c.addressed);
    // Only a duty no other task of the child carries out as well (the commune's radio work also
    // answers the district's media task) is really missing when its task is left out.
    const soleOwed = (t: BuiltTask): BuiltTask | undefined =>
      counterparts(t, parent).find((c) => owed(c) && !p.tasks.some((u) => u !== t && u.from.includes(c.tpl)));
    const t = pickTask(rng, p.tasks.filter((x) => !PAIR_ONLY.has(x.tpl) && soleOwed(x) !== undefined));
    if (!t) return null;
    const pt = soleOwed(t)!;
    p.tasks = numberTasks(p.tasks.filter((x) => x !== t));
    p.byTpl.delete(t.tpl);
    return { task: null, parentTask: pt.key, evidence: titleOf(t), detail: `left out "${titleOf(t)}"` };
  },
  'late-deadline': (p, parent, rng, year) => deadlineDefect(p, parent, rng, year, 'late'),
  'weakened-deadline': (p, parent, rng, year) => deadlineDefect(p, parent, rng, year, 'weak'),
  'misassigned-agency': (p, parent, rng) => {
    if (p.level === 'department') return null;
    const cands = p.tasks.filter((t) => t.ownerField === 'lead' && t.lead?.length === 1 && SPECIFIC.includes(t.ownerRefs[0] as Role) &&
      counterparts(t, parent).some((c) => c.ownerRefs.includes(t.ownerRefs[0]!)));
    const t = pickTask(rng, cands);
    if (!t) return null;
    const current = t.lead![0]!;
    const others = SPECIFIC.map((r) => ({ r, n: agency(r, p.unit, p.style) })).filter((x) => x.n !== null && x.n !== current);
    if (!others.length) return null;
    const { r, n } = rng.pick(others);
    const pt = counterparts(t, parent).find((c) => c.ownerRefs.includes(t.ownerRefs[0]!))!;
    t.lead = [n!];
    t.ownerRefs = [r];
    t.reassigned = [r];
    t.coordinate = t.coordinate?.filter((x) => x !== n);
    return { task: t.key, parentTask: pt.key, evidence: n!, detail: `lead ${n} instead of ${current}` };
  },
  'wrong-level-agency': (p, _parent, rng) => {
    const up = p.unit.parent;
    if (p.level === 'department' || !up) return null;
    const cands = p.tasks.filter((t) => (ROLES as readonly string[]).includes(t.ownerRefs[0] ?? '') && SPECIFIC.includes(t.ownerRefs[0] as Role));
    const t = pickTask(rng, cands);
    const higher = t ? agency(t.ownerRefs[0] as Role, up, p.style) : null;
    if (!t || !higher) return null;
    const list = t.ownerField === 'lead' ? t.lead! : t.implement!;
    const was = list[0];
    list[0] = higher;
    return {
      task: t.key, parentTask: null, also: ['misassigned-agency'], evidence: higher,
      detail: `${t.ownerField} ${higher} (a higher level) instead of ${was}; where matched, not the counterpart either`,
    };
  },
  'order-to-independent-body': (p, _parent, rng) => {
    const t = pickTask(rng, p.tasks.filter((x) => x.request && x.ownerRefs.some((r) => r === 'front' || r === 'union' || r === 'partyMass')));
    if (!t) return null;
    delete t.request;
    t.title = t.title.replace(/^Đề nghị\s+/u, '');
    return { task: t.key, parentTask: null, evidence: titleOf(t), detail: 'an order to an independent body, without "Đề nghị"' };
  },
  'reporting-chain': (p, parent, rng) => {
    const t = p.tasks.find((x) => x.tpl === 'sub' || x.tpl === 'subC');
    const bound = parent.subDue ?? parent.ownDue;
    if (!t || bound === null) return null;
    p.subDue = Math.max(0, bound - rng.int(0, 1));
    t.deadline = yearlyText(p.subDue, rng.int(0, 2));
    const pt = parent.byTpl.get('sub') ?? parent.byTpl.get('own');
    return {
      task: t.key, parentTask: pt?.key ?? null, also: ['late-deadline'], evidence: t.deadline.text,
      detail: `subordinates report by "${t.deadline.text}", no earlier than the parent asks (also later than the parent's own day, where matched)`,
    };
  },
  'duplicate-task-number': (p, _parent, rng) => {
    const idx = p.tasks.map((_, i) => i).filter((i) => i > 0 && p.tasks[i]!.sec.startsWith('II.') && p.tasks[i - 1]!.sec === p.tasks[i]!.sec);
    if (!idx.length) return null;
    const i = rng.pick(idx);
    const [prev, t] = [p.tasks[i - 1]!, p.tasks[i]!];
    t.label = prev.key;
    t.key = `${prev.key}-2`;
    return { task: t.key, parentTask: null, evidence: t.key, detail: `printed as a second "${prev.key}"` };
  },
  'unreadable-deadline': (p, _parent, rng) => {
    const t = pickTask(rng, p.tasks.filter((x) => x.deadline && !PAIR_ONLY.has(x.tpl)));
    if (!t) return null;
    const text = rng.pick(UNREADABLE).replace('2023', String(p.issued.slice(0, 4)));
    t.deadline = { cls: 'unreadable', text, weight: 1 };
    return { task: t.key, parentTask: null, evidence: text, detail: text };
  },
  'unknown-agency': (p, _parent, rng) => {
    const t = rng.pick(p.tasks);
    const name = rng.pick(UNKNOWN_AGENCIES);
    t.coordinate = [...(t.coordinate ?? []), name];
    return { task: t.key, parentTask: null, evidence: name, detail: name };
  },
  'issued-before-parent': (p, parent, rng) => {
    const pd = parent.header.issued;
    if (!pd || pd.length !== 10) return null;
    p.header.issued = addDays(pd, -rng.int(3, 40));
    p.header.number ??= `${rng.int(5, 480)}/KH-UBND`;
    return { task: null, parentTask: null, evidence: p.header.issued, detail: `issued ${p.header.issued}, parent ${pd}` };
  },
  'implausible-date': (p, _parent, rng) => {
    p.header.issued = `1900-${p.issued.slice(5)}`;
    p.header.number ??= `${rng.int(5, 480)}/KH-UBND`;
    return { task: null, parentTask: null, also: ['issued-before-parent'], evidence: p.header.issued, detail: `issued ${p.header.issued}` };
  },
};

function deadlineDefect(p: Plan0, parent: Plan0, rng: Rng, year: number, how: 'late' | 'weak'): Found | null {
  const cands = p.tasks.flatMap((t) => {
    if (PAIR_ONLY.has(t.tpl) || !t.deadline) return [];
    const bp = boundPair(t, parent);
    if (!bp) return [];
    const d = how === 'late' ? later(bp.bound, year, rng) : weakened(bp.bound, year, rng);
    return d ? [{ t, pt: bp.pt, d }] : [];
  });
  if (!cands.length) return null;
  const { t, pt, d } = rng.pick(cands);
  const was = t.deadline!.text;
  t.deadline = d;
  return { task: t.key, parentTask: pt.key, evidence: d.text, detail: `"${d.text}" against the parent's "${pt.deadline!.text}" (was "${was}")` };
}

/**
 * With probability `rate`, injects one defect into a non-root plan; kinds are tried in a seeded
 * order until one applies. `year` is the shape's calendar year (the deadline catalogue's base).
 */
export function injectDefect(p: Plan0, parent: Plan0 | null, rng: Rng, rate: number, year: number): Injected | null {
  if (!parent || !rng.chance(rate)) return null;
  const order = [...DEFECT_KINDS];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const kind of order) {
    const r = INJECT[kind](p, parent, rng, year);
    if (r) return { kind, plan: p.id, ...r };
  }
  return null;
}
