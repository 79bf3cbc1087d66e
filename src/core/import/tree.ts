/**
 * Paragraphs → an outline. Roman sections hold `1.` items, which hold lettered items, which
 * hold `-` bullets, which hold `+` bullets; a level may be skipped (a `-` right under `1.`).
 * Unnumbered paragraphs belong to the item above them.
 */
import type { Paragraph } from './paragraphs.js';
import { fieldOf, markerOf, type Field, type MarkerKind } from './markers.js';

export interface Item {
  kind: Exclude<MarkerKind, 'none'> | 'text' | 'root';
  mark: string;
  text: string;
  line: number;
  /** "Cơ quan chủ trì: …" and the like, whatever the marker. */
  field: Field | null;
  children: Item[];
}

const RANK: Record<Item['kind'], number> = { root: -1, roman: 0, num: 1, letter: 2, dash: 3, text: 3, plus: 4 };

export function buildTree(paras: readonly Paragraph[]): Item {
  const root: Item = { kind: 'root', mark: '', text: '', line: 0, field: null, children: [] };
  const stack: Item[] = [root];
  const top = (): Item => stack[stack.length - 1]!;
  for (const p of paras) {
    const m = markerOf(p.text);
    const field = fieldOf(m.rest);
    if (m.kind === 'none' && !field) {
      // A new sentence after a finished bullet is not part of that bullet: it belongs to the
      // item that holds the bullets (Hòa Bình's closing paragraph after the last "-" of V.4).
      let holder = top();
      if ((holder.kind === 'dash' || holder.kind === 'plus') && /[.!?]["”)]?$/u.test(holder.text) && stack.length > 2) {
        while (stack.length > 1 && (top().kind === 'dash' || top().kind === 'plus')) stack.pop();
        holder = top();
      }
      holder.children.push({ kind: 'text', mark: '', text: p.text, line: p.line, field: null, children: [] });
      continue;
    }
    // An unnumbered field ("Thời gian thực hiện: …" with no dash) sits where a dash would.
    const kind: Item['kind'] = m.kind === 'none' ? 'text' : m.kind;
    const item: Item = { kind, mark: m.mark, text: m.rest, line: p.line, field, children: [] };
    while (stack.length > 1 && RANK[top().kind] >= RANK[kind]) stack.pop();
    top().children.push(item);
    stack.push(item);
  }
  return root;
}
