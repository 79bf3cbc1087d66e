/**
 * `graph --format text`: an indented tree from each root; a plan with several parents appears
 * under each. Its own plans are listed the first time only: where it appears again, a " ↑" after
 * it says they are listed above (so plans that share parents level after level cannot make the
 * tree grow exponentially). Below depth MAX_INDENT the indent stops growing and each line shows its
 * depth as "(n)" instead, so a chain of thousands of plans prints in lines of bounded width.
 * The walk is iterative: no depth overflows the stack. Plan text goes through `terminalText`.
 */
import { cmp } from '../../core/graph/derivation.js';
import { terminalText } from '../escape.js';
import type { GraphView } from './model.js';

export const MAX_INDENT = 40;

export function graphText(v: GraphView): string {
  const byId = new Map(v.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of v.edges) {
    const list = children.get(e.from);
    if (list) list.push(e.to);
    else children.set(e.from, [e.to]);
    hasParent.add(e.to);
  }
  for (const list of children.values()) list.sort(cmp);
  const lines: string[] = [];
  const expanded = new Set<string>();
  const print = (id: string, depth: number, again: boolean): void => {
    const n = byId.get(id)!;
    const what = n.kind === 'basis' ? `[${n.title}]` : `${n.id}${n.number ? ` (${n.number})` : ''} · ${n.level} · ${n.title}`;
    const deep = depth > MAX_INDENT ? `(${depth}) ` : '';
    lines.push(`${'  '.repeat(Math.min(depth, MAX_INDENT))}${depth ? '└─ ' : ''}${deep}${terminalText(what)}${again ? ' ↑' : ''}`);
  };
  const walk = (root: string): void => {
    // Depth-first, children in id order, with a stack of (node, depth) to visit next.
    const stack: [string, number][] = [[root, 0]];
    while (stack.length) {
      const [id, depth] = stack.pop()!;
      const kids = children.get(id) ?? [];
      const again = expanded.has(id) && kids.length > 0;
      print(id, depth, again);
      if (again || expanded.has(id)) continue;
      expanded.add(id);
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
    }
  };
  // Roots: plan roots first, then legal bases whose children have no plan parent.
  const roots = v.nodes.filter((n) => !hasParent.has(n.id));
  const planRoots = roots.filter((n) => n.kind === 'plan').map((n) => n.id);
  const basisRoots = roots.filter((n) => n.kind === 'basis').map((n) => n.id);
  for (const r of [...planRoots, ...basisRoots]) walk(r);
  return lines.join('\n') + '\n';
}
