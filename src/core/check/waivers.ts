/**
 * Waivers: a child plan waives a finding for a task with a written reason (and maybe an
 * expiry). Waived findings stay in the report, marked and counted, never dropped. A waiver
 * without a reason, expired, or matching nothing does not waive and is reported by the
 * invalid-waiver rule.
 */
import type { Finding } from '../model/finding.js';
import type { Waiver } from '../model/plan.js';

export function waiverMatches(w: Waiver, f: Finding): boolean {
  return w.rule === f.rule && (w.task === undefined || w.task === f.task) && (w.parentTask === undefined || w.parentTask === f.parentTask);
}

/** Whether a waiver may waive at all on `today` (ISO date). */
export function waiverUsable(w: Waiver, today: string): boolean {
  return Boolean(w.reason?.trim()) && !(w.expires && w.expires < today.slice(0, w.expires.length));
}

/** Marks the findings of each plan that a usable waiver of that plan covers; returns how many waivers each matched. */
export function markWaived(findings: Finding[], waiversOf: (plan: string) => readonly Waiver[], today: string): Map<Waiver, number> {
  const used = new Map<Waiver, number>();
  for (const f of findings) {
    for (const w of waiversOf(f.plan)) {
      if (!waiverMatches(w, f)) continue;
      used.set(w, (used.get(w) ?? 0) + 1);
      if (waiverUsable(w, today) && !f.waived) f.waived = { reason: w.reason!.trim(), ...(w.expires ? { expires: w.expires } : {}) };
    }
  }
  return used;
}
