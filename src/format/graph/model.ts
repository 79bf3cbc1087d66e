/** The graph as plain data, the input of every graph formatter. */
import { cmp, type DerivationGraph } from '../../core/graph/derivation.js';

export interface GraphView {
  nodes: { id: string; kind: 'plan' | 'basis'; number: string | null; title: string; level: string | null; file: string | null }[];
  edges: { from: string; to: string }[];
}

export function graphView(g: DerivationGraph, order: readonly string[]): GraphView {
  const bases = g.filterNodes((_, a) => a.kind === 'basis').sort(cmp);
  const nodes = [...bases, ...order].map((id) => {
    const a = g.getNodeAttributes(id);
    return { id, kind: a.kind, number: a.number, title: a.title, level: a.level, file: a.file };
  });
  const edges = g
    .mapEdges((_, __, from, to) => ({ from, to }))
    .sort((x, y) => cmp(x.from, y.from) || cmp(x.to, y.to));
  return { nodes, edges };
}
