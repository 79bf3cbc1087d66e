/**
 * Parent ↔ child task matching (checking.md "Matching"): explicit links first, then an
 * automatic score from canonical title features weighted by rarity, agency family and
 * position. Many-to-many: a pair is kept when it clears the threshold and is the best
 * candidate of either side.
 *
 * Rarity (IDF) is taken over the two plans of the edge, not the whole corpus, so that a
 * pair's result depends only on those two plans: checking one draft needs only its
 * parents, and the cache can keep a pair's findings until one of its two files changes.
 */
import { parentIds, type TaskLink } from '../model/plan.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import type { MatchingConfig } from './config.js';
import { autoMatches } from './auto-match.js';
import { taskFingerprint } from './fingerprint.js';
import type { Match, PairContext, PlanAnalysis, TaskAnalysis, Uncertain } from './types.js';

type MatchResult = Pick<PairContext, 'matches' | 'uncertain' | 'links'>;

/** The links of a child task that point into `parentId` (a bare key when the child has one parent). */
export function linksInto(link: readonly TaskLink[] | undefined, parentId: string, childPlan: LoadedPlan): { task: string; fingerprint?: string }[] {
  const single = parentIds(childPlan.plan).length === 1;
  return (link ?? []).flatMap((l) => {
    if (typeof l === 'string') return single ? [{ task: l }] : [];
    return l.plan === parentId ? [{ task: l.task, ...(l.fingerprint ? { fingerprint: l.fingerprint } : {}) }] : [];
  });
}

/** A parent's tasks open to automatic matching (cascade: none is reached only by explicit links); one array per parent. */
const candidateLists = new WeakMap<PlanAnalysis, TaskAnalysis[]>();
function candidatesOf(parent: PlanAnalysis): TaskAnalysis[] {
  let list = candidateLists.get(parent);
  if (!list) candidateLists.set(parent, (list = parent.tasks.filter((p) => p.task.cascade !== 'none')));
  return list;
}

export function matchTasks(parent: PlanAnalysis, child: PlanAnalysis, childPlan: LoadedPlan, cfg: MatchingConfig): MatchResult {
  const matches: Match[] = [];
  const uncertain: Uncertain[] = [];
  const links: MatchResult['links'] = [];
  const linked = new Set<string>();
  const parents = parentIds(childPlan.plan);
  for (const c of child.tasks) {
    const ls = linksInto(c.task.implements, parent.id, childPlan);
    if (ls.length) linked.add(c.key);
    // A link into a plan that is not a parent (or into the plan itself) is a mistake, not an
    // absence of links: the task is not matched automatically, and the link is reported once.
    for (const l of c.task.implements ?? []) {
      if (typeof l === 'string' || (parents.includes(l.plan) && l.plan !== childPlan.plan.id)) continue;
      linked.add(c.key);
      if (parents[0] === parent.id) links.push({ childTask: c.key, parentTask: l.task, problem: l.plan === childPlan.plan.id ? 'self' : 'not-a-parent', linkedPlan: l.plan });
    }
    for (const l of ls) {
      const p = parent.byKey.get(l.task);
      if (!p) {
        links.push({ childTask: c.key, parentTask: l.task, problem: 'no-such-task' });
        continue;
      }
      matches.push({ parentTask: p.key, childTask: c.key, method: 'explicit', score: 1 });
      if (!l.fingerprint) continue; // a link without a stored fingerprint has nothing to compare
      const current = taskFingerprint(p.task);
      if (l.fingerprint !== current) links.push({ childTask: c.key, parentTask: p.key, problem: 'changed', stored: l.fingerprint, current });
    }
  }
  const candidates = candidatesOf(parent);
  const free = child.tasks.filter((c) => !linked.has(c.key));
  const auto = autoMatches(candidates, free, parent, child, cfg);
  matches.push(...auto.matches);
  uncertain.push(...auto.uncertain);
  matches.sort((a, b) => parent.byKey.get(a.parentTask)!.index - parent.byKey.get(b.parentTask)!.index || child.byKey.get(a.childTask)!.index - child.byKey.get(b.childTask)!.index);
  return { matches, uncertain, links };
}
