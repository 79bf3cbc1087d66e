/**
 * `reviewDiff`: one parent plan and one of its children side by side, one row per parent
 * task with its matched child task(s), then the child's tasks no parent task matched.
 *
 * Marks come from the check, never from rules re-implemented here: later / weakened /
 * other-agency / missing are the (non-waived) findings late-deadline / weakened-deadline /
 * misassigned-agency / missing-task of this edge; cannot-compare is the engine's
 * `unchecked` deadline verdict (or a cannot-check finding on a child-only task).
 * Pure, given `today` (used only to judge waivers' expiry).
 */
import type { Said } from '../load/errors.js';
import { vietnamDay } from '../domain/vietnam-day.js';
import type { Finding } from '../model/finding.js';
import type { Corpus } from '../load/corpus.js';
import { parentIds } from '../model/plan.js';
import { checkForReview, edgeKey, pairContext } from '../check/engine.js';
import type { CheckConfig } from '../check/config.js';
import type { PairContext, PlanAnalysis } from '../check/types.js';
import { MARKS, type ChildCell, type DiffReview, type DiffRow, type Mark } from './types.js';
import { RULES } from '../rules/index.js';
import { countFindings, keySide, planInfo, taskSide } from './views.js';

export interface DiffOptions {
  /** ISO date waivers' expiry is judged on (default: today). */
  today?: string;
}

/** The diff mark of each rule that has one (its metadata, in the rule's file). */
export const MARK_OF_RULE: Record<string, Mark> = Object.fromEntries(RULES.flatMap((r) => (r.mark ? [[r.id, r.mark]] : [])));

/** Why a diff of this pair cannot be made (unknown id, not a direct parent), or null. */
export function edgeProblem(corpus: Corpus, parentId: string, childId: string): { message: string; said: Said } | null {
  const unknown = (id: string) => ({ message: `no plan with id "${id}" among the loaded plans`, said: { key: 'load.no-plan-id', vars: { id } } });
  if (!corpus.plans.has(parentId)) return unknown(parentId);
  const child = corpus.plans.get(childId);
  if (!child) return unknown(childId);
  const named = parentIds(child.plan).join(', ');
  if (!parentIds(child.plan).includes(parentId)) {
    return { message: `"${parentId}" is not a direct parent of "${childId}" (its basedOn names: ${named || 'no plan'})`, said: { key: 'diff.not-parent', vars: { parent: parentId, child: childId, named: named || '—' } } };
  }
  return null;
}

/** What several diffs of one corpus share: one check run's findings, analyses and pair contexts. */
export interface EdgeInput {
  corpus: Corpus;
  analyses: Map<string, PlanAnalysis>;
  findings: readonly Finding[];
  contexts: Map<string, PairContext>;
  cfg: CheckConfig;
  /** `findings` by plan, in their order (`findingsByPlan`): an audit's many edges each read their child's alone, not a scan of all. */
  byPlan?: ReadonlyMap<string, readonly Finding[]>;
  /**
   * `keys`: each task side carries its key, label and title only (views.ts `keySide`): the audit
   * reads no more of them, and a national audit would otherwise copy every task's agencies and
   * deadline once per edge only to drop them. The rows, marks and findings are the same.
   */
  sides?: 'full' | 'keys';
}

/** The findings of each plan, each list in the findings' order: built once, read per edge. */
export function findingsByPlan(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.plan);
    if (list) list.push(f);
    else out.set(f.plan, [f]);
  }
  return out;
}

export function sortMarks(marks: Iterable<Mark>): Mark[] {
  const set = new Set(marks);
  if (set.size > 1) set.delete('same');
  return MARKS.filter((m) => set.has(m));
}

export function diffOfEdge(input: EdgeInput, parentId: string, childId: string): DiffReview {
  const parentLp = input.corpus.plans.get(parentId)!;
  const childLp = input.corpus.plans.get(childId)!;
  const parent = input.analyses.get(parentId)!;
  const child = input.analyses.get(childId)!;
  // The check's own pair context when it checked this edge; else worked out now (same function).
  const ctx = input.contexts.get(edgeKey(parentId, childId)) ?? pairContext(parentLp, childLp, parent, child, input.cfg);
  const ofChild = input.byPlan ? input.byPlan.get(childId) ?? [] : input.findings;
  const side = input.sides === 'keys' ? keySide : taskSide;
  const findings = ofChild.filter((f) => f.plan === childId && (f.parent === parentId || f.parent === null));
  const active = findings.filter((f) => !f.waived && f.parent === parentId);
  // The edge's findings and matches by task, each list in its own order, once (not a scan per task: plans of thousands of tasks).
  const pairMarks = new Map<string, Mark[]>();
  const missingTasks = new Set<string>();
  const uncheckedTasks = new Set<string>();
  for (const f of active) {
    const mark = MARK_OF_RULE[f.rule];
    if (mark && f.parentTask !== null && f.task !== null) {
      const key = `${f.parentTask}\u0000${f.task}`;
      const list = pairMarks.get(key);
      if (list) list.push(mark);
      else pairMarks.set(key, [mark]);
    }
    if (f.rule === 'missing-task' && f.parentTask !== null) missingTasks.add(f.parentTask);
    if (f.rule === 'cannot-check' && f.task !== null) uncheckedTasks.add(f.task);
  }
  const matchesOf = new Map<string, PairContext['matches']>();
  for (const m of ctx.matches) {
    const list = matchesOf.get(m.parentTask);
    if (list) list.push(m);
    else matchesOf.set(m.parentTask, [m]);
  }
  const marksOfPair = (p: string, c: string): Mark[] => {
    const marks = [...(pairMarks.get(`${p}\u0000${c}`) ?? [])];
    if (ctx.deadlines.get(`${p}\u0000${c}`)?.verdict === 'unchecked') marks.push('cannot-compare');
    return sortMarks(marks.length ? marks : ['same']);
  };
  const rows: DiffRow[] = parent.tasks.map((p) => {
    const children: ChildCell[] = (matchesOf.get(p.key) ?? []).map((m) => {
      const cmp = ctx.deadlines.get(`${p.key}\u0000${m.childTask}`);
      return {
        task: side(child.byKey.get(m.childTask)!),
        match: { method: m.method, score: m.score },
        comparison: cmp ? { verdict: cmp.verdict, delayDays: cmp.delayDays } : null,
        marks: marksOfPair(p.key, m.childTask),
      };
    });
    const missing = missingTasks.has(p.key);
    const marks = children.length ? sortMarks(children.flatMap((c) => c.marks)) : [missing ? 'missing' : 'not-carried'] satisfies Mark[];
    // As the rules say it (rules/helpers.ts `carried`): a matched task not addressed to the child is mirrored.
    const addressing = ctx.addressing.get(p.key) ?? 'not-addressed';
    return { kind: 'parent', parent: side(p), addressing: children.length && addressing !== 'addressed' ? 'mirrored' : addressing, children, marks, findings: [] };
  });
  const matched = new Set(ctx.matches.map((m) => m.childTask));
  for (const c of child.tasks) {
    if (matched.has(c.key)) continue;
    const unchecked = uncheckedTasks.has(c.key);
    const marks: Mark[] = [unchecked ? 'cannot-compare' : 'added'];
    rows.push({ kind: 'child-only', parent: null, addressing: null, children: [{ task: side(c), match: null, comparison: null, marks }], marks, findings: [] });
  }
  const general = attach(rows, findings);
  const all = [...rows.flatMap((r) => r.findings), ...general];
  const marks = Object.fromEntries(MARKS.map((m) => [m, rows.filter((r) => r.marks.includes(m)).length])) as Record<Mark, number>;
  return {
    parent: planInfo(parentLp),
    child: planInfo(childLp),
    rows,
    general,
    summary: { marks, findings: countFindings(all) },
  };
}

/**
 * Puts each finding on one row: a pair finding on its parent task's row; a finding about a
 * child task alone on that task's child-only row, else on the first row carrying it (a task
 * matched twice shows the finding once). Returns what fits no row.
 */
function attach(rows: DiffRow[], findings: readonly Finding[]): Finding[] {
  // The first row of each parent task, of each child-only task, and carrying each child task.
  const byParentKey = new Map<string, DiffRow>();
  const childOnly = new Map<string, DiffRow>();
  const carrying = new Map<string, DiffRow>();
  for (const r of rows) {
    if (r.parent && !byParentKey.has(r.parent.key)) byParentKey.set(r.parent.key, r);
    if (r.kind === 'child-only' && !childOnly.has(r.children[0]!.task.key)) childOnly.set(r.children[0]!.task.key, r);
    for (const c of r.children) if (!carrying.has(c.task.key)) carrying.set(c.task.key, r);
  }
  const general: Finding[] = [];
  for (const f of findings) {
    const byParent = f.parentTask !== null && f.parent !== null ? byParentKey.get(f.parentTask) : undefined;
    const byChild = f.task !== null ? childOnly.get(f.task) ?? carrying.get(f.task) : undefined;
    const row = byParent ?? byChild;
    if (row) row.findings.push(f);
    else general.push(f);
  }
  return general;
}

export function reviewDiff(corpus: Corpus, parentId: string, childId: string, cfg: CheckConfig, opts: DiffOptions = {}): DiffReview {
  const problem = edgeProblem(corpus, parentId, childId);
  if (problem) throw new Error(problem.message);
  const today = opts.today ?? vietnamDay(new Date());
  const review = checkForReview(corpus, cfg, { today, only: new Set([childId]) });
  return diffOfEdge({ corpus, analyses: review.analyses, findings: review.report.findings, contexts: review.contexts, cfg }, parentId, childId);
}
