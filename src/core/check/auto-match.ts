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
 *
 * Small edges are scored in one dense matrix (auto-match-dense.ts). Long plans (issue 16: two
 * plans of 10,000 tasks are 10^8 pairs, and almost every pair shares a feature such as "lĩnh
 * vực") are scored pair by pair only where the score can matter, and every decision is the
 * dense matrix's:
 *
 * - every score at or above the threshold: a parent's best child, keepLevels' best of a level,
 *   what is kept and what is ambiguous are all decided by such scores (a row's or column's best
 *   is either among them or below the threshold, and then it decides nothing of these);
 * - for a child with no score left at the threshold after keepLevels, every score at or above
 *   the floor: its weak match and the rewording fallback read its best only when it reaches the
 *   floor;
 * - for an uncertain match with fewer than three such scores, the child's whole row, for the
 *   three candidates it lists.
 *
 * Whether keepLevels drops a pair is decided pair by pair, from the pair's score and each side's
 * best of its own level (known once the threshold's scores are).
 *
 * Which pairs can reach a score τ, without scoring all of them: once the owners' agreement and
 * the position are fixed, the score grows with the title score `tok`, so each (owner group of the
 * parent, owners of the child, same number or not) needs `tok` above a bound `t`. A group with
 * t ≤ 0 (an organisation duty of the counterpart agency scores above the floor on any shared
 * feature) is scored whatever its titles; the few candidates of the child's own number are
 * looked at one by one. For the others the child's features are cut into light ones (the commonest: long
 * postings, small weights) and heavy ones: a parent that shares no heavy feature has at most the
 * light weights in common, and its `tok` can then reach `t` only when its title is short (its own
 * squared weight small); so the parents scored are those reached through the heavy features'
 * postings whose bound — what they share there plus every light weight — reaches their `t`, and
 * the short ones. Scores are computed exactly as the dense matrix computes them (the same sums in
 * the same order), so every score, and every match, is the same; tests/check/auto-match.test.ts
 * holds the two matchers equal.
 */
import type { AgencyRef } from '../domain/agencies.js';
import { autoMatchesDense, weightTable } from './auto-match-dense.js';
import type { MatchingConfig } from './config.js';
import { FeatureScratch } from './feature-ids.js';
import { ownerAgreement } from './owner-agreement.js';
import type { Match, PlanAnalysis, TaskAnalysis, Uncertain } from './types.js';

/** A child's number shared by at most this many candidates: they are looked at one by one rather than bounded with the rest. */
const SAME_NUMBER_ONE_BY_ONE = 64;
/** Reading one posting against scoring one short candidate, for the cut between light and heavy features. */
const SHORT_COST = 8;

/** Below this many (candidate, child) pairs the dense matrix is as fast: the bounds need a few passes of their own. */
const DENSE_PAIRS = 16_384;

export function autoMatches(candidates: TaskAnalysis[], free: TaskAnalysis[], parent: PlanAnalysis, child: PlanAnalysis, cfg: MatchingConfig): { matches: Match[]; uncertain: Uncertain[] } {
  if (candidates.length * free.length <= DENSE_PAIRS || !boundsApply(cfg)) return autoMatchesDense(candidates, free, parent, child, cfg);
  return autoMatchesSparse(candidates, free, parent, child, cfg);
}

/** The bounds need the title to weigh something in both kinds of section (with no title weight the dense matrix decides). */
export const boundsApply = (cfg: MatchingConfig): boolean => cfg.weights.tokens > 0 && cfg.organisationWeights.tokens > 0;

interface Weights {
  tokens: number;
  agency: number;
  position: number;
  total: number;
}
const weightsOf = (w: MatchingConfig['weights']): Weights => ({ ...w, total: w.tokens + w.agency + w.position });

/** A pair's score exactly as the dense matrix computes it (auto-match-dense.ts `scores`), 0 where it skips the pair. */
function pairScore(dot: number, parentSq: number, childSq: number, position: number, W: Weights, agency: number | null, floor: number): number {
  const tok = (dot / Math.sqrt(parentSq * childSq) + dot / parentSq) / 2;
  if ((W.tokens * tok + W.agency + W.position * position) / W.total < floor && (W.tokens * tok + W.position * position) / (W.total - W.agency) < floor) return 0;
  const s = agency === null ? (W.tokens * tok + W.position * position) / (W.total - W.agency) : (W.tokens * tok + W.agency * agency + W.position * position) / W.total;
  return Math.round(s * 1000) / 1000;
}

/**
 * The least `tok` with which a pair can score τ or more once rounded (a score below τ − 0.0006
 * rounds below τ), less a margin for the floating-point sums of the bound.
 */
function tokNeeded(W: Weights, agency: number | null, position: number, tau: number): number {
  const raw = tau - 0.0006;
  const t = agency === null ? (raw * (W.total - W.agency) - W.position * position) / W.tokens : (raw * W.total - W.agency * agency - W.position * position) / W.tokens;
  return t - 1e-9;
}

/** Upper bound of `tok` for a parent sharing at most `dot` weight with the child (a little over, for rounding). */
const tokBound = (dot: number, parentSq: number, childSq: number): number => ((dot / Math.sqrt(parentSq * childSq) + dot / parentSq) / 2) * (1 + 1e-9) + 1e-12;

// Owner lists by identity (resolved agencies are shared objects): the agreement of two tasks is a function of their owner lists.
const refIds = new WeakMap<AgencyRef, number>();
let nextRefId = 0;
function refId(r: AgencyRef): number {
  let id = refIds.get(r);
  if (id === undefined) refIds.set(r, (id = ++nextRefId));
  return id;
}
const ownersKey = (refs: readonly AgencyRef[]): string => refs.map(refId).join(',');

/** The candidate parents of one kind (content or organisation): their postings, owner groups and printed numbers. */
interface KindIndex {
  members: Int32Array;
  /** Postings: for the k-th distinct feature ids[k], holders[start[k] … start[k+1]] (candidate indices, increasing). */
  ids: Int32Array;
  start: Int32Array;
  holders: Int32Array;
  /** Candidates by owner list (all their duties' owners, in order): the members of each group. */
  groups: Int32Array[];
  byLabel: Map<string, number[]>;
}

interface CandidateIndex {
  /** [content, organisation] */
  kinds: [KindIndex, KindIndex];
  /** Every candidate's features in one array: candidate i's are features[featureStart[i] … featureStart[i+1]]. */
  features: Int32Array;
  featureStart: Int32Array;
  /** Each candidate's group, in its kind. */
  groupOf: Int32Array;
}

const candidateIndexes = new WeakMap<TaskAnalysis[], CandidateIndex>();

/** Built once per parent (a parent has many children). */
function candidateIndex(candidates: TaskAnalysis[]): CandidateIndex {
  let index = candidateIndexes.get(candidates);
  if (index) return index;
  const groupOf = new Int32Array(candidates.length);
  const kind = (organisation: boolean): KindIndex => {
    const members: number[] = [];
    const lists = new Map<number, number[]>();
    const groupIds = new Map<string, number>();
    const groups: number[][] = [];
    const byLabel = new Map<string, number[]>();
    candidates.forEach((p, i) => {
      if (p.organisation !== organisation) return;
      members.push(i);
      for (const f of p.featureIds) {
        const list = lists.get(f);
        if (list) list.push(i);
        else lists.set(f, [i]);
      }
      const key = ownersKey(p.duties.flatMap((d) => d.owners));
      let g = groupIds.get(key);
      if (g === undefined) {
        groupIds.set(key, (g = groups.length));
        groups.push([]);
      }
      groups[g]!.push(i);
      groupOf[i] = g;
      const same = byLabel.get(p.label);
      if (same) same.push(i);
      else byLabel.set(p.label, [i]);
    });
    const ids = Int32Array.from(lists.keys());
    const start = new Int32Array(ids.length + 1);
    let total = 0;
    for (const l of lists.values()) total += l.length;
    const holders = new Int32Array(total);
    let at = 0;
    let k = 0;
    for (const list of lists.values()) {
      start[k++] = at;
      holders.set(list, at);
      at += list.length;
    }
    start[ids.length] = at;
    return { members: Int32Array.from(members), ids, start, holders, groups: groups.map((g) => Int32Array.from(g)), byLabel };
  };
  const featureStart = new Int32Array(candidates.length + 1);
  candidates.forEach((p, i) => (featureStart[i + 1] = featureStart[i]! + p.featureIds.length));
  const features = new Int32Array(featureStart[candidates.length]!);
  candidates.forEach((p, i) => features.set(p.featureIds, featureStart[i]!));
  index = { kinds: [kind(false), kind(true)], groupOf, features, featureStart };
  candidateIndexes.set(candidates, index);
  return index;
}

/** For one child owner list and one kind: each parent group's agreement and `tok` bounds. */
interface GroupBounds {
  agreement: (number | null)[];
  /** tok needed at another number (t0) and at the same number (t1) */
  t0: Float64Array;
  t1: Float64Array;
  /** groups scored whatever their titles (t0 ≤ 0) */
  always: number[];
  /** the least positive t0 and t1 of any group: what the light/heavy cut is made for (Infinity when none) */
  least0: number;
  least1: number;
}

// Per edge, by feature number: document frequency over both plans, the feature's slot in each
// kind's postings (k + 1), and the current child's position (p + 1). Back to zero after each use.
const dfScratch = new FeatureScratch();
const slotScratch: [FeatureScratch, FeatureScratch] = [new FeatureScratch(), new FeatureScratch()];
const childScratch = new FeatureScratch();

/** A child's scores of one kind of search, as (parent, score) pairs. */
interface Scored {
  i: number;
  s: number;
}

const byScore = (a: Scored, b: Scored): number => b.s - a.s || a.i - b.i;

export function autoMatchesSparse(candidates: TaskAnalysis[], free: TaskAnalysis[], parent: PlanAnalysis, child: PlanAnalysis, cfg: MatchingConfig): { matches: Match[]; uncertain: Uncertain[] } {
  const P = candidates.length;
  const C = free.length;
  const table = weightTable(parent.tasks.length + child.tasks.length);
  const index = candidateIndex(candidates);
  const weights: [Weights, Weights] = [weightsOf(cfg.weights), weightsOf(cfg.organisationWeights)];
  const df = dfScratch.get();
  const slots = [slotScratch[0].get(), slotScratch[1].get()] as const;
  const childPos = childScratch.get();
  for (const plan of [parent, child]) plan.df.ids.forEach((id, k) => (df[id]! += plan.df.counts[k]!));
  index.kinds.forEach((K, kind) => K.ids.forEach((id, k) => (slots[kind]![id] = k + 1)));
  try {
    const sq = (t: TaskAnalysis): number => {
      let n = 0;
      for (const f of t.featureIds) n += table[df[f]!]!;
      return n;
    };
    const parentSq = Float64Array.from(candidates, sq);
    // Each kind's candidates that hold a feature, by their squared weight (the short ones first).
    const bySq = index.kinds.map((K) => {
      const order = Array.from(K.members).filter((i) => parentSq[i]! > 0).sort((a, b) => parentSq[a]! - parentSq[b]! || a - b);
      return { order: Int32Array.from(order), sq: Float64Array.from(order, (i) => parentSq[i]!) };
    });

    // Bounds per (score sought, kind, child owner list), worked out once: a plan names the same few owner lists over and over.
    const boundsByOwners = new Map<string, GroupBounds>();
    const boundsFor = (c: TaskAnalysis, kind: number, tau: number): GroupBounds => {
      const key = `${tau}|${kind}|${ownersKey(c.owners)}`;
      let b = boundsByOwners.get(key);
      if (b) return b;
      const K = index.kinds[kind]!;
      const W = weights[kind]!;
      const G = K.groups.length;
      b = { agreement: [], t0: new Float64Array(G), t1: new Float64Array(G), always: [], least0: Infinity, least1: Infinity };
      for (let g = 0; g < G; g++) {
        const a = ownerAgreement(candidates[K.groups[g]![0]!]!, c, child.level, child.on);
        b.agreement.push(a);
        b.t0[g] = tokNeeded(W, a, 0, tau);
        b.t1[g] = tokNeeded(W, a, 1, tau);
        if (b.t0[g]! <= 0) b.always.push(g);
        if (b.t0[g]! > 0) b.least0 = Math.min(b.least0, b.t0[g]!);
        if (b.t1[g]! > 0) b.least1 = Math.min(b.least1, b.t1[g]!);
      }
      boundsByOwners.set(key, b);
      return b;
    };

    const stamp = new Int32Array(P);
    let search = 0;
    const must = new Uint8Array(P);
    const heavy = new Float64Array(P);
    const touched: number[] = [];
    let shared = new Int32Array(64);
    let childW = new Float64Array(64);

    /** The dot product of a parent's and the current child's features, summed in the child's feature order as the dense matrix sums it. */
    const { features, featureStart } = index;
    const exactDot = (i: number): number => {
      const from = featureStart[i]!;
      const to = featureStart[i + 1]!;
      if (shared.length < to - from) shared = new Int32Array((to - from) * 2);
      let n = 0;
      for (let k = from; k < to; k++) {
        const q = childPos[features[k]!]!;
        if (q) shared[n++] = q - 1;
      }
      for (let a = 1; a < n; a++) {
        const v = shared[a]!;
        let b = a - 1;
        for (; b >= 0 && shared[b]! > v; b--) shared[b + 1] = shared[b]!;
        shared[b + 1] = v;
      }
      let dot = 0;
      for (let k = 0; k < n; k++) dot += childW[shared[k]!]!;
      return dot;
    };

    // A parent's share of the bound on `tok`: tok ≤ dot · (1/√(parentSq·childSq) + 1/parentSq) / 2.
    const invRoot = Float64Array.from(parentSq, (x) => 1 / Math.sqrt(x));
    const inv = Float64Array.from(parentSq, (x) => 1 / x);
    // Printed numbers as small integers, for the same-number test of every pair looked at.
    const labelIds = new Map<string, number>();
    const labelId = (label: string): number => {
      let id = labelIds.get(label);
      if (id === undefined) labelIds.set(label, (id = labelIds.size));
      return id;
    };
    const parentLabel = Int32Array.from(candidates, (p) => labelId(p.label));
    let held = new Int32Array(64);
    let heldW = new Float64Array(64);
    let order = new Int32Array(64);

    /** Every score of child j that is at least tau (and above 0), before keepLevels, in no particular order. */
    const scoresFrom = (j: number, tau: number): Scored[] => {
      const out: Scored[] = [];
      const c = free[j]!;
      const fs = c.featureIds;
      if (!fs.length) return out;
      const kind = c.organisation ? 1 : 0;
      const K = index.kinds[kind]!;
      const W = weights[kind]!;
      const slot = slots[kind]!;
      const bounds = boundsFor(c, kind, tau);
      const groupOf = index.groupOf;
      if (childW.length < fs.length) {
        childW = new Float64Array(fs.length * 2);
        held = new Int32Array(fs.length * 2);
        heldW = new Float64Array(fs.length * 2);
      }
      let childSq = 0;
      for (let p = 0; p < fs.length; p++) {
        childPos[fs[p]!] = p + 1;
        childW[p] = table[df[fs[p]!]!]!;
        childSq += childW[p]!;
      }
      const childInvRoot = 1 / Math.sqrt(childSq);
      const sv = ++search;
      touched.length = 0;
      const take = (i: number, always: boolean): void => {
        if (stamp[i] === sv) {
          if (always) must[i] = 1;
          return;
        }
        stamp[i] = sv;
        heavy[i] = 0;
        must[i] = always ? 1 : 0;
        touched.push(i);
      };
      for (const g of bounds.always) for (const i of K.groups[g]!) take(i, true);
      // The few candidates of the child's own number are looked at one by one; a number shared by many leaves its bound to the cut.
      const sameNumber = K.byLabel.get(c.label);
      let least = bounds.least0;
      if (sameNumber && sameNumber.length <= SAME_NUMBER_ONE_BY_ONE) for (const i of sameNumber) take(i, bounds.t1[groupOf[i]!]! <= 0);
      else {
        least = Math.min(least, bounds.least1);
        if (sameNumber) for (const i of sameNumber) if (bounds.t1[groupOf[i]!]! <= 0) take(i, true);
      }
      let light = 0;
      if (least < Infinity) {
        // The child's features that some candidate holds, lightest first.
        let n = 0;
        for (let p = 0; p < fs.length; p++) {
          const k = slot[fs[p]!]! - 1;
          if (k < 0) continue;
          held[n] = k;
          heldW[n++] = childW[p]!;
        }
        // Lightest first (an insertion sort: a title has a few dozen features).
        if (order.length < n) order = new Int32Array(n * 2);
        for (let x = 0; x < n; x++) {
          let y = x - 1;
          for (; y >= 0 && heldW[order[y]!]! > heldW[x]!; y--) order[y + 1] = order[y]!;
          order[y + 1] = x;
        }
        const len = (x: number): number => K.start[held[x]! + 1]! - K.start[held[x]!]!;
        const { order: shortest, sq: sorted } = bySq[kind]!;
        // How many candidates are short enough to reach the least bound on `dot` weight alone.
        const shortCount = (dot: number): number => {
          let lo = 0;
          let hi = sorted.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (tokBound(dot, sorted[mid]!, childSq) >= least) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        };
        // The cut between light and heavy features that reads the fewest postings and short candidates (a short one costs a score).
        let visits = 0;
        for (let x = 0; x < n; x++) visits += len(order[x]!);
        let best = visits;
        let cut = 0;
        let short = 0;
        let w = 0;
        for (let x = 0; x < n; x++) {
          w += heldW[order[x]!]!;
          visits -= len(order[x]!);
          const count = shortCount(w);
          if (count === sorted.length) break;
          if (visits + count * SHORT_COST < best) {
            best = visits + count * SHORT_COST;
            cut = x + 1;
            short = count;
            light = w;
          }
        }
        for (let x = cut; x < n; x++) {
          const k = held[order[x]!]!;
          const wk = heldW[order[x]!]!;
          for (let y = K.start[k]!, end = K.start[k + 1]!; y < end; y++) {
            const i = K.holders[y]!;
            if (stamp[i] !== sv) {
              stamp[i] = sv;
              heavy[i] = wk;
              must[i] = 0;
              touched.push(i);
            } else heavy[i]! += wk;
          }
        }
        for (let x = 0; x < short; x++) take(shortest[x]!, false);
      }
      const childLabel = labelIds.get(c.label) ?? -1;
      for (const i of touched) {
        const position = parentLabel[i] === childLabel ? 1 : 0;
        const g = groupOf[i]!;
        if (!must[i] && !((heavy[i]! + light) * (invRoot[i]! * childInvRoot + inv[i]!) * 0.5 * (1 + 1e-9) + 1e-12 >= (position ? bounds.t1[g]! : bounds.t0[g]!))) continue;
        const dot = exactDot(i);
        if (dot === 0) continue;
        const s = pairScore(dot, parentSq[i]!, childSq, position, W, bounds.agreement[g]!, cfg.floor);
        if (s > 0 && s >= tau) out.push({ i, s });
      }
      for (const f of fs) childPos[f] = 0;
      return out;
    };

    /** Every score of child j above 0: the dense matrix's row, before keepLevels. */
    const fullRow = (j: number): Scored[] => {
      const c = free[j]!;
      const fs = c.featureIds;
      const kind = c.organisation ? 1 : 0;
      const K = index.kinds[kind]!;
      const slot = slots[kind]!;
      const bounds = boundsFor(c, kind, 0);
      const dot = new Float64Array(P);
      const hit: number[] = [];
      let childSq = 0;
      for (const f of fs) childSq += table[df[f]!]!;
      for (const f of fs) {
        const k = slot[f]! - 1;
        if (k < 0) continue;
        const w = table[df[f]!]!;
        for (let x = K.start[k]!; x < K.start[k + 1]!; x++) {
          const i = K.holders[x]!;
          if (dot[i] === 0) hit.push(i);
          dot[i]! += w;
        }
      }
      const out: Scored[] = [];
      for (const i of hit) {
        const p = candidates[i]!;
        const s = pairScore(dot[i]!, parentSq[i]!, childSq, p.label === c.label ? 1 : 0, weights[kind]!, bounds.agreement[index.groupOf[i]!]!, cfg.floor);
        if (s > 0) out.push({ i, s });
      }
      return out;
    };

    // Every score at or above the threshold: all that a parent's best child, keepLevels' best of a level and what is kept read.
    const rows = free.map((_, j) => scoresFrom(j, cfg.threshold));
    const colStart = new Int32Array(P + 1);
    for (const row of rows) for (const x of row) colStart[x.i + 1]!++;
    for (let i = 0; i < P; i++) colStart[i + 1]! += colStart[i]!;
    const colJ = new Int32Array(colStart[P]!);
    const colS = new Float64Array(colStart[P]!);
    {
      const fill = colStart.slice(0, P);
      rows.forEach((row, j) => {
        for (const x of row) {
          colJ[fill[x.i]!] = j;
          colS[fill[x.i]!++] = x.s;
        }
      });
    }

    // keepLevels: each side's best score of its own level, when it reaches the threshold, drops the near pairs of another level.
    const childBest = new Float64Array(C).fill(NaN);
    const parentBest = new Float64Array(P).fill(NaN);
    free.forEach((c, j) => {
      if (!c.level) return;
      let best = 0;
      for (const x of rows[j]!) if (candidates[x.i]!.level === c.level) best = Math.max(best, x.s);
      if (best >= cfg.threshold) childBest[j] = best;
    });
    candidates.forEach((p, i) => {
      if (!p.level) return;
      let best = 0;
      for (let x = colStart[i]!; x < colStart[i + 1]!; x++) if (free[colJ[x]!]!.level === p.level) best = Math.max(best, colS[x]!);
      if (best >= cfg.threshold) parentBest[i] = best;
    });
    const dropped = (i: number, j: number, s: number): boolean => {
      const pl = candidates[i]!.level;
      const cl = free[j]!.level;
      const b = childBest[j]!;
      if (!Number.isNaN(b) && pl && pl !== cl && b >= s - cfg.levelMargin) return true;
      const a = parentBest[i]!;
      return !Number.isNaN(a) && cl !== null && cl !== pl && a >= s - cfg.levelMargin;
    };
    const kept = (j: number, row: Scored[]): Scored[] => row.filter((x) => !dropped(x.i, j, x.s)).sort(byScore);

    // Best child of each parent (ties: earlier child), when it clears the threshold.
    const bestChild = new Int32Array(P).fill(-1);
    for (let i = 0; i < P; i++) {
      let best = -1;
      for (let x = colStart[i]!; x < colStart[i + 1]!; x++) {
        if (!dropped(i, colJ[x]!, colS[x]!) && (best < 0 || colS[x]! > colS[best]!)) best = x;
      }
      if (best >= 0 && colS[best]! >= cfg.threshold) bestChild[i] = colJ[best]!;
    }
    const accepted: Scored[][] = [];
    const lists: Scored[][] = [];
    const uncertain: Uncertain[] = [];
    const childCount = new Int32Array(P);
    free.forEach((c, j) => {
      let list = kept(j, rows[j]!);
      // Nothing left at the threshold: the child's best below it (a weak match, a rewording) is at the floor or nowhere.
      if (!list.length && cfg.floor < cfg.threshold) list = kept(j, scoresFrom(j, cfg.floor));
      lists.push(list);
      const best = list[0];
      const keep = list.filter((x) => x.s >= cfg.threshold && (x === best || bestChild[x.i] === j));
      accepted.push(keep);
      keep.forEach((x) => childCount[x.i]!++);
      // The three best of the whole row: fewer than three kept scores leave the rest of the row to look at.
      const cands = (): { task: string; score: number }[] => (list.length >= 3 ? list : kept(j, fullRow(j))).slice(0, 3).map((x) => ({ task: candidates[x.i]!.key, score: x.s }));
      if (best !== undefined && best.s < cfg.threshold && best.s >= cfg.floor) {
        uncertain.push({ childTask: c.key, parentTask: candidates[best.i]!.key, kind: 'weak', score: best.s, candidates: cands() });
      } else if (best !== undefined && list[1] !== undefined && list[1].s >= cfg.threshold && best.s - list[1].s <= cfg.margin && !keep.includes(list[1])) {
        uncertain.push({ childTask: c.key, parentTask: candidates[best.i]!.key, kind: 'ambiguous', score: best.s, candidates: cands() });
      }
    });
    const matches: Match[] = [];
    free.forEach((c, j) => {
      const keep = accepted[j]!;
      const someParentsBest = keep.some((x) => bestChild[x.i] === j);
      for (const { i, s } of keep) {
        if (someParentsBest && bestChild[i] !== j && childCount[i]! > 1) continue;
        matches.push({ parentTask: candidates[i]!.key, childTask: c.key, method: 'auto', score: s });
      }
    });
    // A child task that carries nothing, whose best candidate is a parent task nothing carries and
    // scores above the floor: the child carries it in other words (a rewording; several children
    // when a task is split). It stays an uncertain-match (weak) for the reader.
    const matchedParent = new Set(matches.map((m) => m.parentTask));
    const matchedChild = new Set(matches.map((m) => m.childTask));
    free.forEach((c, j) => {
      if (matchedChild.has(c.key)) return;
      const best = lists[j]![0];
      if (!best || best.s < cfg.floor || matchedParent.has(candidates[best.i]!.key)) return;
      matches.push({ parentTask: candidates[best.i]!.key, childTask: c.key, method: 'auto', score: best.s });
    });
    return { matches, uncertain };
  } finally {
    for (const plan of [parent, child]) plan.df.ids.forEach((id) => (df[id] = 0));
    index.kinds.forEach((K, kind) => K.ids.forEach((id) => (slots[kind]![id] = 0)));
  }
}
