/** Eras of validity: dates that see the same structure in force share one era. */
import { describe, expect, it } from 'vitest';
import { eraOf, validityCuts } from '../../src/core/domain/validity.js';

describe('validity eras', () => {
  const structure = { a: { valid: { until: '2025-02-28' } }, b: [{ valid: { from: '2025-03-01' } }], c: new Map([['x', { valid: { from: '2025-07-01', until: '2030-12-31' } }]]) };
  const cuts = validityCuts(structure);

  it('cuts where a validity starts and the day after one ends', () => {
    expect(cuts).toEqual(['2025-03-01', '2025-07-01', '2031-01-01']);
  });

  it('gives dates inside one period the same era, and dates across a cut different eras', () => {
    expect(eraOf(cuts, '2023-06-26')).toBe(eraOf(cuts, '2025-02-28'));
    expect(eraOf(cuts, '2025-02-28')).not.toBe(eraOf(cuts, '2025-03-01'));
    expect(eraOf(cuts, '2025-07-01')).toBe(eraOf(cuts, '2030-12-31'));
    expect(eraOf(cuts, '2023-11')).toBe(eraOf(cuts, '2023-01-01'));
    expect(eraOf(cuts, null)).toBe(-1);
  });
});
