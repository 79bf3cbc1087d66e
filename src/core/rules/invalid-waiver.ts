/**
 * invalid-waiver: a waiver without a reason, past its expiry, naming an unknown rule, or
 * matching no finding. Such a waiver waives nothing. Runs after the other rules, on the
 * findings of the plan that holds the waiver.
 */
import type { RawFinding, ReportRule } from '../check/types.js';
import { waiverMatches } from '../check/waivers.js';

export const invalidWaiver: ReportRule = {
  id: 'invalid-waiver',
  scope: 'report',
  defaultSeverity: 'warning',
  graded: false,
  check({ loaded, findings, today, ruleIds }) {
    const out: RawFinding[] = [];
    (loaded.plan.waivers ?? []).forEach((w, index) => {
      const base = { rule: w.rule, waiverTask: w.task ?? null, waiverParentTask: w.parentTask ?? null, index, number: index + 1 }; // number: as a reader counts (from 1)
      const problem = !ruleIds.has(w.rule)
        ? 'unknown-rule'
        : !w.reason?.trim()
          ? 'no-reason'
          : w.expires && w.expires < today.slice(0, w.expires.length)
            ? 'expired'
            : !findings.some((f) => waiverMatches(w, f))
              ? 'unused'
              : null;
      const at = loaded.positions.waivers?.[index];
      if (problem) out.push({ severity: 'warning', task: w.task ?? null, parentTask: w.parentTask ?? null, field: 'waivers', at, data: { ...base, problem, expires: w.expires ?? null } });
    });
    return out;
  },
};
