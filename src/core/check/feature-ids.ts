/**
 * Title features as small integers. Automatic matching weighs every feature of both plans of
 * every edge; with each feature numbered once per process, document frequencies, weights and
 * the parents' inverted index are typed arrays read by number, not maps keyed by text (on a
 * national corpus the map lookups were the largest cost of the check).
 */

const numbers = new Map<string, number>();

/** The numbers of a task's features, in the same order (sums keep their order, so scores stay bit-identical). */
export function featureIds(features: readonly string[]): Int32Array {
  const out = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    let id = numbers.get(f);
    if (id === undefined) numbers.set(f, (id = numbers.size));
    out[i] = id;
  }
  return out;
}

/**
 * A per-process array indexed by feature number, all zeros between uses: a user fills the
 * entries it touches and sets them back to zero before it returns (the check is synchronous).
 */
export class FeatureScratch {
  private array = new Int32Array(1024);
  /** The array, long enough for every feature numbered so far. */
  get(): Int32Array {
    if (this.array.length < numbers.size) {
      const grown = new Int32Array(Math.max(numbers.size, this.array.length * 2));
      grown.set(this.array);
      this.array = grown;
    }
    return this.array;
  }
}

/** In how many tasks each feature occurs: distinct feature numbers (first-seen order) with their counts. */
export interface FeatureCounts {
  ids: Int32Array;
  counts: Int32Array;
}

const countScratch = new FeatureScratch();

export function documentFrequency(tasks: readonly { featureIds: Int32Array }[]): FeatureCounts {
  const counts = countScratch.get();
  const seen: number[] = [];
  for (const t of tasks) {
    for (const id of t.featureIds) if (counts[id]!++ === 0) seen.push(id);
  }
  const out = { ids: Int32Array.from(seen), counts: new Int32Array(seen.length) };
  seen.forEach((id, k) => {
    out.counts[k] = counts[id]!;
    counts[id] = 0;
  });
  return out;
}
