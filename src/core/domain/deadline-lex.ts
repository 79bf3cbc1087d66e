/**
 * Lexer of deadline texts. Works on canonical tokens (words, digit runs, single punctuation
 * marks), so whitespace, Unicode form and tone placement never change the result. Applies the
 * vocabulary by longest match, then takes out what is kept beside the date: conditions,
 * qualifiers and durations. Everything it does not know stays a plain word, which the grammar
 * reports as unreadable (nothing is guessed).
 */
import { canonical } from './canonical.js';
import type { Lexeme } from './deadline-types.js';
import { type Keyword, KEYWORDS, type TimeWords } from './time-words.js';

interface Raw {
  kind: 'word' | 'num' | 'punct';
  text: string;
  key: string;
}

/** What a vocabulary phrase stands for. */
type Entry =
  | { c: 'kw'; kw: Keyword }
  | { c: 'report'; label: string }
  | { c: 'qualifier'; name: string }
  | { c: 'condition' };

type Item = { c: 'raw'; raw: Raw } | (Entry & { raws: Raw[] });

export interface Lexed {
  lexemes: Lexeme[];
  qualifiers: string[];
  conditions: string[];
  durations: string[];
}

// Digits are ASCII only: other numerals ("²", "٣") are symbols the grammar rejects.
const TOKEN = /[\p{L}\p{M}]+|[0-9]+|\S/gu;

function rawTokens(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of canonical(text).matchAll(TOKEN)) {
    const t = m[0];
    if (/^[0-9]/.test(t)) out.push({ kind: 'num', text: t, key: t.replace(/^0+(?=\d)/, '') });
    else if (/^[\p{L}\p{M}]/u.test(t)) out.push({ kind: 'word', text: t, key: t.toLowerCase() });
    else out.push({ kind: 'punct', text: t, key: t });
  }
  return out;
}

/** Rebuilds text from tokens with normal spacing, so that the kept text does not depend on the input's. */
export function render(raws: Raw[]): string {
  let s = '';
  raws.forEach((r, i) => {
    const prev = raws[i - 1];
    const tight = !prev || /^[,.;:)!?/]$/.test(r.text) || prev.text === '(' || prev.text === '/';
    s += (tight ? '' : ' ') + r.text;
  });
  return s;
}

type Index = Map<string, { keys: string[]; entry: Entry }[]>;
const indexes = new WeakMap<TimeWords, Index>();

function phraseIndex(words: TimeWords): Index {
  const known = indexes.get(words);
  if (known) return known;
  const index: Index = new Map();
  const add = (phrase: string, entry: Entry): void => {
    const keys = rawTokens(phrase).map((r) => r.key);
    const first = keys[0];
    if (first === undefined) return;
    const list = index.get(first) ?? [];
    list.push({ keys, entry });
    list.sort((a, b) => b.keys.length - a.keys.length); // longest phrase first
    index.set(first, list);
  };
  for (const kw of KEYWORDS) for (const p of words.keywords[kw]) add(p, { c: 'kw', kw });
  for (const r of words.reports) add(r.phrase, { c: 'report', label: r.label });
  for (const q of words.qualifiers) for (const p of q.phrases) add(p, { c: 'qualifier', name: q.name });
  for (const p of words.conditionOpeners) add(p, { c: 'condition' });
  indexes.set(words, index);
  return index;
}

function match(raws: Raw[], index: Index): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < raws.length; ) {
    const raw = raws[i]!;
    const hit = index.get(raw.key)?.find((p) => p.keys.every((k, j) => raws[i + j]?.key === k));
    if (hit) {
      items.push({ ...hit.entry, raws: raws.slice(i, i + hit.keys.length) });
      i += hit.keys.length;
    } else {
      items.push({ c: 'raw', raw });
      i += 1;
    }
  }
  return items;
}

const isPunct = (it: Item | undefined, ch: string): boolean => it?.c === 'raw' && it.raw.key === ch;
const rawsOf = (it: Item): Raw[] => (it.c === 'raw' ? [it.raw] : it.raws);

/**
 * Takes conditions out, left to right in one pass. A condition runs from its opener to the
 * parenthesis closing around it; outside parentheses, to the end, unless a later ","/";" is
 * followed only by time vocabulary with a number ("Sau khi có hướng dẫn, trong năm 2024"):
 * then it stops there. Linear, so that no input can make it slow.
 */
function takeConditions(items: Item[]): { rest: Item[]; conditions: string[] } {
  const n = items.length;
  const depthBefore: number[] = [];
  const timeOnlyFrom: boolean[] = new Array<boolean>(n + 1).fill(true);
  const numberFrom: boolean[] = new Array<boolean>(n + 1).fill(false);
  for (let i = 0, d = 0; i < n; i++) {
    depthBefore.push(d);
    d += isPunct(items[i], '(') ? 1 : isPunct(items[i], ')') ? -1 : 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    const it = items[i]!;
    timeOnlyFrom[i] = timeOnlyFrom[i + 1]! && (it.c === 'kw' || (it.c === 'raw' && it.raw.kind !== 'word'));
    numberFrom[i] = numberFrom[i + 1]! || (it.c === 'raw' && it.raw.kind === 'num');
  }
  const end = (k: number): number => {
    if (depthBefore[k]! > 0) {
      for (let i = k + 1, d = 1; i < n; i++) {
        d += isPunct(items[i], '(') ? 1 : isPunct(items[i], ')') ? -1 : 0;
        if (d === 0) return i;
      }
      return n;
    }
    for (let s = k + 1; s < n; s++) {
      if ((isPunct(items[s], ',') || isPunct(items[s], ';')) && timeOnlyFrom[s + 1] && numberFrom[s + 1]) return s;
    }
    return n;
  };
  const rest: Item[] = [];
  const conditions: string[] = [];
  for (let k = 0; k < n; ) {
    if (items[k]!.c !== 'condition') {
      rest.push(items[k++]!);
      continue;
    }
    const stop = end(k);
    conditions.push(render(items.slice(k, stop).flatMap(rawsOf)).replace(/[\s.,;]+$/u, ''));
    k = stop;
  }
  return { rest, conditions };
}

const UNIT_KWS: ReadonlySet<Keyword> = new Set(['quarter', 'month', 'year', 'day', 'firstHalf', 'secondHalf']);

/** "01 buổi": a number with a unit, neither the argument of a unit word nor followed by one. */
function isDuration(items: Item[], i: number, units: ReadonlySet<string>): boolean {
  const [prev, cur, unit, after] = [items[i - 1], items[i], items[i + 1], items[i + 2]];
  if (cur?.c !== 'raw' || cur.raw.kind !== 'num' || !unit) return false;
  const unitKey = rawsOf(unit).map((r) => r.key).join(' ');
  if (!units.has(unitKey) || !(unit.c === 'raw' || unit.c === 'kw')) return false;
  if (prev && ((prev.c === 'kw' && UNIT_KWS.has(prev.kw)) || isPunct(prev, '/'))) return false;
  return !(after?.c === 'raw' && (after.raw.kind === 'num' || after.raw.key === '/'));
}

// Punctuation with no meaning for the date: brackets (their content already taken out or kept
// transparently, "Hằng năm (hàng năm)"), the field label's colon, Markdown emphasis.
const IGNORED = new Set(['(', ')', ':', '*']);

export function lex(text: string, words: TimeWords): Lexed {
  const taken = takeConditions(match(rawTokens(text), phraseIndex(words)));
  const conditions = taken.conditions;
  let items = taken.rest;
  const qualifiers: string[] = [];
  for (const it of items) if (it.c === 'qualifier' && !qualifiers.includes(it.name)) qualifiers.push(it.name);
  items = items.filter((it) => it.c !== 'qualifier');

  const units = new Set(words.durationUnits.map((u) => rawTokens(u).map((r) => r.key).join(' ')));
  const durations: string[] = [];
  const kept: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!isDuration(items, i, units)) {
      kept.push(items[i]!);
      continue;
    }
    const last = kept[kept.length - 1];
    if (last?.c === 'kw' && last.kw === 'within') kept.pop(); // "trong 02 tháng" is all duration
    durations.push(render([...rawsOf(items[i]!), ...rawsOf(items[i + 1]!)]));
    i += 1;
  }

  const lexemes: Lexeme[] = [];
  for (const it of kept) {
    if (it.c === 'kw' && it.kw !== 'filler') lexemes.push({ t: 'kw', kw: it.kw, fold: it.raws.map((r) => r.key).join(' ') });
    else if (it.c === 'report') lexemes.push({ t: 'report', label: it.label, fold: it.raws.map((r) => r.key).join(' ') });
    else if (it.c === 'raw' && it.raw.kind === 'num') lexemes.push({ t: 'num', value: Number(it.raw.key), digits: it.raw.text });
    else if (it.c === 'raw' && it.raw.kind === 'word') lexemes.push({ t: 'word', fold: it.raw.key });
    else if (it.c === 'raw' && !IGNORED.has(it.raw.key)) lexemes.push({ t: 'punct', ch: it.raw.key });
  }
  return { lexemes, qualifiers, conditions, durations };
}
