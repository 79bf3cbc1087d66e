/**
 * Grammar of deadline texts, over the lexemes of deadline-lex.ts:
 *
 *   text    := (sep | marker | report | onwards | range | mode* period)*
 *   sep     := "," | ";" | "." | và | hoặc
 *   marker  := hằng năm | thường xuyên | định kỳ | khi có yêu cầu | unknown
 *   mode    := trước | chậm nhất | đến (opening a clause: "đến hết năm 2023") | trong | từ
 *   range   := (đến | "-") period   after a period: "từ tháng 7 đến tháng 12/2023", "năm 2023 - 2025"
 *   onwards := và các năm tiếp theo | trở đi   after a period
 *   period  := see deadline-period.ts
 *
 * It only structures the text; periods are read in deadline-period.ts and dates computed in
 * deadline-resolve.ts. Anything outside this grammar throws Unreadable naming the offending word.
 */
import { PeriodReader, show } from './deadline-period.js';
import { type Lexeme, type Marker, type Mode, type Parsed, type Spec, type Term, Unreadable } from './deadline-types.js';
import type { Keyword, TimeWords } from './time-words.js';

const MARKERS: ReadonlySet<Keyword> = new Set(['yearly', 'continuous', 'periodic', 'onDemand', 'unknown']);

class Parser extends PeriodReader {
  parse(): Parsed {
    const markers = new Set<Marker>();
    const terms: Term[] = [];
    let label: string | null = null;
    while (this.pos < this.xs.length) {
      const x = this.peek()!;
      const last = terms[terms.length - 1];
      // "Đến hết năm 2023" opening a text (or a clause) is a deadline, not the end of a range.
      const opening = !last || this.isSep(this.xs[this.pos - 1]);
      if (this.isSep(x)) {
        this.pos += 1;
      } else if (x.t === 'kw' && MARKERS.has(x.kw)) {
        markers.add(x.kw as Marker);
        this.pos += 1;
      } else if (x.t === 'report') {
        label = x.label;
        this.pos += 1;
      } else if (this.isKw(x, 'onwards')) {
        if (!last || last.mode === 'before' || last.mode === 'noLaterThan' || last.until) {
          throw new Unreadable(`${show(x)} does not follow a starting period`);
        }
        last.onwards = true;
        this.pos += 1;
      } else if ((this.isKw(x, 'until') && !opening) || this.isPunct(x, '-')) {
        this.pos += 1;
        // "năm 2023 - 2025": a bare year closes a range of years.
        const yearRange = last?.specs.every((sp) => sp.unit === 'year') && this.peek()?.t === 'num';
        const end = yearRange ? [{ unit: 'year' as const, year: this.year(this.next()) }] : this.period();
        if (!last || last.until || last.onwards || (last.mode !== 'in' && last.mode !== 'from') || !end) {
          throw new Unreadable(`${show(x)} does not join two periods`);
        }
        last.until = end;
      } else {
        terms.push({ ...this.modeAndPeriod(), until: null, onwards: false, label });
        label = null;
      }
    }
    if (label !== null) throw new Unreadable(`the report "${label}" has no date`);
    return { markers, terms };
  }

  private modeAndPeriod(): { mode: Mode; specs: Spec[] } {
    let mode: Mode = 'in';
    let said: Lexeme | undefined;
    for (let x = this.peek(); this.isKw(x, 'before', 'noLaterThan', 'until', 'within', 'from'); x = this.peek()) {
      said = this.next();
      const m: Mode = this.isKw(x, 'before') ? 'before' : this.isKw(x, 'noLaterThan', 'until') ? 'noLaterThan' : this.isKw(x, 'from') ? 'from' : 'in';
      // "chậm nhất trước ngày D" is still before D; "trong" adds nothing to another mode.
      if (m === 'in' || (mode === 'before' && m === 'noLaterThan')) continue;
      if (mode !== 'in' && !(mode === 'noLaterThan' && m === 'before')) throw new Unreadable(`${show(x)} contradicts the words before it`);
      mode = m;
    }
    const specs = this.period();
    if (!specs) {
      const x = this.peek();
      if (said) throw new Unreadable(`expected a period after ${show(said)} but found ${show(x)}`);
      throw new Unreadable(x?.t === 'word' ? `unknown word ${show(x)}` : `unexpected ${show(x)}`);
    }
    return { mode, specs };
  }
}

export function parseLexemes(lexemes: Lexeme[], words: TimeWords): Parsed {
  return new Parser(lexemes, words).parse();
}
