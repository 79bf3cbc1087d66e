/**
 * Title features as numbers (src/core/check/feature-ids.ts): one number per feature text, counts per
 * plan, and the shared scratch array left clean between plans.
 */
import { describe, expect, it } from 'vitest';
import { documentFrequency, featureIds } from '../../src/core/check/feature-ids.js';

const task = (...features: string[]) => ({ featureIds: featureIds(features) });
const counts = (df: ReturnType<typeof documentFrequency>): Record<number, number> => Object.fromEntries([...df.ids].map((id, k) => [id, df.counts[k]!]));

describe('featureIds', () => {
  it('gives one number per feature text, in the order given', () => {
    const a = featureIds(['hội nghị', 'tuyên truyền', 'hội']);
    const b = featureIds(['hội', 'hội nghị']);
    expect(a).toBeInstanceOf(Int32Array);
    expect(b[0]).toBe(a[2]);
    expect(b[1]).toBe(a[0]);
    expect(new Set(a).size).toBe(3);
  });
});

describe('documentFrequency', () => {
  it('counts in how many tasks each feature occurs', () => {
    const [x, y, z] = featureIds(['df-x', 'df-y', 'df-z']);
    const df = documentFrequency([task('df-x', 'df-y'), task('df-x'), task('df-z', 'df-x')]);
    expect(counts(df)).toEqual({ [x!]: 3, [y!]: 1, [z!]: 1 });
    expect([...df.ids]).toEqual([x, y, z]); // first-seen order
  });

  it('starts every plan from zero (the scratch array is cleared)', () => {
    const first = documentFrequency([task('df-a'), task('df-a', 'df-b')]);
    const again = documentFrequency([task('df-a'), task('df-a', 'df-b')]);
    expect(counts(again)).toEqual(counts(first));
    const [a] = featureIds(['df-a']);
    expect(counts(documentFrequency([task('df-a')]))).toEqual({ [a!]: 1 });
  });

  it("grows past the scratch array's first size", () => {
    const many = Array.from({ length: 3000 }, (_, i) => `df-many-${i}`);
    const df = documentFrequency([task(...many), task(...many.slice(0, 10))]);
    expect(df.ids.length).toBe(3000);
    expect(df.counts[0]).toBe(2);
    expect(df.counts[2999]).toBe(1);
  });

  it('is empty for a plan without tasks', () => {
    const df = documentFrequency([]);
    expect(df.ids.length).toBe(0);
  });
});
