/** `graph --format text`: an indented tree from each root; a plan with several parents appears under each. */
import { cmp } from '../../core/graph/derivation.js';
import type { GraphView } from './model.js';

export function graphText(v: GraphView): string {
  const byId = new Map(v.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of v.edges) {
    children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
    hasParent.add(e.to);
  }
  const lines: string[] = [];
  const visit = (id: string, depth: number, seen: Set<string>): void => {
    const n = byId.get(id)!;
    const what = n.kind === 'basis' ? `[${n.title}]` : `${n.id}${n.number ? ` (${n.number})` : ''} · ${n.level} · ${n.title}`;
    lines.push(`${'  '.repeat(depth)}${depth ? '└─ ' : ''}${what}`);
    if (seen.has(id)) return;
    for (const c of [...(children.get(id) ?? [])].sort(cmp)) visit(c, depth + 1, new Set([...seen, id]));
  };
  // Roots: plan roots first, then legal bases whose children have no plan parent.
  const roots = v.nodes.filter((n) => !hasParent.has(n.id));
  const planRoots = roots.filter((n) => n.kind === 'plan').map((n) => n.id);
  const basisRoots = roots.filter((n) => n.kind === 'basis').map((n) => n.id);
  for (const r of [...planRoots, ...basisRoots]) visit(r, 0, new Set());
  return lines.join('\n') + '\n';
}
