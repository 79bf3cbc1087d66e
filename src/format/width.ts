/**
 * Terminal widths for the side-by-side text diff. Vietnamese letters may arrive decomposed
 * (seed 002 starts with a base letter plus a combining mark): a combining mark takes no
 * column, so widths count NFC code points that are not marks. East Asian wide characters
 * are not expected in these plans and count as one column.
 */
const MARK = /\p{M}/u;

export function width(s: string): number {
  let n = 0;
  for (const ch of s.normalize('NFC')) if (!MARK.test(ch)) n++;
  return n;
}

export function padEnd(s: string, cols: number): string {
  return s + ' '.repeat(Math.max(0, cols - width(s)));
}

/** Cuts a word longer than a line into line-sized pieces. */
function hardBreak(word: string, cols: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word.normalize('NFC')) {
    if (width(cur + ch) > cols) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Word-wraps text to `cols` columns (at least one line, possibly empty). */
export function wrap(text: string, cols: number): string[] {
  const lines: string[] = [];
  for (const para of text.normalize('NFC').split('\n')) {
    let cur = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const pieces = width(word) > cols ? hardBreak(word, cols) : [word];
      for (const piece of pieces) {
        if (!cur) cur = piece;
        else if (width(cur) + 1 + width(piece) <= cols) cur += ' ' + piece;
        else {
          lines.push(cur);
          cur = piece;
        }
      }
    }
    lines.push(cur);
  }
  return lines;
}

/** Cuts text to `cols` columns, ending with "…" when cut. */
export function truncate(s: string, cols: number): string {
  if (width(s) <= cols) return s;
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (width(out + ch) > cols - 1) break;
    out += ch;
  }
  return out + '…';
}
