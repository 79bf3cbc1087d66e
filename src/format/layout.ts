/**
 * Lays out the audit's derivation graph with dagre (graphology has no layered layout).
 * Node sizes are estimated from the label length, since there is no font to measure in a
 * pure function; the SVG draws text at a size these estimates leave room for. Nodes and
 * edges are added in a fixed order, so the layout is deterministic.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from './review-types.js';
import type { Level } from '../core/model/plan.js';

export interface LayoutInput {
  nodes: { id: string; lines: string[]; level: Level; depth: number; score: number | null }[];
  edges: { from: string; to: string }[];
}

/** Average advance of a 12px sans-serif glyph, with a margin for Vietnamese diacritics. */
const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 16;
const PAD_X = 12;
const PAD_Y = 8;

const round = (n: number): number => Math.round(n * 10) / 10;

export function layoutGraph(input: LayoutInput): { width: number; height: number; nodes: GraphNode[]; edges: GraphEdge[] } {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) {
    const chars = Math.max(...n.lines.map((l) => [...l].length), 4);
    g.setNode(n.id, { width: Math.ceil(chars * CHAR_WIDTH + 2 * PAD_X), height: n.lines.length * LINE_HEIGHT + 2 * PAD_Y });
  }
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

/** "Ủy ban nhân dân thị xã Bỉm Sơn" → "UBND thị xã Bỉm Sơn": the graph has little room. */
export function shortIssuer(issuer: string): string {
  return issuer.normalize('NFC').replace(/^(ủy|uỷ) ban nhân dân/iu, 'UBND');
}
