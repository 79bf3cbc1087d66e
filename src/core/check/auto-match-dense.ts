/**
 * The automatic matcher as first written: every (candidate parent, free child) pair in one dense
 * score matrix. auto-match.ts gives the same matches from the pairs that can matter and falls back
 * to this one where its bounds do not apply (a title weight of 0); the tests hold the two equal.
 *
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
import { FeatureScratch } from './feature-ids.js';
import { ownerAgreement } from './owner-agreement.js';
import type { Level } from '../model/plan.js';
import type { Match, PlanAnalysis, TaskAnalysis, Uncertain } from './types.js';

/** Squared, smoothed IDF weights ln((n+1)/(df+1)) + 1 for df = 0…n: one table per plan-pair size, not a logarithm per lookup. */
const tables = new Map<number, Float64Array>();
export function weightTable(n: number): Float64Array {
  let table = tables.get(n);
  if (!table) tables.set(n, (table = Float64Array.from({ length: n + 1 }, (_, df) => (Math.log((n + 1) / (df + 1)) + 1) ** 2)));
  return table;
}

/**
 * The candidate parent tasks' inverted index, built once per parent (a parent has many
 * children): for the k-th distinct feature `ids[k]`, the candidates holding it are
 * `holders[start[k] … start[k+1]]`, in increasing order.
 */
interface ParentIndex {
  ids: Int32Array;
  start: Int32Array;
  holders: Int32Array;
}
const indexes = new WeakMap<TaskAnalysis[], ParentIndex>();
function parentIndex(candidates: TaskAnalysis[]): ParentIndex {
  let index = indexes.get(candidates);
  if (!index) {
    const lists = new Map<number, number[]>();
    candidates.forEach((p, i) => {
      for (const f of p.featureIds) {
        const list = lists.get(f);
        if (list) list.push(i);
        else lists.set(f, [i]);
      }
    });
    const ids = Int32Array.from(lists.keys());
    const start = new Int32Array(ids.length + 1);
    const holders = new Int32Array([...lists.values()].reduce((n, l) => n + l.length, 0));
    let at = 0;
    [...lists.values()].forEach((list, k) => {
      start[k] = at;
      holders.set(list, at);
      at += list.length;
    });
    start[ids.length] = at;
    indexes.set(candidates, (index = { ids, start, holders }));
  }
  return index;
}

// Per edge, by feature number: the feature's document frequency over both plans, and its slot
// (k + 1) in the parent index. Both are back to zero when an edge is done.
const dfScratch = new FeatureScratch();
const slotScratch = new FeatureScratch();

/** Title scores of every (candidate parent, free child) pair: score[i * C + j], rounded to 1/1000. */
function scores(candidates: TaskAnalysis[], free: TaskAnalysis[], parent: PlanAnalysis, child: PlanAnalysis, cfg: MatchingConfig): Float64Array {
  const P = candidates.length;
  const C = free.length;
  const table = weightTable(parent.tasks.length + child.tasks.length);
  const df = dfScratch.get();
  const slot = slotScratch.get();
  const index = parentIndex(candidates);
  for (const plan of [parent, child]) plan.df.ids.forEach((id, k) => (df[id]! += plan.df.counts[k]!));
  index.ids.forEach((id, k) => (slot[id] = k + 1));
  try {
    const sq = (t: TaskAnalysis): number => {
      let n = 0;
      for (const f of t.featureIds) n += table[df[f]!]!;
      return n;
    };
    const parentSq = candidates.map(sq);
    const weightsOf = (w: MatchingConfig['weights']) => ({ ...w, total: w.tokens + w.agency + w.position });
    const content = weightsOf(cfg.weights);
    const organisation = weightsOf(cfg.organisationWeights);
    const score = new Float64Array(P * C);
    const dot = new Float64Array(P);
    free.forEach((c, j) => {
      dot.fill(0);
      for (const f of c.featureIds) {
        const k = slot[f]! - 1;
        if (k < 0) continue; // no candidate holds it: a child meets only parents it shares a feature with
        const w = table[df[f]!]!;
        for (let h = index.start[k]!; h < index.start[k + 1]!; h++) dot[index.holders[h]!]! += w;
      }
      const childSq = sq(c);
      for (let i = 0; i < P; i++) {
        const p = candidates[i]!;
        if (dot[i] === 0 || p.organisation !== c.organisation) continue;
        // One dot product gives both the cosine and the coverage of the parent's features.
        const tok = (dot[i]! / Math.sqrt(parentSq[i]! * childSq) + dot[i]! / parentSq[i]!) / 2;
        const position = p.label === c.label ? 1 : 0;
        const W = p.organisation ? organisation : content;
        // A pair below the floor even with full owner agreement stays below it: skip the owners.
        if ((W.tokens * tok + W.agency + W.position * position) / W.total < cfg.floor && (W.tokens * tok + W.position * position) / (W.total - W.agency) < cfg.floor) continue;
        const agency = ownerAgreement(p, c, child.level, child.on);
        // Owners unknown on one side weigh nothing either way: the score is made of the rest.
        const s = agency === null ? (W.tokens * tok + W.position * position) / (W.total - W.agency) : (W.tokens * tok + W.agency * agency + W.position * position) / W.total;
        score[i * C + j] = Math.round(s * 1000) / 1000;
      }
    });
    return score;
  } finally {
    for (const plan of [parent, child]) plan.df.ids.forEach((id) => (df[id] = 0));
    index.ids.forEach((id) => (slot[id] = 0));
  }
}

/**
 * Level-specific tasks match their level (checking.md): where a task of the other side has the
 * same level as this one and scores within `levelMargin` of a candidate of another level, that
 * candidate is not matched. Looked at from each child and from each parent; tasks of no known
 * level are left alone.
 */
function keepLevels(score: Float64Array, candidates: TaskAnalysis[], free: TaskAnalysis[], cfg: MatchingConfig): void {
  const P = candidates.length;
  const C = free.length;
  const drop: number[] = [];
  const side = (n: number, level: Level | null, at: (k: number) => number, levelOf: (k: number) => Level | null): void => {
    if (!level) return;
    let bestSame = 0;
    for (let k = 0; k < n; k++) if (levelOf(k) === level) bestSame = Math.max(bestSame, score[at(k)]!);
    if (bestSame < cfg.threshold) return;
    for (let k = 0; k < n; k++) {
      const l = levelOf(k);
      if (l && l !== level && score[at(k)]! > 0 && bestSame >= score[at(k)]! - cfg.levelMargin) drop.push(at(k));
    }
  };
  free.forEach((c, j) => side(P, c.level, (i) => i * C + j, (i) => candidates[i]!.level));
  candidates.forEach((p, i) => side(C, p.level, (j) => i * C + j, (j) => free[j]!.level));
  for (const at of drop) score[at] = 0;
}

export function autoMatchesDense(candidates: TaskAnalysis[], free: TaskAnalysis[], parent: PlanAnalysis, child: PlanAnalysis, cfg: MatchingConfig): { matches: Match[]; uncertain: Uncertain[] } {
  const P = candidates.length;
  const C = free.length;
  const score = scores(candidates, free, parent, child, cfg);
  keepLevels(score, candidates, free, cfg);
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
    const list: number[] = [];
    for (let i = 0; i < P; i++) if (score[i * C + j]! > 0) list.push(i);
    list.sort((a, b) => score[b * C + j]! - score[a * C + j]! || a - b);
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
  // A child task that carries nothing, whose best candidate is a parent task nothing carries and
  // scores above the floor: the child carries it in other words (a rewording; several children
  // when a task is split). It stays an uncertain-match (weak) for the reader.
  const matchedParent = new Set(matches.map((m) => m.parentTask));
  const matchedChild = new Set(matches.map((m) => m.childTask));
  free.forEach((c, j) => {
    if (matchedChild.has(c.key)) return;
    let best = -1;
    for (let i = 0; i < P; i++) if (score[i * C + j]! > 0 && (best < 0 || score[i * C + j]! > score[best * C + j]!)) best = i;
    if (best < 0 || score[best * C + j]! < cfg.floor || matchedParent.has(candidates[best]!.key)) return;
    matches.push({ parentTask: candidates[best]!.key, childTask: c.key, method: 'auto', score: score[best * C + j]! });
  });
  return { matches, uncertain };
}
