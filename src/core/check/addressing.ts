/**
 * Which parent duties a child must carry (checking.md "Which parent duties a child must
 * carry"). A duty is addressed to the child when its owner is the child's own government
 * or a collective covering the child's level, or an agency of the child's level; duties
 * the parent gives to levels below the child are optional for it; duties of the
 * parent's own agencies are addressed only to a child issued by that very agency.
 */
import type { Level } from '../model/plan.js';
import type { AgencyRef } from '../domain/agencies.js';
import type { Addressing, PlanAnalysis, TaskAnalysis } from './types.js';

/** Depth of a level: departments sit beside their province, above districts. */
export const LEVEL_RANK: Record<Level, number> = { national: 0, province: 1, department: 1, district: 2, commune: 3 };

/** The ref is of `level`, or a collective covering it. */
export function covers(ref: AgencyRef, level: Level): boolean {
  return ref.collective ? ref.covers.includes(level) : ref.level === level;
}

/** Every level the ref is of lies below `level`. */
export function below(ref: AgencyRef, level: Level): boolean {
  const levels = ref.collective ? ref.covers : ref.level ? [ref.level] : [];
  return levels.length > 0 && levels.every((l) => LEVEL_RANK[l] > LEVEL_RANK[level]);
}

/** How the duties of one parent task address a child plan issued by `issuer` (resolved). */
export function addressingOf(task: TaskAnalysis, child: PlanAnalysis, issuer: AgencyRef | null): Addressing {
  const cascade = task.task.cascade;
  if (cascade === 'required') return 'addressed';
  if (cascade === 'optional') return 'optional';
  if (cascade === 'none') return 'not-addressed';
  let optional = false;
  for (const duty of task.duties) {
    for (const owner of duty.owners) {
      if (owner.vague) continue;
      if (child.level === 'department') {
        // The department itself, or a collective of its kind and level that covers it ("các sở,
        // ban, ngành", "cơ quan chuyên môn thuộc UBND tỉnh" for a Sở): checking.md rule 1.
        if (issuer?.name && owner.name === issuer.name) return 'addressed';
        if (issuer?.level && owner.collective && owner.kind !== null && owner.kind === issuer.kind && owner.covers.includes(issuer.level)) return 'addressed';
        continue;
      }
      if (covers(owner, child.level)) return 'addressed';
      if (below(owner, child.level)) optional = true;
    }
  }
  return optional ? 'optional' : 'not-addressed';
}

export function addressingMap(parent: PlanAnalysis, child: PlanAnalysis, issuer: AgencyRef | null): Map<string, Addressing> {
  return new Map(parent.tasks.map((t) => [t.key, addressingOf(t, child, issuer)]));
}
