/**
 * From parsed periods to calendar dates (date-fns, local calendar days; only the Y-M-D part
 * is ever used). Invalid dates are Unreadable, never rolled over (31/02 is not 03/03).
 */
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { lastDayOfQuarter } from 'date-fns/lastDayOfQuarter';
import { lastDayOfYear } from 'date-fns/lastDayOfYear';
import { subDays } from 'date-fns/subDays';
import { type Spec, type Term, Unreadable } from './deadline-types.js';

/**
 * Yearly due days carry no year; they are computed in this non-leap year, so "trước ngày 01/03"
 * is 28/2 and "29/02" alone is unreadable rather than a day that exists one year in four.
 */
export const REFERENCE_YEAR = 2023;

export interface Span {
  start: Date;
  end: Date;
}

/** A term on the calendar: `open` when it has no end ("từ …", "… và các năm tiếp theo"). */
export interface Placed {
  start: Date | null;
  end: Date | null;
  /** The period the term names, before its mode is applied. */
  period: Span;
  open: boolean;
}

export const iso = (d: Date): string => format(d, 'yyyy-MM-dd');

const pad = (n: number): string => String(n).padStart(2, '0');

export function describe(spec: Spec): string {
  const y = spec.year === null ? '' : ` ${spec.year}`;
  switch (spec.unit) {
    case 'quarter': return `quý ${spec.q}${y}`;
    case 'month': return `tháng ${spec.m}${y}`;
    case 'half': return `6 tháng ${spec.h === 1 ? 'đầu' : 'cuối'} năm${y}`;
    case 'year': return `năm ${spec.year}`;
    case 'day': return `${pad(spec.d)}/${pad(spec.m)}${spec.year === null ? '' : `/${spec.year}`}`;
  }
}

export function specSpan(spec: Spec, year: number): Span {
  switch (spec.unit) {
    case 'quarter': {
      const start = new Date(year, (spec.q - 1) * 3, 1);
      return { start, end: lastDayOfQuarter(start) };
    }
    case 'month': {
      const start = new Date(year, spec.m - 1, 1);
      return { start, end: lastDayOfMonth(start) };
    }
    case 'half':
      return { start: new Date(year, spec.h === 1 ? 0 : 6, 1), end: lastDayOfMonth(new Date(year, spec.h === 1 ? 5 : 11, 1)) };
    case 'year':
      return { start: new Date(year, 0, 1), end: lastDayOfYear(new Date(year, 0, 1)) };
    case 'day': {
      if (spec.m < 1 || spec.m > 12) throw new Unreadable(`${describe(spec)} is not a date: there is no month ${spec.m}`);
      if (spec.d < 1 || spec.d > getDaysInMonth(new Date(year, spec.m - 1, 1))) {
        const where = spec.year === null ? ` (read in a non-leap year, ${REFERENCE_YEAR})` : '';
        throw new Unreadable(`${describe(spec)} is not a date${where}`);
      }
      const day = new Date(year, spec.m - 1, spec.d);
      return { start: day, end: day };
    }
  }
}

/** Gives each yearless period the year of the next period that has one: "Quý II và Quý III năm 2023". */
export function inheritYears(terms: Term[]): Term[] {
  let carry: number | null = null;
  const fill = (specs: Spec[]): Spec[] =>
    specs
      .slice()
      .reverse()
      .map((s): Spec => {
        if (s.year !== null) carry = s.year;
        return s.year === null && carry !== null ? { ...s, year: carry } : s;
      })
      .reverse();
  return terms
    .slice()
    .reverse()
    .map((t) => {
      const until = t.until ? fill(t.until) : null;
      return { ...t, until, specs: fill(t.specs) };
    })
    .reverse();
}

function envelope(specs: Spec[], year: (s: Spec) => number): Span {
  const spans = specs.map((s) => specSpan(s, year(s)));
  const start = spans.map((s) => s.start).reduce((a, b) => (b < a ? b : a));
  const end = spans.map((s) => s.end).reduce((a, b) => (b > a ? b : a));
  return { start, end };
}

/** Applies the term's mode: "trước ngày D" ends on D - 1, "chậm nhất" on the period's last day. */
export function placeTerm(term: Term, year: (s: Spec) => number): Placed {
  const period = envelope(term.specs, year);
  if (term.until) {
    const last = envelope(term.until, year);
    if (last.end < period.start) throw new Unreadable(`the range ends (${iso(last.end)}) before it starts (${iso(period.start)})`);
    return { start: period.start, end: last.end, period, open: false };
  }
  switch (term.mode) {
    case 'before': return { start: null, end: subDays(period.start, 1), period, open: false };
    case 'noLaterThan': return { start: null, end: period.end, period, open: false };
    case 'from': return { start: period.start, end: null, period, open: true };
    case 'in': return term.onwards ? { start: period.start, end: null, period, open: true } : { start: period.start, end: period.end, period, open: false };
  }
}

/** True when every period of the term states (or inherited) its year. */
export const hasYears = (t: Term): boolean => [...t.specs, ...(t.until ?? [])].every((s) => s.year !== null);
