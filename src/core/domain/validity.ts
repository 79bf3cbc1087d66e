/**
 * Periods of validity. Every agency, level and counterpart relation holds for a period,
 * and a plan is judged by the structure in force on its date (checking.md "Dates of plans").
 */
import type { Validity } from './ontology-schema.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2025", "2025-06" or "2025-06-01" as a full day (the first day of a partial date), else null. */
export function dayOf(on: string | null | undefined): string | null {
  if (!on) return null;
  if (on.length === 10 && DATE.test(on)) return on; // the common case: every resolution of every agency asks
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


/** The day after an ISO day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Every day on which some validity of a structure begins or ends (the day after an `until`),
 * sorted. Two dates with the same number of cuts at or before them see the same agencies,
 * levels and relations in force: an era. Found by walking the compiled structure, so no
 * table escapes it.
 */
export function validityCuts(structure: unknown): string[] {
  const cuts = new Set<string>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const x of v.values()) visit(x);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o['from'] === 'string' && DATE.test(o['from'])) cuts.add(o['from']);
    if (typeof o['until'] === 'string' && DATE.test(o['until'])) cuts.add(nextDay(o['until']));
    for (const x of Object.values(o)) visit(x);
  };
  visit(structure);
  return [...cuts].sort();
}

/** The era of a date among sorted cuts (see validityCuts); -1 when there is no date. */
export function eraOf(cuts: readonly string[], on: string | null | undefined): number {
  const day = dayOf(on);
  if (!day) return -1;
  let n = 0;
  while (n < cuts.length && cuts[n]! <= day) n++;
  return n;
}
