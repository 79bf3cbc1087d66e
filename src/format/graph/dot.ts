/** `graph --format dot`: Graphviz, legal bases as notes; control characters in plan text shown escaped. */
import { visibleControls } from '../escape.js';
import type { GraphView } from './model.js';

const q = (s: string): string => `"${visibleControls(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function graphDot(v: GraphView): string {
  const lines = ['digraph kehoach {', '  rankdir=TB;', '  node [shape=box, fontname="DejaVu Sans"];'];
  for (const n of v.nodes) {
    const label = n.kind === 'basis' ? n.title : `${n.number ?? n.id}\\n${n.title}`;
    lines.push(`  ${q(n.id)} [label=${q(label).replace(/\\\\n/g, '\\n')}${n.kind === 'basis' ? ', shape=note' : ''}];`);
  }
  for (const e of v.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
