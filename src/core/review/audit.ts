/**
 * `reviewAudit`: a parent plan and all its children (deeper with `depth`), each edge
 * compared on its own (checking.md, "Scope") through the same diff rows as `kehoach diff`,
 * so the two reports can never disagree. One check run covers every child.
 * Pure, given `today` (used only to judge waivers' expiry).
 */
import { vietnamDay } from '../domain/vietnam-day.js';
import type { Corpus } from '../load/corpus.js';
import { parentIds } from '../model/plan.js';
import { descendantsOf } from '../graph/derivation.js';
import { checkForReview } from '../check/engine.js';
import type { CheckConfig } from '../check/config.js';
import { diffOfEdge, findingsByPlan, MARK_OF_RULE, type EdgeInput } from './diff.js';
import { CELL_STATUSES, type AuditCell, type AuditGroup, type AuditReview, type ChildSummary } from './audit-types.js';
import type { Severity } from '../model/finding.js';
import { band, cellStatus, cellStatuses, DEVIATIONS, score, type Band } from './score.js';
import { countFindings, planInfo } from './views.js';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export interface AuditOptions {
  /** Levels below the parent to include (1 = its children). */
  depth: number;
  /** ISO date waivers' expiry is judged on (default: today). */
  today?: string;
}

export function reviewAudit(corpus: Corpus, parentId: string, opts: AuditOptions, cfg: CheckConfig): AuditReview {
  if (!corpus.plans.has(parentId)) throw new Error(`no plan with id "${parentId}" among the loaded plans`);
  const depth = Math.max(1, Math.floor(opts.depth));
  const below = new Set(descendantsOf(corpus.graph, parentId, depth).filter((id) => corpus.plans.has(id)));
  const inAudit = corpus.order.filter((id) => id === parentId || below.has(id));
  const today = opts.today ?? vietnamDay(new Date());
  // Depth of each plan below the root, and the audit's edges (parents inside the audit only).
  const depthOf = new Map<string, number>([[parentId, 0]]);
  const edges: { from: string; to: string }[] = [];
  for (const id of inAudit) {
    if (id === parentId) continue;
    const ps = parentIds(corpus.plans.get(id)!.plan).filter((p) => depthOf.has(p)).sort();
    // A loop, not Math.min(...): a plan may name more parents than a call takes arguments.
    let d = Infinity;
    for (const p of ps) d = Math.min(d, depthOf.get(p)! + 1);
    depthOf.set(id, d);
    for (const p of ps) edges.push({ from: p, to: id });
  }
  // Each plan's children in the audit, in the edges' order (one pass, not one per plan).
  const childrenOf = new Map<string, string[]>();
  for (const e of edges) {
    const list = childrenOf.get(e.from);
    if (list) list.push(e.to);
    else childrenOf.set(e.from, [e.to]);
  }
  const groups: AuditGroup[] = [];
  const summaries: ChildSummary[] = [];
  // The parents in the audit's order, checked in batches of about CHECK_BATCH children: each batch
  // one check run whose analyses and pair contexts are dropped before the next, so a national audit
  // never holds the whole country's. A plan's findings do not depend on which others are checked
  // with it, so the report is the same as from one run. The audit's root is not checked (it may
  // have no parent here) but is analysed as an ancestor.
  let batch: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (!batch.length) return;
    const only = new Set(batch.flatMap((p) => childrenOf.get(p)!));
    const review = checkForReview(corpus, cfg, { today, only });
    const byPlan = findingsByPlan(review.report.findings);
    const input: EdgeInput = { corpus, analyses: review.analyses, findings: review.report.findings, contexts: review.contexts, cfg, byPlan, sides: 'keys' };
    for (const p of batch) addGroup(input, p, childrenOf.get(p)!, groups, summaries);
    batch = [];
    size = 0;
  };
  for (const p of inAudit) {
    const children = childrenOf.get(p);
    if (!children?.length) continue;
    batch.push(p);
    size += children.length;
    if (size >= CHECK_BATCH) flush();
  }
  flush();
  // A node shows its score against the first parent it is drawn under.
  const first = new Map<string, ChildSummary>();
  for (const s of summaries) if (!first.has(s.plan)) first.set(s.plan, s);
  const scoreOf = (id: string): number | null => first.get(id)?.score ?? null;
  const bandOf = (id: string): Band | null => first.get(id)?.band ?? null;
  const nodes = inAudit.map((id) => {
    const lp = corpus.plans.get(id)!;
    return { id, number: lp.plan.number ?? null, issuer: lp.plan.issuer ?? null, level: lp.plan.level, depth: depthOf.get(id)!, score: id === parentId ? null : scoreOf(id), band: id === parentId ? null : bandOf(id) };
  });
  return { root: parentId, depth, plans: inAudit.map((id) => planInfo(corpus.plans.get(id)!)), groups, summaries, graph: { nodes, edges } };
}

/** Plans checked in one run of an audit's check (see reviewAudit). */
const CHECK_BATCH = 512;

/** The group of parent `p` (its coverage matrix) and the summary of each of its children, from one check run. */
function addGroup(input: EdgeInput, p: string, children: string[], groups: AuditGroup[], summaries: ChildSummary[]): void {
  const byPlan = input.byPlan!;
  const tasks = input.analyses.get(p)!.tasks.map((t) => ({ key: t.key, label: t.label, title: t.task.title, deadline: t.task.deadline ?? null }));
  // cells[task][child], filled one child (one diff) at a time: each diff is dropped once read.
  const cells: AuditCell[][] = tasks.map(() => []);
  groups.push({ parent: p, children, tasks, cells });
  for (const c of children) {
    const rows = diffOfEdge(input, p, c).rows;
    const column: (AuditCell & { deviations: Severity[] })[] = [];
    let i = 0;
    for (const row of rows) {
      if (row.kind !== 'parent') continue;
      const cell: AuditCell = { status: cellStatus(row.marks), marks: row.marks, childTasks: row.children.map((x) => x.task.key), addressing: row.addressing };
      cells[i++]!.push(cell);
      // What the cell's deviations weigh: the severities of their active findings (score.ts).
      column.push({ ...cell, deviations: row.findings.filter((f) => !f.waived && DEVIATIONS.includes(MARK_OF_RULE[f.rule]!)).map((f) => f.severity) });
    }
    const childOnly = rows.filter((r) => r.kind === 'child-only');
    // Worst first for the reader; the check's own order within a severity.
    const list = (byPlan.get(c) ?? [])
      .filter((f) => f.parent === p || f.parent === null)
      .sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]);
    const summary = {
      plan: c,
      parent: p,
      // A cell late and assigned to another agency counts under both.
      counts: Object.fromEntries(CELL_STATUSES.map((s) => [s, column.filter((x) => cellStatuses(x.marks).includes(s)).length])) as ChildSummary['counts'],
      added: childOnly.filter((r) => r.marks.includes('added')).length,
      cannotCheck: childOnly.filter((r) => r.marks.includes('cannot-compare')).length,
      ...score(column),
      findings: countFindings(list),
    };
    summaries.push({ ...summary, band: band(summary), list });
  }
}
