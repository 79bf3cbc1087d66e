/**
 * Golden files for the review formats on a fixture tree (a province parent and a district
 * child with a late deadline, a missing task, an order to the trade union and a waived
 * late deadline). Regenerate with UPDATE_GOLDEN=1 and read the diff before committing.
 */
import { describe, expect, it } from 'vitest';
import { checkFixture, expectGolden, FORMATS } from './run.js';

const GOLDENS = { sarif: 'report.sarif', junit: 'report.junit.xml', github: 'report.github.txt', markdown: 'report.md' } as const;

describe('report formats: golden files', () => {
  for (const [format, golden] of Object.entries(GOLDENS)) {
    it(`${format} matches tests/golden/${golden}`, async () => {
      const r = await checkFixture(format);
      expect(r.err).toBe('');
      expect(r.code).toBe(1); // the missing task is an error
      expectGolden(golden, r.out);
    });
  }

  it('markdown in English (--lang en) matches tests/golden/report.en.md', async () => {
    const r = await checkFixture('markdown', ['--lang', 'en']);
    expectGolden('report.en.md', r.out);
  });

  it('every format is deterministic: the same input gives byte-identical output', async () => {
    for (const format of FORMATS) {
      const a = await checkFixture(format);
      const b = await checkFixture(format);
      expect(b.out, format).toBe(a.out);
      expect(a.out.length, format).toBeGreaterThan(0);
    }
  });
});
