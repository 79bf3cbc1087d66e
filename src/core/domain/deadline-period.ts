/**
 * Reads one period of a deadline text, the `period` rule of deadline-grammar.ts:
 *
 *   period  := quý N (join N)* year? | tháng N (join N)* year? | 6 tháng đầu/cuối năm Y?
 *            | năm Y (join Y)* | ngày? D "/" M year? | ngày? D tháng M year? | M "/" Y
 *   year    := năm Y | "/" Y          join := "," | và | hoặc
 *
 * N is Arabic or Roman, Y has four digits inside the vocabulary's span. Days are checked once
 * the year is known (deadline-resolve.ts).
 */
import { type Lexeme, type Spec, Unreadable } from './deadline-types.js';
import type { Keyword, TimeWords } from './time-words.js';

/** A lexeme quoted for a reason; a runaway word or number is cut, the reason stays readable. */
export function show(x: Lexeme | undefined): string {
  if (!x) return 'the end of the text';
  const text = x.t === 'num' ? x.digits : x.t === 'punct' ? x.ch : x.fold;
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

export class PeriodReader {
  protected pos = 0;
  constructor(protected readonly xs: Lexeme[], protected readonly words: TimeWords) {}

  protected peek(ahead = 0): Lexeme | undefined {
    return this.xs[this.pos + ahead];
  }
  protected next(): Lexeme | undefined {
    return this.xs[this.pos++];
  }
  protected isKw(x: Lexeme | undefined, ...kws: Keyword[]): boolean {
    return x?.t === 'kw' && kws.includes(x.kw);
  }
  protected isPunct(x: Lexeme | undefined, ch: string): boolean {
    return x?.t === 'punct' && x.ch === ch;
  }
  protected isSep(x: Lexeme | undefined): boolean {
    return this.isJoin(x) || this.isPunct(x, ';') || this.isPunct(x, '.');
  }
  /** What joins the numbers of one list: "Quý II, III", "tháng 10 và 11", "năm 2023, 2024". */
  protected isJoin(x: Lexeme | undefined): boolean {
    return this.isPunct(x, ',') || this.isKw(x, 'and', 'or');
  }

  /** A number or Roman numeral in [1, max] (quarters, months), or undefined when it is not one. */
  private ordinal(x: Lexeme | undefined, max: number): number | undefined {
    const roman = this.words.romanNumerals;
    const v = x?.t === 'num' ? x.value : x?.t === 'word' && Object.hasOwn(roman, x.fold) ? roman[x.fold] : undefined;
    return v !== undefined && v >= 1 && v <= max ? v : undefined;
  }

  private expectOrdinal(max: number, unit: string): number {
    const x = this.next();
    const v = this.ordinal(x, max);
    if (v === undefined) throw new Unreadable(`expected a ${unit} number (1-${max}) but found ${show(x)}`);
    return v;
  }

  /** "Quý II, III", "tháng 10 và 11": further ordinals after a separator. */
  private ordinalList(max: number, unit: string): number[] {
    const list = [this.expectOrdinal(max, unit)];
    for (;;) {
      const sep = this.peek();
      const joined = this.isJoin(sep);
      const v = this.ordinal(this.peek(1), max);
      // "Quý 3, 4/2023": the 4 is a quarter; "tháng 10, 2023" is not a list (2023 > 12).
      if (!joined || v === undefined) return list;
      this.pos += 2;
      list.push(v);
    }
  }

  protected year(x: Lexeme | undefined): number {
    if (x?.t !== 'num') throw new Unreadable(`expected a year but found ${show(x)}`);
    if (x.digits.length !== 4) throw new Unreadable(`year ${show(x)} is not written with four digits`);
    const { min, max } = this.words.years;
    if (x.value < min || x.value > max) throw new Unreadable(`year ${x.value} is outside ${min}-${max}`);
    return x.value;
  }

  /** "năm 2023" or "/2023" after a period, else null (the year is left to a neighbour). */
  private yearPart(): number | null {
    if ((this.isKw(this.peek(), 'year') || this.isPunct(this.peek(), '/')) && this.peek(1)?.t === 'num') {
      this.pos += 1;
      return this.year(this.next());
    }
    return null;
  }

  /** A date from its day number: "01/11", "15/11/2023", "05 tháng 6", "ngày 01 tháng 7 năm 2023". */
  private date(afterDayWord: boolean): Spec {
    const dx = this.next();
    if (dx?.t !== 'num') throw new Unreadable(`expected a day number but found ${show(dx)}`);
    if (this.isPunct(this.peek(), '/') && this.peek(1)?.t === 'num') {
      this.pos += 1;
      const mx = this.next() as Extract<Lexeme, { t: 'num' }>;
      // "10/2023" without "ngày" is month/year; a date's month never has more than two digits.
      if (!afterDayWord && mx.digits.length > 2) {
        if (dx.value < 1 || dx.value > 12) throw new Unreadable(`month ${show(dx)} does not exist`);
        return { unit: 'month', m: dx.value, year: this.year(mx) };
      }
      return { unit: 'day', d: dx.value, m: mx.value, year: this.yearPart() }; // "/2023" or "năm 2023"
    }
    if (this.isKw(this.peek(), 'month')) {
      this.pos += 1;
      const mx = this.next();
      const m = this.ordinal(mx, 12);
      if (mx?.t !== 'num' || m === undefined) throw new Unreadable(`expected a month number (1-12) but found ${show(mx)}`);
      return { unit: 'day', d: dx.value, m, year: this.yearPart() };
    }
    throw new Unreadable(`incomplete date: ${show(dx)} is followed by ${show(this.peek())}`);
  }

  /** "năm 2023, 2024": years after "năm" (four digits each, so never a day or a month). */
  private years(): Spec[] {
    const list: Spec[] = [{ unit: 'year', year: this.year(this.next()) }];
    for (let n = this.peek(1); this.isJoin(this.peek()) && n?.t === 'num' && n.digits.length === 4; n = this.peek(1)) {
      this.pos += 1;
      list.push({ unit: 'year', year: this.year(this.next()) });
    }
    return list;
  }

  /** A period starting here, or null when none starts here. */
  protected period(): Spec[] | null {
    const x = this.peek();
    if (this.isKw(x, 'quarter', 'month')) {
      this.pos += 1;
      const isQuarter = this.isKw(x, 'quarter');
      const ns = this.ordinalList(isQuarter ? 4 : 12, isQuarter ? 'quarter' : 'month');
      const year = this.yearPart();
      return ns.map((n): Spec => (isQuarter ? { unit: 'quarter', q: n, year } : { unit: 'month', m: n, year }));
    }
    if (this.isKw(x, 'firstHalf', 'secondHalf')) {
      this.pos += 1;
      const year = this.peek()?.t === 'num' ? this.year(this.next()) : this.yearPart();
      return [{ unit: 'half', h: this.isKw(x, 'firstHalf') ? 1 : 2, year }];
    }
    if (this.isKw(x, 'year')) {
      this.pos += 1;
      return this.years();
    }
    if (this.isKw(x, 'day')) {
      this.pos += 1;
      return [this.date(true)];
    }
    if (x?.t === 'num') return [this.date(false)];
    return null;
  }
}
