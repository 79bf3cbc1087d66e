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
import { idf } from './features.js';
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

function familiesOf(t: TaskAnalysis): Set<string> {
  return new Set(t.owners.map((a) => a.family).filter((f): f is string => Boolean(f)));
}

/**
 * The score of a pair from the weighted overlap of their features: with binary features one
 * dot product gives both the cosine and the coverage of the parent's features.
 */
export function scoreFromDot(dot: number, parentSq: number, childSq: number, p: TaskAnalysis, c: TaskAnalysis, cfg: MatchingConfig): number {
  if (dot === 0) return 0;
  const tok = (dot / Math.sqrt(parentSq * childSq) + dot / parentSq) / 2;
  const pf = familiesOf(p);
  const agency = [...familiesOf(c)].some((f) => pf.has(f)) ? 1 : 0;
  const position = p.label === c.label ? 1 : 0;
  const w = cfg.weights;
  return Math.round(((w.tokens * tok + w.agency * agency + w.position * position) / (w.tokens + w.agency + w.position)) * 1000) / 1000;
}

export function matchTasks(parent: PlanAnalysis, child: PlanAnalysis, childPlan: LoadedPlan, cfg: MatchingConfig): MatchResult {
  const matches: Match[] = [];
  const uncertain: Uncertain[] = [];
  const links: MatchResult['links'] = [];
  const linked = new Set<string>();
  for (const c of child.tasks) {
    const ls = linksInto(c.task.implements, parent.id, childPlan);
    if (ls.length) linked.add(c.key);
    for (const l of ls) {
      const p = parent.byKey.get(l.task);
      if (!p) {
        links.push({ childTask: c.key, parentTask: l.task, problem: 'no-such-task' });
        continue;
      }
      matches.push({ parentTask: p.key, childTask: c.key, method: 'explicit', score: 1 });
      const current = taskFingerprint(p.task);
      if (l.fingerprint && l.fingerprint !== current) links.push({ childTask: c.key, parentTask: p.key, problem: 'changed', stored: l.fingerprint, current });
    }
  }
  const candidates = parent.tasks.filter((p) => p.task.cascade !== 'none');
  const free = child.tasks.filter((c) => !linked.has(c.key));
  const auto = autoMatches(candidates, free, idf([...parent.tasks, ...child.tasks].map((t) => t.features)), cfg);
  matches.push(...auto.matches);
  uncertain.push(...auto.uncertain);
  matches.sort((a, b) => parent.byKey.get(a.parentTask)!.index - parent.byKey.get(b.parentTask)!.index || child.byKey.get(a.childTask)!.index - child.byKey.get(b.childTask)!.index);
  return { matches, uncertain, links };
}

type Scored = { t: TaskAnalysis; s: number };
const ranked = (list: Scored[]): Scored[] => list.filter((x) => x.s > 0).sort((a, b) => b.s - a.s || a.t.index - b.t.index);

/**
 * Automatic matches among tasks of the same kind of section (content with content,
 * organisation duties with organisation duties). A pair above the threshold is kept when it
 * is the child's best or the parent's best; a child that is some parent's best drops its
 * other, merely child-best pairs whose parent has another child already (Cần Thơ II.1.b,
 * a media task printed as "Hội nghị … trên các phương tiện thông tin đại chúng", stays with
 * the media task and leaves the conference to the conferences).
 */
function autoMatches(candidates: TaskAnalysis[], free: TaskAnalysis[], weights: Map<string, number>, cfg: MatchingConfig): Pick<MatchResult, 'matches' | 'uncertain'> {
  const sq = (t: TaskAnalysis): number => t.features.reduce((n, f) => n + (weights.get(f) ?? 1) ** 2, 0);
  // An inverted index of the parents' features: each child meets only the parents it shares a feature with.
  const index = new Map<string, number[]>();
  candidates.forEach((p, i) => {
    for (const f of p.features) {
      const list = index.get(f);
      if (list) list.push(i);
      else index.set(f, [i]);
    }
  });
  const parentSq = candidates.map(sq);
  const score = new Map<string, number>();
  const key = (p: TaskAnalysis, c: TaskAnalysis): string => `${p.index}\u0000${c.index}`;
  for (const c of free) {
    const dot = new Float64Array(candidates.length);
    for (const f of c.features) for (const i of index.get(f) ?? []) dot[i]! += (weights.get(f) ?? 1) ** 2;
    const childSq = sq(c);
    candidates.forEach((p, i) => {
      if (dot[i]! > 0 && p.organisation === c.organisation) score.set(key(p, c), scoreFromDot(dot[i]!, parentSq[i]!, childSq, p, c, cfg));
    });
  }
  const bestOfParent = new Map<number, number>();
  for (const p of candidates) {
    const top = ranked(free.map((c) => ({ t: c, s: score.get(key(p, c)) ?? 0 })))[0];
    if (top && top.s >= cfg.threshold) bestOfParent.set(p.index, top.t.index);
  }
  const accepted = new Map<TaskAnalysis, Scored[]>();
  const uncertain: Uncertain[] = [];
  for (const c of free) {
    const list = ranked(candidates.map((p) => ({ t: p, s: score.get(key(p, c)) ?? 0 })));
    const best = list[0];
    const keep = list.filter((x) => x.s >= cfg.threshold && (x === best || bestOfParent.get(x.t.index) === c.index));
    accepted.set(c, keep);
    const cands = list.slice(0, 3).map((x) => ({ task: x.t.key, score: x.s }));
    if (best && best.s < cfg.threshold && best.s >= cfg.floor) {
      uncertain.push({ childTask: c.key, parentTask: best.t.key, kind: 'weak', score: best.s, candidates: cands });
    } else if (best && list[1] && list[1].s >= cfg.threshold && best.s - list[1].s <= cfg.margin && !keep.includes(list[1])) {
      uncertain.push({ childTask: c.key, parentTask: best.t.key, kind: 'ambiguous', score: best.s, candidates: cands });
    }
  }
  const childCount = new Map<TaskAnalysis, number>();
  for (const keep of accepted.values()) for (const x of keep) childCount.set(x.t, (childCount.get(x.t) ?? 0) + 1);
  const matches: Match[] = [];
  for (const [c, keep] of accepted) {
    const someParentsBest = keep.some((x) => bestOfParent.get(x.t.index) === c.index);
    for (const x of keep) {
      const onlyChildBest = bestOfParent.get(x.t.index) !== c.index;
      if (someParentsBest && onlyChildBest && (childCount.get(x.t) ?? 0) > 1) continue;
      matches.push({ parentTask: x.t.key, childTask: c.key, method: 'auto', score: x.s });
    }
  }
  return { matches, uncertain };
}
