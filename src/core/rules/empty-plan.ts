/**
 * empty-plan: a plan with no task. The format allows it (a plan being drafted), but such a
 * plan is compared with nothing: "no findings" would be a silent pass, so it is an error.
 * An import that read no task (a table it could not read, numbering it did not see) lands here.
 */
import type { PlanRule } from '../check/types.js';

export const emptyPlan: PlanRule = {
  id: 'empty-plan',
  scope: 'plan',
  defaultSeverity: 'error',
  graded: false,
  check({ loaded }) {
    if (loaded.plan.tasks.length > 0) return [];
    return [{ severity: 'error', task: null, parentTask: null, field: 'tasks', data: {} }];
  },
};
