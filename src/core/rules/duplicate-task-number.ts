/**
 * duplicate-task-number: two tasks printed with one number (Thái Nguyên's second "d)").
 * A repeated number keeps its label and gets a key of its own ("II.1.d-2", label "II.1.d")
 * beside a task keyed by the plain number. Unnumbered "-" duties share their section's
 * label with suffixed keys only ("V.1-1", "V.1-2", no "V.1"): nothing is printed twice there.
 */
import type { PlanRule, RawFinding } from '../check/types.js';

export const duplicateTaskNumber: PlanRule = {
  id: 'duplicate-task-number',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ plan }) {
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      if (t.key === t.label) continue;
      const printed = plan.byKey.get(t.label);
      if (printed) out.push({ severity: 'warning', task: t.key, parentTask: null, data: { label: t.label, firstTask: printed.key, title: t.task.title } });
    }
    return out;
  },
};
