/**
 * no-parent: a plan below national level whose basedOn names no plan was compared with
 * nothing. An error when it cites a parent that is not loaded (`kehoach import` records such
 * citations in `cites`) or cites nothing at all; only an info note when it rests on legal
 * bases alone, like Hòa Bình's conference plan (checking.md: "an info note at most").
 * A basedOn id that is not loaded is a load error instead (exit 2), never this finding.
 */
import type { PlanRule } from '../check/types.js';
import { legalBases, parentIds } from '../model/plan.js';

export const noParent: PlanRule = {
  id: 'no-parent',
  scope: 'plan',
  defaultSeverity: 'error',
  graded: false,
  check({ loaded }) {
    const plan = loaded.plan;
    if (plan.level === 'national' || parentIds(plan).length > 0) return [];
    const at = { task: null, parentTask: null } as const;
    if (plan.cites?.length) return [{ severity: 'error', ...at, field: 'cites', data: { cited: plan.cites.map((c) => c.text).join('; ') } }];
    const bases = legalBases(plan);
    if (bases.length) return [{ severity: 'info', ...at, field: 'basedOn', data: { variant: 'legal-bases-only', bases: bases.map((b) => b.number) } }];
    return [{ severity: 'error', ...at, field: 'basedOn', data: { variant: 'none' } }];
  },
};
