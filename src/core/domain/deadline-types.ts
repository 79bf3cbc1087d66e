/**
 * Types of the deadline reader (deadline.ts) and of its internal stages: lexemes
 * (deadline-lex.ts), the parsed terms (deadline-grammar.ts) and the resolved dates.
 */
import type { Keyword } from './time-words.js';

export type DeadlineKind = 'window' | 'open-ended' | 'continuous' | 'periodic' | 'yearly' | 'unknown' | 'unreadable';

/** A yearly recurring due day, already resolved ("trước ngày 05 tháng 6" → 6/4). */
export interface DueDay {
  month: number;
  day: number;
  /** The report it belongs to ('6 tháng', 'năm') when the text names one, else null. */
  label: string | null;
}

/** An ISO date span (YYYY-MM-DD, both ends inclusive). */
export interface Period {
  start: string;
  end: string;
}

/** A resolved deadline. Plain JSON: absent facts are null (or empty lists), never guessed. */
export interface Deadline {
  /** The input as given (null when there was none). */
  text: string | null;
  kind: DeadlineKind;
  /** First day of the window or of the open-ended span; null when the text gives none ("trước ngày …"). */
  start: string | null;
  /** Last day (inclusive); null for every kind without a finite end. */
  end: string | null;
  /** Open-ended only: the period it starts in ("Quý IV năm 2023 và những năm tiếp theo" → Q4 2023). */
  from: Period | null;
  /** Yearly only: due days within each year, in text order. */
  due: DueDay[];
  /** "(nếu có)", "hoặc đột xuất", "dự kiến": kept by name, in text order. */
  qualifiers: string[];
  /** "sau khi có văn bản …": kept as written (canonical spelling), null when absent. */
  condition: string | null;
  /** "01 buổi": how long, not when; kept as written. */
  duration: string | null;
  /** Why the text is unreadable; null for every other kind. */
  reason: string | null;
}

/** One unit of a deadline text after the vocabulary has been applied. */
export type Lexeme =
  | { t: 'num'; value: number; digits: string }
  | { t: 'word'; fold: string }
  | { t: 'punct'; ch: string }
  | { t: 'kw'; kw: Keyword; fold: string }
  | { t: 'report'; label: string; fold: string };

/** A period as written; `year` null when the text leaves it to a neighbour or to "hằng năm". */
export type Spec =
  | { unit: 'quarter'; q: number; year: number | null }
  | { unit: 'month'; m: number; year: number | null }
  | { unit: 'half'; h: 1 | 2; year: number | null }
  | { unit: 'year'; year: number }
  | { unit: 'day'; d: number; m: number; year: number | null };

/** How a term relates to its periods: inside, strictly before, no later than, or from. */
export type Mode = 'in' | 'before' | 'noLaterThan' | 'from';

export interface Term {
  mode: Mode;
  /** Several when joined: "Quý II, III năm 2023" (the envelope is used). */
  specs: Spec[];
  /** "từ … đến …": the end period. */
  until: Spec[] | null;
  /** "… và các năm tiếp theo" / "trở đi". */
  onwards: boolean;
  /** Report label ("báo cáo năm") that introduced the term. */
  label: string | null;
}

export type Marker = 'yearly' | 'continuous' | 'periodic' | 'onDemand' | 'unknown';

export interface Parsed {
  markers: Set<Marker>;
  terms: Term[];
}

/** Internal: a reason the text cannot be read. Caught in parseDeadline, never escapes it. */
export class Unreadable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Unreadable';
  }
}
