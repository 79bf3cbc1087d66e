/**
 * wrong-level-agency: a plan makes lead or implementer an agency it cannot command, one of
 * a higher level (a district plan making Sở Nội vụ the lead). Lower levels inside its own
 * jurisdiction are its to direct; coordinators are not orders; requests ("Đề nghị") are
 * not orders; independent bodies are left to order-to-independent-body.
 */
import type { PlanRule, RawFinding } from '../check/types.js';
import { LEVEL_RANK } from '../check/addressing.js';
import { ownedAgencies } from './helpers.js';

export const wrongLevelAgency: PlanRule = {
  id: 'wrong-level-agency',
  scope: 'plan',
  defaultSeverity: 'error',
  graded: true,
  check({ plan }) {
    const out: RawFinding[] = [];
    const rank = LEVEL_RANK[plan.level];
    for (const t of plan.tasks) {
      for (const { ref, field } of ownedAgencies(t)) {
        if (!ref.known || ref.vague || ref.request || ref.independent || ref.collective || ref.level === null) continue;
        if (LEVEL_RANK[ref.level] >= rank) continue;
        out.push({
          severity: 'error',
          task: t.key,
          parentTask: null,
          field,
          data: { label: t.label, title: t.task.title, agency: ref.text, agencyName: ref.name, agencyLevel: ref.level, planLevel: plan.level, role: field },
        });
      }
    }
    return out;
  },
};
