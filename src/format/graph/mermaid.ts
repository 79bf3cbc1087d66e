/** `graph --format mermaid`: a flowchart, top-down, ids quoted safely, plan text through `mermaidText`. */
import { mermaidText as esc } from '../escape.js';
import type { GraphView } from './model.js';

const key = (id: string): string => 'n_' + id.replace(/[^A-Za-z0-9_]/g, '_');

export function graphMermaid(v: GraphView): string {
  const lines = ['flowchart TD'];
  for (const n of v.nodes) {
    const label = n.kind === 'basis' ? esc(n.title) : `${esc(n.number ?? n.id)}<br/>${esc(n.title)}`;
    lines.push(n.kind === 'basis' ? `  ${key(n.id)}[/"${label}"/]` : `  ${key(n.id)}["${label}"]`);
  }
  for (const e of v.edges) lines.push(`  ${key(e.from)} --> ${key(e.to)}`);
  return lines.join('\n') + '\n';
}
