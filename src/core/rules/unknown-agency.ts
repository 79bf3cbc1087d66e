/** unknown-agency: an agency name the ontology cannot resolve; the plan still loads. */
import type { PlanRule, RawFinding } from '../check/types.js';

const FIELDS = ['lead', 'implement', 'coordinate'] as const;

export const unknownAgency: PlanRule = {
  id: 'unknown-agency',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ plan }) {
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      const refs = [
        ...FIELDS.flatMap((field) => t[field].map((ref) => ({ ref, field }))),
        ...t.duties.filter((d) => d.bullet !== null).flatMap((d) => d.owners.map((ref) => ({ ref, field: 'duties' }))),
      ];
      for (const { ref, field } of refs) {
        if (ref.known || ref.vague) continue;
        out.push({ severity: 'warning', task: t.key, parentTask: null, field, data: { label: t.label, agency: ref.text, role: field } });
      }
    }
    return out;
  },
};
