/** `graph --format json`: {"nodes":[{"id","number","title","level","file"}],"edges":[{"from","to"}]}. */
import type { GraphView } from './model.js';

export function graphJson(v: GraphView): string {
  const nodes = v.nodes.map(({ id, kind, number, title, level, file }) => ({ id, number, title, level, file, kind }));
  return JSON.stringify({ nodes, edges: v.edges }, null, 2) + '\n';
}
