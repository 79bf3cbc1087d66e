/**
 * The body of a letter as a flat list of blocks, numbered as công văn number them: sections (one per
 * parent, only when there are several) in Roman numerals, groups in Arabic numerals within their
 * section, observations as "-" items. The three renderers lay out the same list.
 */
import type { LetterModel } from './model.js';

export type Block =
  | { kind: 'section'; text: string }
  | { kind: 'group'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; text: string };

const ROMAN: [number, string][] = [[40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

export function bodyBlocks(letter: LetterModel): Block[] {
  const out: Block[] = [{ kind: 'para', text: letter.opening }];
  let s = 0;
  for (const section of letter.sections) {
    if (section.heading !== null) out.push({ kind: 'section', text: `${roman(++s)}. ${section.heading}` });
    for (const p of section.paragraphs) out.push({ kind: 'para', text: p });
    section.groups.forEach((g, i) => {
      out.push({ kind: 'group', text: `${i + 1}. ${g.heading}` });
      for (const item of g.items) out.push({ kind: 'item', text: item.text });
    });
  }
  out.push({ kind: 'para', text: letter.closing });
  return out;
}
