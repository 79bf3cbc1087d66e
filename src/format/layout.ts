/**
 * Lays out the audit's derivation graph with dagre (graphology has no layered layout).
 * Node sizes are estimated from the label length, since there is no font to measure in a
 * pure function; the SVG draws text at a size these estimates leave room for. Nodes and
 * edges are added in a fixed order, so the layout is deterministic.
 *
 * dagre walks the graph recursively, once per node and per layer an edge crosses, and its time
 * grows fast with both: a chain of 2 000 plans overflows the stack, and a few hundred plans each
 * based on all those above it take minutes. A graph larger than DAGRE_LIMIT (nodes plus the
 * layers its edges cross) is laid out by `layeredLayout` instead: plans in rows by their longest
 * path from the top, in the order given, edges drawn straight. Both are deterministic.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphLabel, GraphNode } from './review-types.js';

export interface LayoutInput {
  nodes: readonly GraphLabel[];
  edges: readonly { from: string; to: string }[];
}

/** Average advance of a 12px sans-serif glyph, with a margin for Vietnamese diacritics. */
const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 16;
const PAD_X = 12;
const PAD_Y = 8;

const round = (n: number): number => Math.round(n * 10) / 10;

export interface Layout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const NODE_SEP = 24;
const RANK_SEP = 48;
const MARGIN = 8;

/** Past this size (nodes, plus for each edge the layers it crosses) dagre is not used. */
export const DAGRE_LIMIT = 1500;

function nodeSize(n: LayoutInput['nodes'][number]): { width: number; height: number } {
  let chars = 4;
  for (const l of n.lines) chars = Math.max(chars, [...l].length);
  return { width: Math.ceil(chars * CHAR_WIDTH + 2 * PAD_X), height: n.lines.length * LINE_HEIGHT + 2 * PAD_Y };
}

/**
 * Each node's layer: the length of the longest path to it from a node without parents (Kahn's
 * order, no recursion). Nodes on a cycle (none in a derivation graph) go one layer below the rest.
 */
export function longestPathRanks(input: LayoutInput): Map<string, number> {
  const ids = new Set(input.nodes.map((n) => n.id));
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>([...ids].map((id) => [id, 0]));
  for (const e of input.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const rank = new Map<string, number>();
  const queue = [...ids].filter((id) => indegree.get(id) === 0);
  for (const id of queue) rank.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const c of out.get(id) ?? []) {
      rank.set(c, Math.max(rank.get(c) ?? 0, rank.get(id)! + 1));
      const left = indegree.get(c)! - 1;
      indegree.set(c, left);
      if (left === 0) queue.push(c);
    }
  }
  let deepest = -1;
  for (const r of rank.values()) deepest = Math.max(deepest, r);
  for (const id of ids) if (indegree.get(id)! > 0) rank.set(id, deepest + 1);
  return rank;
}

/** What dagre would walk: the nodes, and for each edge the layers it crosses (its dummy nodes and their edges). */
export function layoutSize(input: LayoutInput, rank: Map<string, number>): number {
  let size = input.nodes.length;
  for (const e of input.edges) size += Math.max(1, Math.abs((rank.get(e.to) ?? 0) - (rank.get(e.from) ?? 0)));
  return size;
}

export function layoutGraph(input: LayoutInput): Layout {
  const rank = longestPathRanks(input);
  if (layoutSize(input, rank) > DAGRE_LIMIT) return layeredLayout(input, rank);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, nodeSize(n));
  for (const e of input.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const nodes: GraphNode[] = input.nodes.map((n) => {
    const l = g.node(n.id) as { x: number; y: number; width: number; height: number };
    return { ...n, x: round(l.x), y: round(l.y), width: l.width, height: l.height };
  });
  const edges: GraphEdge[] = input.edges.map((e) => {
    const l = g.edge(e.from, e.to) as { points?: { x: number; y: number }[] };
    return { ...e, points: (l.points ?? []).map((p) => ({ x: round(p.x), y: round(p.y) })) };
  });
  const label = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
}

/**
 * The layout of a graph too large for dagre: one row per layer (`rank`), nodes left to right in
 * the order given, each row centred on the widest; an edge goes straight from the bottom of its
 * parent to the top of its child. Linear in the size of the graph.
 */
export function layeredLayout(input: LayoutInput, rank: Map<string, number>): Layout {
  const rows: { ids: string[]; width: number; height: number }[] = [];
  const size = new Map(input.nodes.map((n) => [n.id, nodeSize(n)]));
  for (const n of input.nodes) {
    const r = rank.get(n.id) ?? 0;
    while (rows.length <= r) rows.push({ ids: [], width: 0, height: 0 });
    const row = rows[r]!;
    const s = size.get(n.id)!;
    row.width += (row.ids.length ? NODE_SEP : 0) + s.width;
    row.height = Math.max(row.height, s.height);
    row.ids.push(n.id);
  }
  let widest = 0;
  for (const row of rows) widest = Math.max(widest, row.width);
  const at = new Map<string, { x: number; y: number }>();
  let top = MARGIN;
  for (const row of rows) {
    let left = MARGIN + (widest - row.width) / 2;
    for (const id of row.ids) {
      const s = size.get(id)!;
      at.set(id, { x: round(left + s.width / 2), y: round(top + row.height / 2) });
      left += s.width + NODE_SEP;
    }
    top += row.height + RANK_SEP;
  }
  const nodes: GraphNode[] = input.nodes.map((n) => ({ ...n, ...at.get(n.id)!, ...size.get(n.id)! }));
  const edges: GraphEdge[] = input.edges.map((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return { ...e, points: [] };
    return { ...e, points: [{ x: a.x, y: round(a.y + size.get(e.from)!.height / 2) }, { x: b.x, y: round(b.y - size.get(e.to)!.height / 2) }] };
  });
  const height = rows.length ? top - RANK_SEP + MARGIN : 2 * MARGIN;
  return { width: Math.ceil(widest + 2 * MARGIN), height: Math.ceil(height), nodes, edges };
}
