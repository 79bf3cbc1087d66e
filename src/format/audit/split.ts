/**
 * `kehoach audit --split <folder>`: an audit that spans many plans as several pages. One page per
 * direct child of the audited plan that has plans of its own below it (a province in a national
 * audit, with its districts and communes), the audit of that child as if asked for it; and an index
 * page: the audited plan against its direct children, linking every page. Pure: reports in, reports out.
 */
import type { AuditReport } from '../review-types.js';

export interface SplitAudit {
  /** The index page's report: the audited plan and its direct children. */
  index: AuditReport;
  /** One page per direct child with plans below it, in the order of the audit's edges. */
  pages: { file: string; plan: string; report: AuditReport }[];
}

export const INDEX_FILE = 'index.html';

/** A page's file name: the plan's id where it is a safe one (plan ids are `[a-z0-9][a-z0-9-]*`), else a number. */
function fileOf(id: string, n: number, used: Set<string>): string {
  const name = /^[a-z0-9][a-z0-9-]{0,200}$/.test(id) && `${id}.html` !== INDEX_FILE ? `${id}.html` : `plan-${n}.html`;
  const file = used.has(name) ? `plan-${n}.html` : name;
  used.add(file);
  return file;
}

export function splitAudit(a: AuditReport): SplitAudit {
  const childrenOf = new Map<string, string[]>();
  for (const e of a.graph.edges) {
    const list = childrenOf.get(e.from);
    if (list) list.push(e.to);
    else childrenOf.set(e.from, [e.to]);
  }
  const top = childrenOf.get(a.root) ?? [];
  const index = restrict(a, a.root, (id) => id === a.root, 1);
  const used = new Set([INDEX_FILE]);
  const pages: SplitAudit['pages'] = [];
  for (const c of top) {
    if (!childrenOf.has(c)) continue;
    // c and every plan below it in the audit (breadth first: each once).
    const members = new Set([c]);
    const queue = [c];
    for (let q = 0; q < queue.length; q++) {
      for (const d of childrenOf.get(queue[q]!) ?? []) {
        if (members.has(d)) continue;
        members.add(d);
        queue.push(d);
      }
    }
    pages.push({ file: fileOf(c, pages.length + 1, used), plan: c, report: restrict(a, c, (id) => members.has(id), a.depth - 1) });
  }
  return { index, pages };
}

/**
 * The audit of `root` as far as `parents` go: the groups of those parents, the summaries and the
 * graph's edges from them (their children are then in the page), and the plans they name.
 */
function restrict(a: AuditReport, root: string, parents: (id: string) => boolean, depth: number): AuditReport {
  const groups = a.groups.filter((g) => parents(g.parent));
  const summaries = a.summaries.filter((s) => parents(s.parent));
  const edges = a.graph.edges.filter((e) => parents(e.from));
  const named = new Set([root]);
  for (const e of edges) named.add(e.to);
  return {
    ...a,
    root,
    depth,
    plans: a.plans.filter((p) => named.has(p.id)),
    groups,
    summaries,
    graph: { nodes: a.graph.nodes.filter((n) => named.has(n.id)), edges },
  };
}
