/**
 * What "agrees with the curated YAML" means (issue 6): the same task keys, and for each task
 * the same agency lists (lead, implement, coordinate, duty owners) and deadline text, compared
 * on canonical text (tone placement and spacing do not count).
 */
import type { Plan, Task } from '../../src/core/model/plan.js';
import { canonical } from '../../src/core/domain/canonical.js';

export interface Difference {
  task: string;
  field: string;
  imported: unknown;
  curated: unknown;
}

const names = (xs: string[] | undefined): string[] => (xs ?? []).map(canonical);
const owners = (t: Task): string[][] =>
  (t.duties ?? []).map((d) => (d.owner === undefined ? [] : (Array.isArray(d.owner) ? d.owner : [d.owner]).map(canonical)));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function compareTasks(imported: Plan, reference: Plan): Difference[] {
  const out: Difference[] = [];
  const keysA = imported.tasks.map((t) => t.key);
  const keysB = reference.tasks.map((t) => t.key);
  if (!same(keysA, keysB)) out.push({ task: '*', field: 'keys', imported: keysA, curated: keysB });
  for (const b of reference.tasks) {
    const a = imported.tasks.find((t) => t.key === b.key);
    if (!a) continue;
    for (const f of ['lead', 'implement', 'coordinate'] as const) {
      if (!same(names(a[f]), names(b[f]))) out.push({ task: b.key, field: f, imported: a[f] ?? null, curated: b[f] ?? null });
    }
    if (!same(owners(a), owners(b))) out.push({ task: b.key, field: 'duties.owner', imported: owners(a), curated: owners(b) });
    const da = a.deadline === undefined ? null : canonical(a.deadline);
    const db = b.deadline === undefined ? null : canonical(b.deadline);
    if (da !== db) out.push({ task: b.key, field: 'deadline', imported: a.deadline ?? null, curated: b.deadline ?? null });
  }
  return out;
}
