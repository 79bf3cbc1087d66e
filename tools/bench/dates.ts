/** Calendar arithmetic on ISO dates (UTC, no time zone surprises) and the deadline calendar of a shape. */

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function iso(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string): number => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86400000);
}

/**
 * The calendar of a shape: the quarter the national plan opens in (Q2 2023 for QĐ 346's copy;
 * Q3 2025 after the 2025 reorganisation) and the national issue date. Templates state their
 * deadlines as quarter offsets from it, so both shapes share one catalogue of tasks.
 */
export interface Calendar {
  year: number;
  /** 1-based quarter of the national plan's issue */
  quarter: number;
  nationalIssued: string;
}

export const CALENDARS: Record<2023 | 2025, Calendar> = {
  2023: { year: 2023, quarter: 2, nationalIssued: '2023-04-06' },
  2025: { year: 2025, quarter: 3, nationalIssued: '2025-07-10' },
};

/** Year and quarter `k` quarters after the calendar's base quarter. */
export function quarterAt(cal: Calendar, k: number): { y: number; q: number } {
  const idx = cal.year * 4 + (cal.quarter - 1) + k;
  return { y: Math.floor(idx / 4), q: (idx % 4) + 1 };
}

export function quarterEnd(cal: Calendar, k: number): string {
  const { y, q } = quarterAt(cal, k);
  return iso(y, q * 3, lastDay(y, q * 3));
}

export function quarterStart(cal: Calendar, k: number): string {
  const { y, q } = quarterAt(cal, k);
  return iso(y, q * 3 - 2, 1);
}
