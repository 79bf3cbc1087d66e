/**
 * Which agencies of the child carry a parent agency's part: the child's own government for
 * "UBND các huyện, thị xã, thành phố"; the body itself, named for the unit, for one of the
 * child's level ("Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện" → "… huyện Đại Từ");
 * the counterpart at the child's level for a higher one (Sở Nội vụ → Phòng Nội vụ), by the
 * ontology's relations in force on the date the child is judged on (src/core/domain/agencies.ts
 * `counterparts`); the body as written for one below the child (the communes). Whether an agency
 * concerns the child is the check's own answer (addressingOf). Where the ontology gives no
 * counterpart, or several bodies of which a unit has only one, nothing is chosen: the remark
 * says so and the drafter decides.
 */
import type { Level } from '../model/plan.js';
import { counterparts, resolveAgency, type AgencyRef, type ResolveContext } from '../domain/agencies.js';
import { addressingOf, below } from '../check/addressing.js';
import type { PlanAnalysis, TaskAnalysis } from '../check/types.js';
import type { Unit } from './unit.js';

export type AgencyRemark =
  | { kind: 'no-counterpart'; agency: string }
  | { kind: 'ambiguous'; agency: string; options: string[] }
  | { kind: 'unknown-agency'; agency: string };

export interface Mapped {
  names: string[];
  /** The child's own government (or, for a department, the department itself). */
  own: boolean;
  /** The parent's words kept as they are (a vague phrase, a body below the child), not a name the ontology gave. */
  asWritten?: boolean;
  remark?: AgencyRemark;
}

export interface MapContext {
  unit: Unit;
  /** The draft as the check sees it (its level and date). */
  child: PlanAnalysis;
  /** The draft's issuer, resolved. */
  issuer: AgencyRef;
  /** How names are read in the draft. */
  resolve: ResolveContext;
  /** The parent's place as its issuer names it ("tỉnh Thanh Hóa"). */
  parentPlace: string | null;
}

/** The word that ends an ontology name of one body of a level ("Ủy ban nhân dân huyện"). */
const LEVEL_WORD: Partial<Record<Level, string>> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

/** Whether `refs`, as owners of a duty of parent task `p`, concern the child: the check's own addressing. */
export function concerns(p: TaskAnalysis, refs: readonly AgencyRef[], ctx: MapContext): boolean {
  if (!refs.length) return false;
  const { cascade: _cascade, ...task } = p.task;
  return addressingOf({ ...p, task, duties: [{ owners: [...refs], request: false, bullet: null }] }, ctx.child, ctx.issuer) === 'addressed';
}

/** "Phòng Văn hóa và Thông tin" stays; "Ủy ban nhân dân huyện" → "Ủy ban nhân dân thị xã Bỉm Sơn", when the resolver reads it as the same body. */
function forUnit(name: string, ctx: MapContext): string {
  const word = LEVEL_WORD[ctx.unit.level];
  if (!word || !ctx.unit.kind || !name.endsWith(` ${word}`)) return name;
  const candidate = `${name.slice(0, -word.length)}${ctx.unit.text}`;
  const a = resolveAgency(name, ctx.resolve);
  const b = resolveAgency(candidate, ctx.resolve);
  return b.known && !b.collective && a.id !== undefined && a.id === b.id ? candidate : name;
}

/** A body of the child's own level: its one body in the unit when it is one a unit has (a centre, a radio), else as written. */
function sameLevel(ref: AgencyRef, ctx: MapContext): string[] {
  const single = counterparts({ ...ref, collective: false }, ctx.unit.level, ctx.child.on);
  if (single.length === 1) {
    const r = resolveAgency(single[0]!, ctx.resolve);
    if (r.known && !r.collective && !r.vague) return [forUnit(single[0]!, ctx)];
  }
  return [ref.text];
}

/**
 * A vague phrase as written, its place made the unit's when it ends with the parent's ("… có liên
 * quan trên địa bàn tỉnh" → "… trên địa bàn thị xã Bỉm Sơn"), as long as it still reads as vague.
 */
function vagueForUnit(text: string, ctx: MapContext): string {
  if (ctx.unit.level === 'department') return text;
  const places = ['tỉnh', 'thành phố', 'huyện', 'thị xã', 'quận', ...(ctx.parentPlace ? [ctx.parentPlace] : [])];
  for (const place of places.sort((a, b) => b.length - a.length)) {
    const tail = ` trên địa bàn ${place}`;
    if (!text.endsWith(tail)) continue;
    const candidate = `${text.slice(0, -tail.length)} trên địa bàn ${ctx.unit.text}`;
    return resolveAgency(candidate, ctx.resolve).vague ? candidate : text;
  }
  return text;
}

/** What the child names for parent agency `ref` (an owner or coordinator of parent task `p`). */
export function mapAgency(ref: AgencyRef, p: TaskAnalysis, ctx: MapContext): Mapped {
  if (ref.vague) return { names: [vagueForUnit(ref.text, ctx)], own: false, asWritten: true };
  const concerned = concerns(p, [ref], ctx);
  if (ctx.unit.level === 'department') {
    // A department's plan: its own part is the department's; every other body keeps its name (peers, districts).
    return concerned ? { names: [ctx.unit.text], own: true } : { names: [ref.text], own: false, asWritten: true };
  }
  if (!ref.known || !ref.name) return { names: [], own: false, remark: { kind: 'unknown-agency', agency: ref.text } };
  if (concerned) {
    if (ref.kind === 'government') return { names: [ctx.unit.issuer], own: true };
    const names = sameLevel(ref, ctx);
    return { names, own: false, asWritten: names[0] === ref.text };
  }
  if (below(ref, ctx.unit.level)) return { names: [ref.text], own: false, asWritten: true };
  const options = counterparts(ref, ctx.unit.level, ctx.child.on);
  if (!options.length) return { names: [], own: false, remark: { kind: 'no-counterpart', agency: ref.text } };
  if (options.length === 1) return { names: [forUnit(options[0]!, ctx)], own: false };
  // Several collectives are one set of bodies in other words ("các phòng, ban chuyên môn …", "các cơ
  // quan chuyên môn …"): the first stands for them. Several single bodies are a choice a unit makes.
  if (options.every((o) => resolveAgency(o, ctx.resolve).collective)) return { names: [options[0]!], own: false };
  return { names: [], own: false, remark: { kind: 'ambiguous', agency: ref.text, options: options.map((o) => forUnit(o, ctx)) } };
}
