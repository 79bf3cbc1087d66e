/**
 * Compares a child task's deadline with its parent's (checking.md, "Deadlines"). Deadlines
 * compare by their end ("thực hiện" windows and "hoàn thành" deadlines alike); conditions are
 * shown, never compared. Decisions beyond the letter of checking.md, per pair of kinds:
 *
 * - parent unknown/unreadable, or child unknown/unreadable → unchecked.
 * - parent window (finite end E):
 *     child window: late when its end > E.
 *     child open-ended: late when it starts after E, else weakened (it never ends).
 *     child continuous/periodic: weakened.
 *     child yearly: its (annual) due day in E's year must not fall after E, else late; a
 *       recurring duty that meets the one-off date is no weakening.
 * - parent open-ended from period P: late when the child starts after P ends (any child with a
 *   start: window, open-ended, yearly from a year); otherwise ok. A finite child of an ongoing
 *   parent is not "weakened": checking.md defines weakened only against a finite parent end.
 * - parent continuous or periodic: ok whatever the child (a finite child is stricter; an
 *   unbounded one matches the rhythm, and the parent states no date to be late against).
 * - parent yearly (due days): child yearly is late when its annual due day (label "năm", else the
 *   latest in the year) is later in the year; same-labelled dues ("6 tháng") are compared too.
 *   Child window: late when its end falls later in its year than the parent's annual due.
 *   Child continuous/periodic/open-ended: weakened (the parent fixes a day each year, the child
 *   none), unless the open-ended child starts late.
 * - late always wins over weakened.
 *
 * delayDays (late only) compares ends: the child's first period end (an open-ended child's
 * starting period, so "Quý IV năm 2023 và những năm tiếp theo" is as late as "Quý IV năm 2023")
 * minus the parent's end (an open-ended parent's starting period end). Yearly dues compare as
 * days of the non-leap reference year.
 */
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { Deadline, DueDay } from './deadline-types.js';
import { REFERENCE_YEAR } from './deadline-resolve.js';

export type Verdict = 'ok' | 'late' | 'weakened' | 'unchecked';

export interface DeadlineComparison {
  verdict: Verdict;
  /** Days late; null unless the verdict is 'late'. */
  delayDays: number | null;
  reason: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const days = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));
const dueOn = (year: number, d: DueDay): string => `${year}-${pad(d.month)}-${pad(d.day)}`;
const showDue = (d: DueDay): string => `${pad(d.day)}/${pad(d.month)}${d.label ? ` (báo cáo ${d.label})` : ''}`;

/** The due day that closes the year's reporting: the annual report's, else the latest. */
export function annualDue(d: Deadline): DueDay | null {
  const sorted = [...d.due].sort((a, b) => a.month - b.month || a.day - b.day);
  return d.due.find((x) => x.label === 'năm') ?? sorted[sorted.length - 1] ?? null;
}

export function describeDeadline(d: Deadline): string {
  switch (d.kind) {
    case 'window': return d.start ? `window ${d.start} to ${d.end}` : `due by ${d.end}`;
    case 'open-ended': return `open-ended from ${d.start}`;
    case 'yearly': return `yearly, due ${d.due.map(showDue).join(' and ')}${d.start ? ` from ${d.start}` : ''}`;
    case 'unreadable': return `unreadable (${d.reason})`;
    default: return d.kind;
  }
}

const late = (delayDays: number, reason: string): DeadlineComparison => ({ verdict: 'late', delayDays, reason });
const verdict = (v: 'ok' | 'weakened' | 'unchecked', reason: string): DeadlineComparison => ({ verdict: v, delayDays: null, reason });

/** "Starts after P ends": the end that a child's start is held to, and the child's first end. */
const parentEnd = (p: Deadline): string | null => p.end ?? p.from?.end ?? null;
const childFirstEnd = (c: Deadline): string | null => c.from?.end ?? c.end ?? c.start;

function startsLate(parent: Deadline, child: Deadline): DeadlineComparison | null {
  const end = parentEnd(parent);
  const first = childFirstEnd(child);
  if (end === null || child.start === null || child.start <= end || first === null) return null;
  const what = parent.kind === 'window' ? 'the parent window ends' : `the parent's starting period ends`;
  return late(days(end, first), `child starts ${child.start}, after ${what} (${end})`);
}

function yearlyVsYearly(parent: Deadline, child: Deadline): DeadlineComparison {
  const pa = annualDue(parent)!;
  const ca = annualDue(child)!;
  const pairs: [DueDay, DueDay][] = [[pa, ca]];
  for (const pd of parent.due) {
    const cd = child.due.find((x) => x.label !== null && x.label === pd.label);
    if (cd && pd !== pa) pairs.push([pd, cd]);
  }
  const lateOnes = pairs
    .map(([p, c]) => ({ p, c, delay: days(dueOn(REFERENCE_YEAR, p), dueOn(REFERENCE_YEAR, c)) }))
    .filter((x) => x.delay > 0);
  if (lateOnes.length === 0) return verdict('ok', `child due ${child.due.map(showDue).join(', ')} is no later in the year than parent due ${parent.due.map(showDue).join(', ')}`);
  const worst = lateOnes.reduce((a, b) => (b.delay > a.delay ? b : a));
  const detail = lateOnes.map((x) => `child ${showDue(x.c)} after parent ${showDue(x.p)} (${x.delay} days)`).join('; ');
  return late(worst.delay, `yearly due day later in the year: ${detail}`);
}

function againstWindow(parent: Deadline, child: Deadline): DeadlineComparison {
  const end = parent.end!;
  if (child.kind === 'window') {
    const delay = days(end, child.end!);
    return delay > 0 ? late(delay, `child ends ${child.end}, ${delay} days after the parent (${end})`) : verdict('ok', `child ends ${child.end}, parent ${end}`);
  }
  const started = startsLate(parent, child);
  if (started) return started;
  if (child.kind === 'yearly') {
    const due = annualDue(child)!;
    const occurrence = dueOn(Number(end.slice(0, 4)), due);
    const delay = days(end, occurrence);
    return delay > 0
      ? late(delay, `child's yearly due ${showDue(due)} falls ${delay} days after the parent's end (${end}) in that year`)
      : verdict('ok', `child's yearly due ${showDue(due)} is met by the parent's end (${end})`);
  }
  return verdict('weakened', `parent ends ${end}; child is ${describeDeadline(child)}, with no end`);
}

function againstYearly(parent: Deadline, child: Deadline): DeadlineComparison {
  const started = parent.from ? startsLate(parent, child) : null;
  if (started) return started;
  if (child.kind === 'yearly') return yearlyVsYearly(parent, child);
  const due = annualDue(parent)!;
  if (child.kind === 'window') {
    const occurrence = dueOn(Number(child.end!.slice(0, 4)), due);
    const delay = days(occurrence, child.end!);
    return delay > 0
      ? late(delay, `child ends ${child.end}, ${delay} days after the parent's yearly due ${showDue(due)} that year`)
      : verdict('ok', `child ends ${child.end}, within the parent's yearly due ${showDue(due)}`);
  }
  return verdict('weakened', `parent is due ${showDue(due)} every year; child is ${describeDeadline(child)}, with no due day`);
}

function conditions(parent: Deadline, child: Deadline): string {
  const notes = [
    parent.condition ? `parent condition: "${parent.condition}"` : '',
    child.condition ? `child condition: "${child.condition}"` : '',
  ].filter(Boolean);
  return notes.length > 0 ? ` [${notes.join('; ')}; dates compared as written]` : '';
}

function decide(parent: Deadline, child: Deadline): DeadlineComparison {
  for (const [who, d] of [['parent', parent], ['child', child]] as const) {
    if (d.kind === 'unknown') return verdict('unchecked', `${who} deadline is unknown`);
    if (d.kind === 'unreadable') return verdict('unchecked', `${who} deadline is unreadable: ${d.reason}`);
    // Hand-built values (tests, other tools) that break the parser's invariants are not compared.
    if ((d.kind === 'window' && d.end === null) || (d.kind === 'yearly' && d.due.length === 0) || (d.kind === 'open-ended' && d.start === null)) {
      return verdict('unchecked', `${who} deadline is malformed (${d.kind} without its dates)`);
    }
  }
  switch (parent.kind) {
    case 'window': return againstWindow(parent, child);
    case 'yearly': return againstYearly(parent, child);
    case 'open-ended':
      return startsLate(parent, child) ?? verdict('ok', `child (${describeDeadline(child)}) starts no later than the parent's starting period ends (${parent.from?.end})`);
    default:
      return verdict('ok', `parent is ${parent.kind}, with no date to be late against; child is ${describeDeadline(child)}`);
  }
}

/**
 * Verdicts by pair of deadline objects. Parsed deadlines are shared per text (children copy
 * their parents' wording), so a national check meets the same pairs thousands of times.
 */
const verdicts = new WeakMap<Deadline, WeakMap<Deadline, DeadlineComparison>>();

/** Verdict for one matched pair. Pure; never throws on parser output. The result is shared: read-only. */
export function compareDeadlines(parent: Deadline, child: Deadline): DeadlineComparison {
  let byChild = verdicts.get(parent);
  if (!byChild) verdicts.set(parent, (byChild = new WeakMap()));
  let v = byChild.get(child);
  if (!v) {
    const d = decide(parent, child);
    byChild.set(child, (v = Object.freeze({ ...d, reason: d.reason + conditions(parent, child) })));
  }
  return v;
}
