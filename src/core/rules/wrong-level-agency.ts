/**
 * wrong-level-agency: a plan makes lead or implementer an agency it cannot command, one of
 * a higher level (a district plan making Sở Nội vụ the lead). Lower levels inside its own
 * jurisdiction are its to direct; coordinators are not orders; requests ("Đề nghị") are
 * not orders; independent bodies are left to order-to-independent-body.
 */
import type { PlanRule, RawFinding } from '../check/types.js';
import { LEVEL_RANK } from '../check/addressing.js';
import { ownedAgencies } from './helpers.js';
import type { AgencyRef } from '../domain/agencies.js';
import type { Level } from '../model/plan.js';

/** An agency a plan of `level` cannot command because it is of a higher level (requests, councils, collectives aside). */
export function isHigherLevel(ref: AgencyRef, level: Level): boolean {
  if (!ref.known || ref.vague || ref.request || ref.independent || ref.collective || ref.level === null) return false;
  return LEVEL_RANK[ref.level] < LEVEL_RANK[level];
}

export const wrongLevelAgency: PlanRule = {
  id: 'wrong-level-agency',
  scope: 'plan',
  defaultSeverity: 'error',
  graded: true,
  check({ plan }) {
    const out: RawFinding[] = [];
    for (const t of plan.tasks) {
      for (const { ref, field } of ownedAgencies(t)) {
        if (!isHigherLevel(ref, plan.level)) continue;
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
