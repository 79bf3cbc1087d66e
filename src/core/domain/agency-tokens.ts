/**
 * Tokens for agency names. Names and texts go through the same function, so a table
 * name and a written name compare equal exactly when their canonical words do: tone
 * placement, NFC/NFD, case, spacing, punctuation and the word "và" never matter
 * ("Phòng Văn hoá, Thông tin" = "Phòng Văn hóa và Thông tin"), and abbreviations are
 * expanded ("UBND" = "Ủy ban nhân dân"). Each word remembers the written token it
 * came from, so a match can be cut back out of the original text.
 */
import { foldKey } from './canonical.js';

export interface RawToken {
  /** Offsets in the original string. */
  start: number;
  end: number;
  /** First character is upper case as written (place names after "huyện", "thị xã"…). */
  upper: boolean;
  /** The folded word as written (before abbreviation expansion): "và", "ubnd"… */
  folded: string;
}

export interface Tokenised {
  text: string;
  /** The text with parenthesised asides blanked out (same length as `text`). */
  masked: string;
  raw: RawToken[];
  /** Canonical words after expansion, "và" dropped. */
  words: string[];
  /** words[i] came from raw[src[i]]. */
  src: number[];
}

export type Abbreviations = ReadonlyMap<string, readonly string[]>;

// Soft hyphens and zero-width characters (PDF extraction) stay inside a word; foldKey drops them.
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]+/gu;
const DROPPED = new Set(['và']);

// foldKey runs several regular expressions; the vocabulary of agency names is small,
// so folded words are memoised (bounded, cleared when full).
const foldCache = new Map<string, string>();
function foldWord(w: string): string {
  let f = foldCache.get(w);
  if (f === undefined) {
    f = foldKey(w);
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(w, f);
  }
  return f;
}

/**
 * Parenthesised asides ("Sở Tư pháp (cơ quan thường trực …)") qualify a name without
 * changing it: blank them (and an unclosed one to the end) so they neither match nor split.
 */
export function maskAsides(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    const masked = depth > 0;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    out += masked || ch === ')' || ch === ']' ? ' '.repeat(ch.length) : ch;
  }
  return out;
}

export function tokenise(text: string, abbreviations: Abbreviations): Tokenised {
  const masked = maskAsides(text);
  const raw: RawToken[] = [];
  const words: string[] = [];
  const src: number[] = [];
  for (const m of masked.matchAll(WORD)) {
    const w = m[0];
    const folded = foldWord(w);
    if (!folded) continue;
    const index = raw.length;
    const first = w.normalize('NFC').charAt(0);
    raw.push({ start: m.index, end: m.index + w.length, upper: first !== first.toLowerCase(), folded });
    if (DROPPED.has(folded)) continue;
    const expansion = abbreviations.get(folded);
    for (const x of expansion ?? [folded]) {
      words.push(x);
      src.push(index);
    }
  }
  return { text, masked, raw, words, src };
}

/** The canonical words of a name (for table keys). */
export function nameWords(name: string, abbreviations: Abbreviations): string[] {
  return tokenise(name, abbreviations).words;
}

/** Index of the first word that comes from raw token `r` or later (words.length if none). */
export function wordAtRaw(t: Tokenised, r: number): number {
  let lo = 0;
  let hi = t.src.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.src[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Raw index just after the word range ending at word index `w` (exclusive). */
export function rawAfter(t: Tokenised, w: number): number {
  return w === 0 ? 0 : t.src[w - 1]! + 1;
}

/** The separator characters written between raw tokens a and b (asides blanked). */
export function between(t: Tokenised, a: number, b: number): string {
  const from = t.raw[a]?.end ?? 0;
  const to = t.raw[b]?.start ?? t.masked.length;
  return t.masked.slice(from, to);
}
