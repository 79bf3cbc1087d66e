/**
 * Graphs no real corpus has (issue 16): chains thousands of plans deep and plans that share
 * parents level after level. The text tree and the audit's layout must neither overflow the
 * stack nor grow without bound; ordinary graphs keep their output (tests/graph/graph.test.ts,
 * tools/compare-outputs.ts).
 */
import { describe, expect, it } from 'vitest';
import type { GraphView } from '../../src/format/graph/model.js';
import { graphText, MAX_INDENT } from '../../src/format/graph/text.js';
import { DAGRE_LIMIT, layoutGraph, layoutSize, longestPathRanks, type LayoutInput } from '../../src/format/layout.js';

const plan = (id: string): GraphView['nodes'][number] => ({ id, kind: 'plan', number: null, title: `Kế hoạch ${id}`, level: 'province', file: null });

function chain(n: number): GraphView {
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(5, '0')}`);
  return { nodes: ids.map(plan), edges: ids.slice(1).map((to, i) => ({ from: ids[i]!, to })) };
}

/** `levels` levels of two plans, each based on both plans of the level above: 2^levels paths. */
function diamonds(levels: number): GraphView {
  const id = (l: number, s: string): string => `d${String(l).padStart(3, '0')}${s}`;
  const nodes = [];
  const edges = [];
  for (let l = 0; l < levels; l++) {
    for (const s of ['a', 'b']) {
      nodes.push(plan(id(l, s)));
      if (l) for (const p of ['a', 'b']) edges.push({ from: id(l - 1, p), to: id(l, s) });
    }
  }
  return { nodes, edges };
}

describe('graph --format text', () => {
  it('draws a chain of 20 000 plans: one line each, indent bounded, depth shown past it', () => {
    const out = graphText(chain(20000)).trimEnd().split('\n');
    expect(out).toHaveLength(20000);
    expect(out[1]).toBe('  └─ p00001 · province · Kế hoạch p00001');
    expect(out[MAX_INDENT]).toBe(`${'  '.repeat(MAX_INDENT)}└─ p${String(MAX_INDENT).padStart(5, '0')} · province · Kế hoạch p${String(MAX_INDENT).padStart(5, '0')}`);
    expect(out[19999]).toBe(`${'  '.repeat(MAX_INDENT)}└─ (19999) p19999 · province · Kế hoạch p19999`);
    expect(Math.max(...out.map((l) => l.length))).toBeLessThan(2 * MAX_INDENT + 60);
  });

  it('lists a shared plan\'s own plans once: 60 levels of shared parents stay linear, marked "↑"', () => {
    const out = graphText(diamonds(60)).trimEnd().split('\n');
    // Each plan once in full (120 lines), and once more as "↑" under its second parent (59 levels × 2 plans), the last level being leaves.
    expect(out.length).toBe(120 + 59 * 2);
    expect(out.filter((l) => l.endsWith(' ↑'))).toHaveLength(58 * 2);
    expect(out[0]).toBe('d000a · province · Kế hoạch d000a');
  });

  it('shows plan text with control characters escaped', () => {
    const v: GraphView = { nodes: [{ ...plan('x'), title: 'A\x1b[2J\u202eB\nC' }], edges: [] };
    expect(graphText(v)).toBe('x · province · A\\x1b[2J\\u{202e}B\\nC\n');
  });
});

describe('the audit graph layout', () => {
  const input = (v: GraphView): LayoutInput => ({
    nodes: v.nodes.map((n, i) => ({ id: n.id, lines: [n.id, `điểm: ${i % 100}`], level: 'province', depth: 0, score: null, band: null })),
    edges: v.edges,
  });

  it('ranks by the longest path, without recursion', () => {
    const r = longestPathRanks(input(chain(50000)));
    expect(r.get('p49999')).toBe(49999);
    const d = longestPathRanks(input(diamonds(5)));
    expect([...d.values()]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('lays out a chain of 5 000 plans in rows (dagre would overflow the stack)', () => {
    const v = input(chain(5000));
    expect(layoutSize(v, longestPathRanks(v))).toBeGreaterThan(DAGRE_LIMIT);
    const g = layoutGraph(v);
    expect(g.nodes).toHaveLength(5000);
    for (let i = 1; i < g.nodes.length; i++) expect(g.nodes[i]!.y).toBeGreaterThan(g.nodes[i - 1]!.y);
    expect(g.edges.every((e) => e.points.length === 2)).toBe(true);
    expect(g.height).toBeGreaterThan(g.nodes.at(-1)!.y);
    expect(g.width).toBeGreaterThanOrEqual(g.nodes[0]!.width);
  });

  it('plans each based on all those above it: many crossed layers, laid out in rows', () => {
    const v = chain(80);
    const all: LayoutInput = input({ nodes: v.nodes, edges: v.nodes.flatMap((to, j) => v.nodes.slice(0, j).map((from) => ({ from: from.id, to: to.id }))) });
    expect(layoutSize(all, longestPathRanks(all))).toBeGreaterThan(DAGRE_LIMIT);
    const g = layoutGraph(all);
    expect(g.edges).toHaveLength((80 * 79) / 2);
  });

  it('small graphs are still laid out by dagre (same as before)', () => {
    const v = input(diamonds(3));
    expect(layoutSize(v, longestPathRanks(v))).toBeLessThanOrEqual(DAGRE_LIMIT);
    const g = layoutGraph(v);
    // dagre routes edges through a middle point; the row layout draws two-point lines.
    expect(g.edges.some((e) => e.points.length > 2)).toBe(true);
  });
});
