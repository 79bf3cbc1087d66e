/**
 * Automatic matches among tasks of the same kind of section (content with content,
 * organisation duties with organisation duties), scored from canonical title features
 * weighted by rarity over the two plans of the edge, agency family and position.
 *
 * A pair above the threshold is kept when it is the child's best or the parent's best; a
 * child that is some parent's best drops its other, merely child-best pairs whose parent has
 * another child already (Cần Thơ II.1.b, a media task printed as "Hội nghị … trên các
 * phương tiện thông tin đại chúng", stays with the media task and leaves the conference to
 * the conferences).
 */
import type { MatchingConfig } from './config.js';
import type { Match, PlanAnalysis, TaskAnalysis, Uncertain } from './types.js';

/** Squared, smoothed IDF weight of a feature over the tasks of both plans: ln((n+1)/(df+1)) + 1. */
function weigher(parent: PlanAnalysis, child: PlanAnalysis): (f: string) => number {
  const n = parent.tasks.length + child.tasks.length;
  // df is a whole number from 0 to n: one table of weights per edge instead of a logarithm per lookup.
  const table = Float64Array.from({ length: n + 1 }, (_, df) => (Math.log((n + 1) / (df + 1)) + 1) ** 2);
  return (f) => table[(parent.df.get(f) ?? 0) + (child.df.get(f) ?? 0)]!;
}

/** Feature → indices of the candidate parent tasks holding it; built once per parent (a parent has many children). */
const indexes = new WeakMap<TaskAnalysis[], Map<string, number[]>>();
function featureIndex(candidates: TaskAnalysis[]): Map<string, number[]> {
  let index = indexes.get(candidates);
  if (!index) {
    index = new Map();
    for (let i = 0; i < candidates.length; i++) {
      for (const f of candidates[i]!.features) {
        const list = index.get(f);
        if (list) list.push(i);
        else index.set(f, [i]);
      }
    }
    indexes.set(candidates, index);
  }
  return index;
}

/** The agency families owning a task, worked out once per task. */
const familySets = new WeakMap<TaskAnalysis, Set<string>>();
function families(t: TaskAnalysis): Set<string> {
  let set = familySets.get(t);
  if (!set) familySets.set(t, (set = new Set(t.owners.map((a) => a.family).filter((f): f is string => Boolean(f)))));
  return set;
}

const shareAny = (a: Set<string>, b: Set<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

export function autoMatches(candidates: TaskAnalysis[], free: TaskAnalysis[], parent: PlanAnalysis, child: PlanAnalysis, cfg: MatchingConfig): { matches: Match[]; uncertain: Uncertain[] } {
  const P = candidates.length;
  const C = free.length;
  const w2 = weigher(parent, child);
  const sq = (t: TaskAnalysis): number => t.features.reduce((n, f) => n + w2(f), 0);
  // Inverted index of the parents' features: a child meets only parents it shares a feature with.
  const index = featureIndex(candidates);
  const parentSq = candidates.map(sq);
  const parentFam = candidates.map(families);
  const W = cfg.weights;
  const total = W.tokens + W.agency + W.position;
  const score = new Float64Array(P * C); // score[i * C + j]: parent i, child j
  free.forEach((c, j) => {
    const dot = new Float64Array(P);
    for (const f of c.features) {
      const holders = index.get(f);
      if (!holders) continue;
      const w = w2(f);
      for (const i of holders) dot[i]! += w;
    }
    const childSq = sq(c);
    const fam = families(c);
    for (let i = 0; i < P; i++) {
      const p = candidates[i]!;
      if (dot[i] === 0 || p.organisation !== c.organisation) continue;
      // One dot product gives both the cosine and the coverage of the parent's features.
      const tok = (dot[i]! / Math.sqrt(parentSq[i]! * childSq) + dot[i]! / parentSq[i]!) / 2;
      const agency = shareAny(fam, parentFam[i]!) ? 1 : 0;
      const position = p.label === c.label ? 1 : 0;
      score[i * C + j] = Math.round(((W.tokens * tok + W.agency * agency + W.position * position) / total) * 1000) / 1000;
    }
  });
  // Best child of each parent (ties: earlier child), when it clears the threshold.
  const bestChild = new Int32Array(P).fill(-1);
  for (let i = 0; i < P; i++) {
    let best = -1;
    for (let j = 0; j < C; j++) if (score[i * C + j]! > 0 && (best < 0 || score[i * C + j]! > score[i * C + best]!)) best = j;
    if (best >= 0 && score[i * C + best]! >= cfg.threshold) bestChild[i] = best;
  }
  const accepted: number[][] = [];
  const uncertain: Uncertain[] = [];
  const childCount = new Int32Array(P);
  free.forEach((c, j) => {
    const list = [...Array(P).keys()].filter((i) => score[i * C + j]! > 0).sort((a, b) => score[b * C + j]! - score[a * C + j]! || a - b);
    const s = (i: number): number => score[i * C + j]!;
    const best = list[0];
    const keep = list.filter((i) => s(i) >= cfg.threshold && (i === best || bestChild[i] === j));
    accepted.push(keep);
    keep.forEach((i) => childCount[i]!++);
    const cands = list.slice(0, 3).map((i) => ({ task: candidates[i]!.key, score: s(i) }));
    if (best !== undefined && s(best) < cfg.threshold && s(best) >= cfg.floor) {
      uncertain.push({ childTask: c.key, parentTask: candidates[best]!.key, kind: 'weak', score: s(best), candidates: cands });
    } else if (best !== undefined && list[1] !== undefined && s(list[1]) >= cfg.threshold && s(best) - s(list[1]) <= cfg.margin && !keep.includes(list[1])) {
      uncertain.push({ childTask: c.key, parentTask: candidates[best]!.key, kind: 'ambiguous', score: s(best), candidates: cands });
    }
  });
  const matches: Match[] = [];
  free.forEach((c, j) => {
    const keep = accepted[j]!;
    const someParentsBest = keep.some((i) => bestChild[i] === j);
    for (const i of keep) {
      if (someParentsBest && bestChild[i] !== j && childCount[i]! > 1) continue;
      matches.push({ parentTask: candidates[i]!.key, childTask: c.key, method: 'auto', score: score[i * C + j]! });
    }
  });
  return { matches, uncertain };
}
