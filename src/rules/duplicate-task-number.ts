/** duplicate-task-number: two tasks printed with one number (Thái Nguyên's second "d)"). */
import type { PlanRule, RawFinding } from '../check/types.js';

export const duplicateTaskNumber: PlanRule = {
  id: 'duplicate-task-number',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ plan }) {
    const first = new Map<string, string>();
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      const seen = first.get(t.label);
      if (seen === undefined) first.set(t.label, t.key);
      else out.push({ severity: 'warning', task: t.key, parentTask: null, data: { label: t.label, firstTask: seen, title: t.task.title } });
    }
    return out;
  },
};
