/**
 * A child's yearly reporting date, some days before its parent's: "Hằng năm, trước ngày 15/11"
 * becomes "Hằng năm, trước ngày 05/11" for ten days, written in the parent's own style (01/11,
 * "05 tháng 6"). The new text is read back with the check's own deadline reader and accepted
 * only when it gives every due day of the parent's, that many days earlier, in the same year:
 * a text it cannot rewrite so is left to the drafter, never guessed at.
 */
import { parseDeadline, type DueDay } from '../domain/deadline.js';

/** "ngày 15/11", "ngày 05 tháng 6", not followed by a year (a yearly day has none). */
const DAY = /(ngày\s+)(\d{1,2})(\s*\/\s*|\s+tháng\s+)(\d{1,2})(?!\s*\/\s*\d|\d|\s+năm\s+\d)/giu;

/** A day of a common year, moved `days` earlier; null when it would fall in the year before. */
function earlier(month: number, day: number, days: number): { month: number; day: number } | null {
  const d = new Date(Date.UTC(2023, month - 1, day - days));
  if (d.getUTCFullYear() !== 2023) return null;
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, like: string): string => (like.length >= 2 ? String(n).padStart(2, '0') : String(n));
const sameDue = (a: readonly DueDay[], b: readonly DueDay[]): boolean =>
  a.length === b.length && a.every((x, i) => x.month === b[i]!.month && x.day === b[i]!.day && x.label === b[i]!.label);

/**
 * The yearly deadline `text` with each due day `days` earlier, or null when the text is not a
 * yearly deadline, or cannot be rewritten so that it reads back as exactly that.
 */
export function earlierYearly(text: string, days: number): string | null {
  const parent = parseDeadline(text);
  if (parent.kind !== 'yearly' || !parent.due.length) return null;
  if (days === 0) return text;
  let failed = false;
  const out = text.replace(DAY, (whole, lead: string, d: string, sep: string, m: string) => {
    const moved = earlier(Number(m), Number(d), days);
    if (!moved) {
      failed = true;
      return whole;
    }
    return `${lead}${pad(moved.day, d)}${sep}${pad(moved.month, m)}`;
  });
  if (failed || out === text) return null;
  const want = parent.due.map((x) => ({ ...earlier(x.month, x.day, days), label: x.label }));
  if (want.some((x) => x.month === undefined)) return null;
  const child = parseDeadline(out);
  return child.kind === 'yearly' && sameDue(child.due, want as DueDay[]) && child.qualifiers.join('|') === parent.qualifiers.join('|') ? out : null;
}
