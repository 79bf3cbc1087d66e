/**
 * One synthetic plan: its header (number, date, issuer, title as the real copies have them,
 * sometimes without number and date, as Thái Nguyên's and Cần Thơ's copies) and its tasks.
 */
import type { Level } from '../../src/core/model/plan.js';
import { agency, fullName, type Role, spell, type Style, type Unit } from './agencies.js';
import { addDays, type Calendar } from './dates.js';
import { within } from './deadlines.js';
import type { DOpt } from './deadline-texts.js';
import { type BuiltPlan, type BuiltTask, buildTask, numberTasks, type TaskEnv } from './build-tasks.js';
import type { Rng } from './prng.js';
import { type Ctx, nameOf, type Tpl } from './templates.js';
import { CONTENT } from './tpl-content.js';
import { DEPT } from './tpl-dept.js';
import { ORG } from './tpl-org.js';

export interface Header {
  title: string;
  issuer: string;
  number?: string;
  place?: string;
  jurisdiction?: string;
  /** the date the file states (may be partial, absent, or wrong on purpose) */
  issued?: string;
}

export interface Plan0 extends BuiltPlan {
  header: Header;
  parentId: string | null;
}

const GOV_TEMPLATES: Tpl[] = [...CONTENT, ...ORG];

/** Days after the parent's issue that a plan of each level is issued. */
const DELAY: Record<Level, [number, number]> = { national: [0, 0], province: [10, 75], department: [5, 40], district: [7, 50], commune: [5, 45] };

const DEPT_CODE: Record<string, string> = { home: 'SNV', justice: 'STP', info: 'STTTT', culture: 'SVHTTDL', labour: 'SLĐTBXH', finance: 'STC' };

export interface PlanInput {
  id: string;
  level: Level;
  unit: Unit;
  dept: Role | null;
  parent: Plan0 | null;
  cal: Calendar;
  rng: Rng;
}

export function buildPlan(inp: PlanInput): Plan0 {
  const { rng, parent, unit, level, dept, cal } = inp;
  const brief = rng.chance(level === 'commune' || level === 'district' ? 0.75 : 0.25);
  const style: Style = { oldTones: rng.chance(0.1), abbrev: rng.chance(0.3), variant: rng.chance(0.5) ? 1 : 0, brief };
  const ctx: Ctx = { unit, style, level, dept };
  const [lo, hi] = DELAY[level];
  const issued = parent ? addDays(parent.issued, rng.int(lo, hi)) : cal.nationalIssued;
  const env: TaskEnv = { ctx, parent, cal, issued, rng, explicit: parent !== null && rng.chance(0.3), kinds: rng.chance(0.5) };
  const due = { own: null as number | null, sub: null as number | null };
  const tasks: BuiltTask[] = [];
  if (level === 'department' && parent && dept) tasks.push(...specialties(parent, env));
  const tpls = level === 'department' ? DEPT : GOV_TEMPLATES;
  // A child always carries what its parent addresses to it (leaving one out is the missing-task defect).
  const owed = (tpl: Tpl): boolean => (tpl.from ?? []).some((id) => parent?.byTpl.get(id)?.addressed === true);
  for (const tpl of tpls) {
    const p = tpl.at[level];
    if (p === undefined || !(rng.chance(p) || owed(tpl))) continue;
    const t = buildTask(tpl, env, due);
    if (t) tasks.push(t);
  }
  for (const t of tasks) {
    t.title = spell(t.title, style);
    if (t.details) t.details = spell(t.details, style);
    for (const d of t.duties ?? []) d.does = spell(d.does, style);
  }
  const numbered = numberTasks(tasks);
  return {
    id: inp.id,
    level,
    unit,
    dept,
    issued,
    style,
    tasks: numbered,
    byTpl: new Map(numbered.map((t) => [t.tpl, t])),
    ownDue: due.own,
    subDue: due.sub,
    header: header(inp, style, issued),
    parentId: parent?.id ?? null,
  };
}

const canon = (s: string): string => spell(s, { oldTones: false, abbrev: false, variant: 0, brief: false }).normalize('NFC').toLowerCase();

/** A department restates the duties the province plan gives it, led by itself. */
function specialties(parent: Plan0, env: TaskEnv): BuiltTask[] {
  const self = nameOf('self', env.ctx);
  if (!self) return [];
  const out: BuiltTask[] = [];
  for (const pt of parent.tasks) {
    const owners = pt.ownerField === 'lead' ? pt.lead : pt.implement;
    if (!owners?.some((n) => canon(n) === canon(self)) || pt.tpl === 'own' || pt.tpl === 'sub') continue;
    const bound: DOpt | undefined = pt.deadline?.cls === 'unreadable' ? pt.nominal : pt.deadline;
    const deadline = bound ? within(bound, env.cal.year, env.issued, env.rng) : undefined;
    const coordinate = (pt.coordinate ?? []).filter((n) => n !== self);
    out.push({
      tpl: pt.tpl,
      sec: pt.sec,
      key: '',
      title: pt.title.replace(/\{DL\}/g, pt.deadline?.text ?? ''),
      lead: [self],
      ...(coordinate.length ? { coordinate } : {}),
      ownerRefs: ['self'],
      ownerField: 'lead',
      ...(deadline ? { deadline, nominal: deadline } : {}),
      ...(deadline && pt.deadlineKind && env.kinds ? { deadlineKind: pt.deadlineKind } : {}),
      ...(env.explicit ? { implements: [pt.key] } : {}),
      from: [pt.tpl],
      addressed: false,
    });
  }
  return out;
}

function header(inp: PlanInput, style: Style, issued: string): Header {
  const { unit, level, dept, rng, cal } = inp;
  const law = 'Luật Thực hiện dân chủ ở cơ sở';
  if (level === 'national') {
    return { title: `Ban hành Kế hoạch triển khai thi hành ${law}`, issuer: 'Thủ tướng Chính phủ', number: `${rng.int(300, 999)}/QĐ-TTg`, issued };
  }
  const where = fullName(unit);
  const province = unit.level === 'province' ? unit : unit.parent?.level === 'province' ? unit.parent : unit.parent?.parent;
  const jurisdiction = [unit, unit.parent, unit.parent?.parent].filter((u): u is Unit => !!u && u.level !== 'national').map((u) => u.name).join(', ');
  let title: string;
  let issuer: string;
  let code = 'UBND';
  if (level === 'department' && dept) {
    const name = agency(dept, unit, style) ?? 'Sở Nội vụ';
    title = `Triển khai thi hành ${law} tại ${name} ${where}`;
    issuer = `${name} ${where}`;
    code = cal.year >= 2025 && dept === 'info' ? 'SKHCN' : DEPT_CODE[dept] ?? 'SNV';
  } else {
    title = rng.chance(0.8) ? `Triển khai thi hành ${law} trên địa bàn ${where}` : `Thực hiện ${law} trên địa bàn ${where}`;
    issuer = spell(`Ủy ban nhân dân ${where}`, { ...style, abbrev: false });
  }
  const h: Header = { title: spell(title, style), issuer, jurisdiction };
  const r = rng.next();
  if (r < 0.1) return h; // a copy without number and date: both unknown, never invented
  h.number = `${rng.int(5, 480)}/KH-${code}`;
  h.place = level === 'department' ? province?.name ?? unit.name : unit.name;
  h.issued = r < 0.14 ? issued.slice(0, 7) : issued;
  return h;
}
