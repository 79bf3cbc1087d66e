/** `graph --format mermaid`: a flowchart, top-down, ids quoted safely. */
import type { GraphView } from './model.js';

const esc = (s: string): string => s.replace(/"/g, '#quot;');
const key = (id: string): string => 'n_' + id.replace(/[^A-Za-z0-9_]/g, '_');

export function graphMermaid(v: GraphView): string {
  const lines = ['flowchart TD'];
  for (const n of v.nodes) {
    const label = n.kind === 'basis' ? n.title : `${n.number ?? n.id}<br/>${n.title}`;
    lines.push(n.kind === 'basis' ? `  ${key(n.id)}[/"${esc(label)}"/]` : `  ${key(n.id)}["${esc(label)}"]`);
  }
  for (const e of v.edges) lines.push(`  ${key(e.from)} --> ${key(e.to)}`);
  return lines.join('\n') + '\n';
}
