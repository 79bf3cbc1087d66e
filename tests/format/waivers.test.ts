/**
 * Waivers through the CLI: a waived finding is counted in summary.waived and listed, with
 * its reason, in every format (never silently dropped); a waiver without a reason waives
 * nothing and is itself reported as invalid-waiver.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model/finding.js';
import { checkFixture, FORMAT_PLANS, FORMATS } from './run.js';

const REASON = 'Lớp tập huấn dời sang Quý IV theo Công văn số 12/UBND-NV (kinh phí được cấp tháng 9).';
const tmp = mkdtempSync(join(tmpdir(), 'kehoach-waivers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('waivers in every format', () => {
  it('the waived late-deadline is counted in summary.waived and not as an error', async () => {
    const report = JSON.parse((await checkFixture('json')).out) as Report;
    expect(report.summary).toMatchObject({ error: 1, waived: 1 });
    const waived = report.findings.filter((f) => f.waived);
    expect(waived).toEqual([expect.objectContaining({ rule: 'late-deadline', task: 'II.1.b', waived: { reason: REASON, expires: '2024-12-31' } })]);
  });

  for (const format of FORMATS) {
    it(`${format} lists the waived finding with its reason`, async () => {
      const out = (await checkFixture(format)).out;
      // GitHub escapes nothing in this reason; JUnit and SARIF keep it verbatim in text.
      expect(out).toContain(REASON);
      expect(out).toContain('II.1.b');
    });
  }

  it('a waiver without a reason waives nothing and is reported as invalid-waiver', async () => {
    const dir = join(tmp, 'no-reason');
    cpSync(FORMAT_PLANS, dir, { recursive: true });
    const child = join(dir, 'huyen-mau-2023.yaml');
    writeFileSync(child, readFileSync(child, 'utf8').replace(/^    reason: .*\n/m, ''));
    const report = JSON.parse((await checkFixture('json', [], dir)).out) as Report;
    expect(report.summary.waived).toBe(0);
    expect(report.findings.filter((f) => f.rule === 'late-deadline' && f.task === 'II.1.b' && !f.waived)).toHaveLength(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'invalid-waiver', data: expect.objectContaining({ problem: 'no-reason' }) }));
  });

  it('an expired waiver waives nothing (judged on --today)', async () => {
    const r = await checkFixture('json', ['--today', '2025-02-01']);
    const report = JSON.parse(r.out) as Report;
    expect(report.summary.waived).toBe(0);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'invalid-waiver', data: expect.objectContaining({ problem: 'expired' }) }));
  });
});
