/**
 * no-parent: the plan cites a parent plan that is not among the loaded plans, and its basedOn
 * names none, so it was compared with nothing. `kehoach import` records such citations in
 * `cites`; a basedOn id that is not loaded is a load error instead (exit 2).
 * (Plans that cite nothing at all, or legal bases alone, are not judged by this rule yet.)
 */
import type { PlanRule } from '../check/types.js';
import { parentIds } from '../model/plan.js';

export const noParent: PlanRule = {
  id: 'no-parent',
  scope: 'plan',
  defaultSeverity: 'error',
  graded: false,
  check({ loaded }) {
    const plan = loaded.plan;
    if (plan.level === 'national' || parentIds(plan).length > 0 || !plan.cites?.length) return [];
    return [{ severity: 'error', task: null, parentTask: null, field: 'cites', data: { cited: plan.cites.map((c) => c.text).join('; ') } }];
  },
};
