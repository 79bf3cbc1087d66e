/**
 * implausible-date: an issue date outside 1945–2100 (a typo, not a plan of that year).
 * Deadlines naming such a year never reach this rule: the deadline parser reads them as
 * unreadable (rules/time-words.yaml `years`), so they are reported by unreadable-deadline
 * and never compared.
 */
import type { PlanRule, RawFinding } from '../check/types.js';

const FIRST = 1945;
const LAST = 2100;

export const implausibleDate: PlanRule = {
  id: 'implausible-date',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ loaded }) {
    const out: RawFinding[] = [];
    const issued = loaded.plan.issued;
    const year = issued ? Number(issued.slice(0, 4)) : null;
    if (issued && year !== null && (year < FIRST || year > LAST)) {
      out.push({ severity: 'warning', task: null, parentTask: null, field: 'issued', data: { date: issued, range: [FIRST, LAST] } });
    }
    return out;
  },
};
