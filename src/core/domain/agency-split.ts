/**
 * Splitting a written list of agencies. Commas separate agencies but also sit inside
 * names ("Bộ Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã, thành phố"), so the
 * ontology decides: at each item the longest known name (with its locality words) is
 * read first, and only the separators after it count.
 * - "," after a known name ends the item; "và" ends it only when a known name follows.
 * - A known name followed by anything else is a name with a verb phrase ("Sở Nội vụ phối
 *   hợp với các cơ quan, đơn vị liên quan tham mưu …"): the rest of the clause is its tail.
 * - An unknown item runs to the next comma (or "và" + a known name).
 * ";" and ":" always separate. Parenthesised asides never split.
 */
import type { Ontology } from './ontology-compile.js';
import { between, maskAsides, tokenise, type Tokenised } from './agency-tokens.js';
import { leadingAt, matchAt, placeAt, type Ctx } from './agency-match.js';
import type { AgencyLevel } from './ontology-schema.js';
import type { Member } from './ontology-compile.js';
import { longest } from './trie.js';

const NO_CTX: Ctx = { level: null, on: null, jurisdiction: null };

/** Word index just after the agency written at word w, or null when none is known there. */
export function knownEnd(o: Ontology, t: Tokenised, w: number, executive: (l: AgencyLevel) => Member | undefined): number | null {
  const { at } = leadingAt(o, t, w);
  const m = matchAt(o, t, at, NO_CTX) ?? headed(o, t, at) ?? placeAt(o, t, at, NO_CTX, executive);
  return m ? m.end : null;
}

function headed(o: Ontology, t: Tokenised, at: number) {
  const h = longest(o.heads, t.words, at);
  return h ? matchAt(o, t, h.end, NO_CTX) : null;
}

/**
 * Separators and bullets dropped at both ends. The end is trimmed scanning back from it: an
 * end-anchored expression (/[\s,.;:]+$/) is tried at every character of a long run, and a list
 * written as ", , , …" a megabyte long took minutes.
 */
function clean(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  const start = /^[\s,.;:+\-–•*]*/u.exec(one)![0].length;
  let end = one.length;
  while (end > start && TRAILING.has(one[end - 1]!)) end--;
  return one.slice(start, end).trim();
}
const TRAILING = new Set([' ', ',', '.', ';', ':']);

/** Is there a "và" written between raw tokens a and b? */
const vaBetween = (t: Tokenised, a: number, b: number): boolean => {
  for (let r = a + 1; r < b; r++) if (t.raw[r]!.folded === 'và') return true;
  return false;
};

function splitPart(o: Ontology, part: string, executive: (l: AgencyLevel) => Member | undefined): string[] {
  const t = tokenise(part, o.abbreviations);
  const out: string[] = [];
  if (!t.words.length) return clean(part) ? [clean(part)] : [];
  let startChar = t.raw[t.src[0]!]!.start;
  let i = 0;
  const cut = (to: number, next: number, nextWord: number): void => {
    out.push(clean(part.slice(startChar, to)));
    startChar = t.raw[next]!.start;
    i = nextWord;
  };
  while (i < t.words.length) {
    const end = knownEnd(o, t, i, executive);
    let k = end ?? i + 1;
    let done = false;
    for (; k < t.words.length; k++) {
      const prev = t.src[k - 1]!;
      const next = t.src[k]!;
      if (prev === next) continue;
      const sep = between(t, prev, next);
      const va = vaBetween(t, prev, next);
      const comma = sep.indexOf(',');
      if (comma >= 0 && !va && (end === null || k === end)) {
        cut(t.raw[prev]!.end + comma, next, k);
        done = true;
        break;
      }
      if ((va || comma >= 0) && (end === null || k === end) && knownEnd(o, t, k, executive) !== null) {
        cut(comma >= 0 ? t.raw[prev]!.end + comma : t.raw[prev]!.end, next, k);
        done = true;
        break;
      }
      // After a known name anything else is its tail: the clause stays whole.
      if (end !== null) break;
    }
    if (!done) {
      out.push(clean(part.slice(startChar)));
      break;
    }
  }
  return out.filter(Boolean);
}

export function splitWith(o: Ontology, text: string, executive: (l: AgencyLevel) => Member | undefined): string[] {
  const masked = maskAsides(text);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === ';' || masked[i] === ':') {
      const part = text.slice(from, i);
      if (part.trim()) for (const name of splitPart(o, part, executive)) out.push(name); // not push(...): a list may hold 100,000 names
      from = i + 1;
    }
  }
  return out;
}
