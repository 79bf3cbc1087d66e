/** issued-before-parent: the child's issue date precedes its parent's (compared only where both say enough). */
import type { PairRule } from '../check/types.js';

/** True only when `a` is certainly before `b`, with partial dates compared on what both state. */
export function certainlyBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

export const issuedBeforeParent: PairRule = {
  id: 'issued-before-parent',
  scope: 'pair',
  defaultSeverity: 'warning',
  graded: false,
  check(ctx) {
    const child = ctx.childPlan.plan.issued;
    const parent = ctx.parentPlan.plan.issued;
    if (!child || !parent || !certainlyBefore(child, parent)) return [];
    return [{ severity: 'warning', task: null, parentTask: null, field: 'issued', data: { childIssued: child, parentIssued: parent } }];
  },
};
