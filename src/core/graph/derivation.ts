/**
 * The derivation graph: an edge from each parent plan to each plan that implements it;
 * legal bases (the Law, decree 59) are nodes without tasks. Built once, queried by id.
 */
import { DirectedGraph } from 'graphology';
import { topologicalSort } from 'graphology-dag';
import type { Level } from '../model/plan.js';

export interface NodeAttrs {
  kind: 'plan' | 'basis';
  title: string;
  number: string | null;
  level: Level | null;
  file: string | null;
}

export type DerivationGraph = DirectedGraph<NodeAttrs>;

export function createGraph(): DerivationGraph {
  return new DirectedGraph<NodeAttrs>();
}

/** Parents first; ties broken by id so output is deterministic. */
export function topologicalOrder(g: DerivationGraph): string[] {
  const rank = new Map<string, number>();
  topologicalSort(g).forEach((id, i) => rank.set(id, i));
  // Re-sort generation by generation so equal-depth nodes come in id order.
  const depth = new Map<string, number>();
  for (const id of topologicalSort(g)) {
    let d = 0;
    g.forEachInNeighbor(id, (p) => {
      d = Math.max(d, (depth.get(p) ?? 0) + 1);
    });
    depth.set(id, d);
  }
  return [...rank.keys()].sort((a, b) => depth.get(a)! - depth.get(b)! || cmp(a, b));
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Direct parent plans (legal bases excluded), sorted. */
export function parentsOf(g: DerivationGraph, id: string): string[] {
  return g.inNeighbors(id).filter((p) => g.getNodeAttribute(p, 'kind') === 'plan').sort(cmp);
}

export function childrenOf(g: DerivationGraph, id: string): string[] {
  return g.outNeighbors(id).sort(cmp);
}

/** Every ancestor (plans and bases), nearest first, each once. */
export function ancestorsOf(g: DerivationGraph, id: string): string[] {
  const seen = new Set<string>();
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const p of g.inNeighbors(queue[i]!).sort(cmp)) {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return [...seen];
}

/** Every descendant, up to `depth` levels down (Infinity for all), nearest first. */
export function descendantsOf(g: DerivationGraph, id: string, depth = Infinity): string[] {
  const seen = new Set<string>();
  let frontier = [id];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const c of childrenOf(g, n)) {
        if (!seen.has(c)) {
          seen.add(c);
          next.push(c);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/** The chain to a root: this plan, its first parent, that one's first parent… up to a node without parents. */
export function chainToRoot(g: DerivationGraph, id: string): string[] {
  const chain = [id];
  const seen = new Set(chain);
  for (let cur = id; ; ) {
    const parents = g.inNeighbors(cur).sort(cmp);
    const next = parents.find((p) => g.getNodeAttribute(p, 'kind') === 'plan') ?? parents[0];
    if (next === undefined || seen.has(next)) return chain;
    chain.push(next);
    seen.add(next);
    cur = next;
  }
}

/** One cycle as a list of node ids (first = last omitted), or null. Iterative DFS: no recursion limits at scale. */
export function findCycle(g: DerivationGraph): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 on stack, 2 done
  for (const start of g.nodes().sort(cmp)) {
    if (state.has(start)) continue;
    const stack: { id: string; next: string[] }[] = [{ id: start, next: childrenOf(g, start) }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const child = top.next.shift();
      if (child === undefined) {
        state.set(top.id, 2);
        stack.pop();
      } else if (state.get(child) === 1) {
        const ids = stack.map((f) => f.id);
        return ids.slice(ids.indexOf(child));
      } else if (!state.has(child)) {
        state.set(child, 1);
        stack.push({ id: child, next: childrenOf(g, child) });
      }
    }
  }
  return null;
}
