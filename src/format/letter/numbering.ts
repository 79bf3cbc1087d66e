/**
 * A task's printed numbering as an official writes it in a letter: "II.1.a" → "điểm a mục 1
 * phần II", "III.2" → "mục 2 phần III", "II" → "phần II" (English: "point a of item 1 of part
 * II"). Plans number their content with Roman parts, Arabic items and lettered points; a
 * numbering of any other shape ("PL1.3", "1.2.3", a key such as "II.1.d-2" or a reconstruction's
 * own "N1.1") has no such reading, and none is invented: the caller names the task by its title.
 */
import type { Lang } from '../messages.js';
import { rt } from '../terms.js';

/** The parts of a numbering: Roman part, Arabic item, letter point (each optional, in that order). */
export interface Numbering {
  part: string | null;
  item: string | null;
  point: string | null;
}

const ROMAN = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ITEM = /^[1-9]\d{0,2}$/;
/** A point's letter: the Vietnamese alphabet (a ă â b c d đ … y); "d" and "đ" are two letters. */
const POINT = /^[a-zđ]$/u;

/** The numbering's parts, or null when it is not Roman part, Arabic item and letter point in that order. */
export function parseNumbering(label: string): Numbering | null {
  const text = label.normalize('NFC').trim().replace(/[.)]$/, '');
  if (!text) return null;
  const segs = text.split('.');
  const out: Numbering = { part: null, item: null, point: null };
  let i = 0;
  if (ROMAN.test(segs[i] ?? '')) out.part = segs[i++]!;
  if (ITEM.test(segs[i] ?? '')) out.item = segs[i++]!;
  if (POINT.test(segs[i] ?? '')) out.point = segs[i++]!;
  return i === segs.length ? out : null;
}

/** The phrase of parsed parts, innermost first ("điểm a mục 1 phần II"). */
export function numberingText(n: Numbering, lang: Lang): string {
  const pieces = [
    n.point !== null ? rt('letter.num.point', lang, { n: n.point }) : null,
    n.item !== null ? rt('letter.num.item', lang, { n: n.item }) : null,
    n.part !== null ? rt('letter.num.part', lang, { n: n.part }) : null,
  ].filter((p): p is string => p !== null);
  return pieces.reduce((inner, outer) => rt('letter.num.of', lang, { inner, outer }));
}

/** "II.1.a" → "điểm a mục 1 phần II"; null when the numbering has no such reading. */
export function numberingPhrase(label: string, lang: Lang = 'vi'): string | null {
  const n = parseNumbering(label);
  return n ? numberingText(n, lang) : null;
}

/**
 * Several numberings as one phrase, for a sentence listing what could not be compared: numbers
 * under one parent are gathered ("các mục 2, 3, 4, 5 phần II"), a part or item all of whose tasks
 * are listed is named once ("phần III"), groups are joined with "và". `all` is every numbering of
 * the plan, to tell whether a part is listed whole. Labels of another shape are returned apart
 * (the caller names those tasks by their titles).
 */
export function numberingList(labels: readonly string[], all: readonly string[], lang: Lang): { phrase: string | null; others: string[] } {
  const parsed = labels.map((l) => ({ l, n: parseNumbering(l) }));
  const others = parsed.filter((p) => !p.n).map((p) => p.l);
  const listed = parsed.filter((p): p is { l: string; n: Numbering } => p.n !== null).map((p) => p.n);
  const allParsed = all.map(parseNumbering).filter((n): n is Numbering => n !== null);
  // Whole containers first: a part whose every task is listed, then an item whose every task is.
  const within = (n: Numbering, c: Numbering): boolean =>
    n.part === c.part && (c.item === null || n.item === c.item) && (c.point === null || n.point === c.point);
  const whole = (c: Numbering): boolean => {
    const under = allParsed.filter((n) => within(n, c));
    return under.length > 0 && under.every((n) => listed.some((m) => same(m, n)));
  };
  const chosen: Numbering[] = [];
  for (const n of listed) {
    const part: Numbering = { part: n.part, item: null, point: null };
    const item: Numbering = { part: n.part, item: n.item, point: null };
    const pick = n.part !== null && whole(part) ? part : n.item !== null && n.point !== null && whole(item) ? item : n;
    if (!chosen.some((c) => same(c, pick))) chosen.push(pick);
  }
  // Group by container (same outer numbering, same depth), in order of first appearance.
  const groups: { key: string; depth: 'part' | 'item' | 'point'; outer: Numbering; names: string[] }[] = [];
  for (const c of chosen) {
    const depth = c.point !== null ? 'point' : c.item !== null ? 'item' : 'part';
    const outer: Numbering = depth === 'point' ? { ...c, point: null } : depth === 'item' ? { part: c.part, item: null, point: null } : { part: null, item: null, point: null };
    const key = `${depth}|${outer.part}|${outer.item}`;
    const name = c[depth]!;
    const g = groups.find((x) => x.key === key);
    if (g) g.names.push(name);
    else groups.push({ key, depth, outer, names: [name] });
  }
  const phrases = groups.map((g) => {
    if (g.names.length === 1) return numberingText({ ...g.outer, [g.depth]: g.names[0]! }, lang);
    const inner = rt(g.depth === 'point' ? 'letter.num.points' : g.depth === 'item' ? 'letter.num.items' : 'letter.num.parts', lang, { list: g.names.join(', ') });
    const outer = g.outer.part !== null || g.outer.item !== null ? numberingText(g.outer, lang) : null;
    return outer ? rt('letter.num.of', lang, { inner, outer }) : inner;
  });
  return { phrase: phrases.length ? joinAnd(phrases, lang) : null, others };
}

const same = (a: Numbering, b: Numbering): boolean => a.part === b.part && a.item === b.item && a.point === b.point;

/** "A, B và C" / "A, B and C". */
export function joinAnd(items: readonly string[], lang: Lang): string {
  return joinWith(items, 'letter.and', lang);
}

/** "A, B hoặc C" with the conjunction given. */
export function joinWith(items: readonly string[], conjunction: 'letter.and' | 'letter.or', lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${rt(conjunction, lang)} ${items[items.length - 1]}`;
}
