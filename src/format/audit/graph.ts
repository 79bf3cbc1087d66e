/**
 * What an audit page draws of its derivation graph, laid out only here (the HTML page is the one
 * format that draws it): the whole graph when it has at most `limit` plans, a size a person can
 * read (a province with its districts and communes); above that, one picture per direct child of
 * the audited plan that has plans of its own below it (a province in a national audit), each of
 * at most `limit` plans; larger ones are left out. The page says which (html.ts).
 *
 * The whole graph is laid out by layout.ts `layoutGraph` (dagre); the pictures of a larger audit in
 * plain rows, one per layer (`layeredLayout`, linear): dagre took 7.8 s for the 57 provinces of a
 * 10,000-plan national audit (about 0.14 s for a province of 175 plans), more than the audit's own work.
 */
import type { AuditReport } from '../review-types.js';
import { layeredLayout, layoutGraph, longestPathRanks, type Layout, type LayoutInput } from '../layout.js';

export interface GraphPictures {
  /** The whole graph in one picture. */
  whole: boolean;
  /** Plans in the whole graph. */
  plans: number;
  /** Pictures left out: more than `limit` plans each. */
  omitted: number;
  /** `plan`: the plan at the top of the picture (null for the whole graph). Laid out when read. */
  pictures: { plan: string | null; layout: () => Layout }[];
}

type Graph = AuditReport['graph'];

/** `rows`: every picture in plain rows, dagre never (the pages of a split audit: 57 dagre layouts took 7 s and 400 MB more). */
export function graphPictures(graph: Graph, root: string, limit: number, rows = false): GraphPictures {
  const plans = graph.nodes.length;
  if (plans <= limit) return { whole: true, plans, omitted: 0, pictures: [{ plan: null, layout: () => (rows ? layeredLayout(graph, longestPathRanks(graph)) : layoutGraph(graph)) }] };
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const out = new Map<string, number[]>();
  graph.edges.forEach((e, i) => {
    const list = out.get(e.from);
    if (list) list.push(i);
    else out.set(e.from, [i]);
  });
  const pictures: GraphPictures['pictures'] = [];
  let omitted = 0;
  for (const i of out.get(root) ?? []) {
    const top = graph.edges[i]!.to;
    if (!out.has(top)) continue;
    const sub = subgraph(graph, top, out, position, limit);
    if (sub) pictures.push({ plan: top, layout: () => layeredLayout(sub, longestPathRanks(sub)) });
    else omitted++;
  }
  return { whole: false, plans, omitted, pictures };
}

/** `top` and every plan below it, in the graph's order, with the edges among them; null past `limit` plans. */
function subgraph(graph: Graph, top: string, out: Map<string, number[]>, position: Map<string, number>, limit: number): LayoutInput | null {
  const seen = new Set([top]);
  const edges: number[] = [];
  const queue = [top];
  for (let q = 0; q < queue.length; q++) {
    for (const i of out.get(queue[q]!) ?? []) {
      const to = graph.edges[i]!.to;
      edges.push(i);
      if (seen.has(to)) continue;
      if (seen.size >= limit) return null;
      seen.add(to);
      queue.push(to);
    }
  }
  const nodes = [...seen].map((id) => position.get(id)!).sort((a, b) => a - b).map((i) => graph.nodes[i]!);
  return { nodes, edges: edges.sort((a, b) => a - b).map((i) => graph.edges[i]!) };
}
