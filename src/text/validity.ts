/**
 * Periods of validity. Every agency, level and counterpart relation holds for a period,
 * and a plan is judged by the structure in force on its date (checking.md "Dates of plans").
 */
import type { Validity } from './ontology-schema.js';

/** "2025", "2025-06" or "2025-06-01" as a full day (the first day of a partial date), else null. */
export function dayOf(on: string | null | undefined): string | null {
  if (!on) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(on.trim());
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** True when `on` falls inside the period; no date means no constraint. */
export function inForce(v: Validity, on: string | null | undefined): boolean {
  const day = dayOf(on);
  if (!day) return true;
  return (!v.from || day >= v.from) && (!v.until || day <= v.until);
}
