/** unreadable-deadline: a deadline text the parser cannot read (never guessed). */
import type { PlanRule, RawFinding } from '../check/types.js';

export const unreadableDeadline: PlanRule = {
  id: 'unreadable-deadline',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ plan }) {
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      if (t.deadline.kind !== 'unreadable') continue;
      out.push({ severity: 'warning', task: t.key, parentTask: null, field: 'deadline', data: { label: t.label, deadline: t.deadline.text, reason: t.deadline.reason } });
    }
    return out;
  },
};
