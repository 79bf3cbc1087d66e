/**
 * Reads a deadline text ("Quý II và Quý III năm 2023", "Hằng năm, trước ngày 01/11 hoặc đột
 * xuất", "Năm 2023 và các năm tiếp theo") into dates. Never throws and never guesses: a text it
 * cannot read fully is 'unreadable' with the reason. Stages: deadline-lex (vocabulary from
 * rules/time-words.yaml), deadline-grammar (structure), deadline-resolve (dates), then the
 * kind is decided here.
 */
import { lex } from './deadline-lex.js';
import { parseLexemes } from './deadline-grammar.js';
import { type Placed, REFERENCE_YEAR, describe, hasYears, inheritYears, iso, placeTerm } from './deadline-resolve.js';
import { type Deadline, type DueDay, type Parsed, type Spec, Unreadable } from './deadline-types.js';
import { timeWords } from './time-words.js';

export type { Deadline, DeadlineKind, DueDay, Period } from './deadline-types.js';

type Core = Pick<Deadline, 'kind' | 'start' | 'end' | 'from' | 'due'>;

const NONE: Core = { kind: 'unknown', start: null, end: null, from: null, due: [] };
const yearOf = (s: Spec): number => s.year ?? REFERENCE_YEAR;

function openEnded(placed: Placed[]): Core {
  if (placed.some((p) => p.start === null)) throw new Unreadable('an open-ended deadline joined with a "before" date has no clear start');
  const start = placed.map((p) => p.period.start).reduce((a, b) => (b < a ? b : a));
  const end = placed.map((p) => p.period.end).reduce((a, b) => (b > a ? b : a));
  return { kind: 'open-ended', start: iso(start), end: null, from: { start: iso(start), end: iso(end) }, due: [] };
}

/** "Hằng năm …" and labelled reports: yearless terms are due days, dated open terms a start. */
function yearly(parsed: Parsed): Core {
  const due: DueDay[] = [];
  const opens: Placed[] = [];
  for (const term of parsed.terms) {
    const placed = placeTerm(term, yearOf);
    const withYear = term.specs.concat(term.until ?? []).filter((s) => s.year !== null);
    if (withYear.length > 0) {
      if (!hasYears(term) || !placed.open) {
        throw new Unreadable(`a yearly deadline cannot also name the fixed period ${describe(withYear[0]!)}`);
      }
      opens.push(placed);
    } else if (placed.end === null) {
      throw new Unreadable(`a yearly deadline needs a due day, not a start (${describe(term.specs[0]!)})`);
    } else {
      due.push({ month: placed.end.getMonth() + 1, day: placed.end.getDate(), label: term.label });
    }
  }
  if (due.length === 0) return openEnded(opens); // "Hằng năm, từ năm 2024": ongoing from 2024
  if (parsed.markers.has('continuous')) throw new Unreadable('"thường xuyên" and a yearly due day contradict each other');
  const base = opens.length > 0 ? openEnded(opens) : null;
  return { kind: 'yearly', start: base?.start ?? null, end: null, from: base?.from ?? null, due };
}

function dated(parsed: Parsed): Core {
  const terms = inheritYears(parsed.terms);
  const missing = terms.find((t) => !hasYears(t));
  if (missing) {
    const spec = missing.specs.concat(missing.until ?? []).find((s) => s.year === null)!;
    throw new Unreadable(`${describe(spec)} has no year (and the text is not marked "hằng năm")`);
  }
  const placed = terms.map((t) => placeTerm(t, yearOf));
  if (placed.some((p) => p.open)) return openEnded(placed); // "Thường xuyên, từ năm 2024" too
  const marker = (['continuous', 'periodic', 'onDemand'] as const).find((m) => parsed.markers.has(m));
  if (marker) throw new Unreadable(`a ${marker} deadline cannot also be the fixed window ${describe(terms[0]!.specs[0]!)}`);
  const ends = placed.map((p) => p.end!);
  const end = ends.reduce((a, b) => (b > a ? b : a));
  // The envelope starts at the earliest start; a "before" term has none, so neither has the union.
  const starts = placed.map((p) => p.start);
  const start = starts.includes(null) ? null : (starts as Date[]).reduce((a, b) => (b < a ? b : a));
  return { kind: 'window', start: start && iso(start), end: iso(end), from: null, due: [] };
}

function decide(parsed: Parsed, kept: { conditions: string[]; durations: string[]; blank: boolean }): Core {
  const { markers, terms } = parsed;
  if (markers.has('unknown')) {
    if (markers.size > 1 || terms.length > 0 || kept.conditions.length > 0) throw new Unreadable('"unknown" is mixed with a time expression');
    return NONE;
  }
  if (terms.length === 0) {
    if (markers.has('continuous')) return { ...NONE, kind: 'continuous' };
    // "Hằng năm" with no due day says how often, not by when: periodic.
    if (markers.size > 0) return { ...NONE, kind: 'periodic' };
    if (kept.durations.length > 0) throw new Unreadable(`"${kept.durations.join(', ')}" is a duration, not a deadline`);
    if (kept.conditions.length > 0) throw new Unreadable('a condition without a date');
    if (kept.blank) return NONE;
    throw new Unreadable('no time expression');
  }
  const recurring = markers.has('yearly') || terms.some((t) => t.label !== null);
  return recurring ? yearly(parsed) : dated(parsed);
}

function result(text: string | null, core: Core, extra: Partial<Deadline> = {}): Deadline {
  return { text, ...core, qualifiers: [], condition: null, duration: null, reason: null, ...extra };
}

/** Resolves a deadline text. `undefined`, blank or "unknown" → kind 'unknown'. Never throws. */
export function parseDeadline(text: string | undefined): Deadline {
  // Plans come from YAML: guard against a number or null where a string was typed.
  const input: unknown = text;
  if (input === undefined || input === null) return result(null, NONE);
  if (typeof input !== 'string') return result(null, { ...NONE, kind: 'unreadable' }, { reason: 'the deadline is not text' });
  let kept: Partial<Deadline> = {};
  try {
    const lexed = lex(input, timeWords());
    kept = {
      qualifiers: lexed.qualifiers,
      condition: lexed.conditions.length > 0 ? lexed.conditions.join('; ') : null,
      duration: lexed.durations.length > 0 ? lexed.durations.join(', ') : null,
    };
    const parsed = parseLexemes(lexed.lexemes, timeWords());
    const blank = lexed.lexemes.every((x) => x.t === 'punct') && lexed.qualifiers.length === 0;
    return result(input, decide(parsed, { conditions: lexed.conditions, durations: lexed.durations, blank }), kept);
  } catch (e) {
    const reason = e instanceof Unreadable ? e.message : `internal error while reading the deadline: ${String(e)}`;
    return result(input, { ...NONE, kind: 'unreadable' }, { ...kept, reason });
  }
}
