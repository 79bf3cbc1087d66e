/**
 * order-to-independent-body: a lead or implementer the issuer cannot command (Mặt trận,
 * Liên đoàn Lao động, party committees, HĐND) named without "Đề nghị". Police and army sit
 * on the UBND: the ontology does not mark them independent.
 */
import type { PlanRule, RawFinding } from '../check/types.js';
import { ownedAgencies } from './helpers.js';

export const orderToIndependentBody: PlanRule = {
  id: 'order-to-independent-body',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: true,
  check({ plan }) {
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      for (const { ref, field } of ownedAgencies(t)) {
        if (!ref.independent || ref.request) continue;
        out.push({
          severity: 'warning',
          task: t.key,
          parentTask: null,
          field,
          data: { label: t.label, title: t.task.title, agency: ref.text, agencyName: ref.name, kind: ref.kind, role: field },
        });
      }
    }
    return out;
  },
};
