/** implausible-date: an issue date or deadline outside 1945–2100 (a typo, not a plan of that year). */
import type { PlanRule, RawFinding } from '../check/types.js';

const FIRST = 1945;
const LAST = 2100;
const plausible = (iso: string | null): boolean => iso === null || (Number(iso.slice(0, 4)) >= FIRST && Number(iso.slice(0, 4)) <= LAST);

export const implausibleDate: PlanRule = {
  id: 'implausible-date',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ plan, loaded }) {
    const out: RawFinding[] = [];
    const issued = loaded.plan.issued ?? null;
    if (!plausible(issued)) out.push({ severity: 'warning', task: null, parentTask: null, field: 'issued', data: { date: issued, range: [FIRST, LAST] } });
    for (const t of plan.tasks) {
      const bad = [t.deadline.start, t.deadline.end].find((d) => !plausible(d));
      if (bad) out.push({ severity: 'warning', task: t.key, parentTask: null, field: 'deadline', data: { label: t.label, date: bad, deadline: t.deadline.text, range: [FIRST, LAST] } });
    }
    return out;
  },
};
