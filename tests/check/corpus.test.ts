/**
 * End to end on the real documents: checking.md's table of expected findings on the seed
 * chain, and a golden file pinning the complete finding set (`check plans --format json`).
 * Regenerate the golden with UPDATE_GOLDEN=1, then read every finding against the documents.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model/finding.js';
import { runCli } from '../helpers/cli.js';

const GRADED = ['missing-task', 'late-deadline', 'weakened-deadline', 'misassigned-agency', 'wrong-level-agency', 'order-to-independent-body', 'reporting-chain'];
const GOLDEN = 'tests/golden/check-plans.json';

async function report(): Promise<{ code: number; out: string; report: Report }> {
  const r = await runCli(['check', 'plans', '--format', 'json', '--today', '2026-01-01']);
  return { code: r.code, out: r.out, report: JSON.parse(r.out) as Report };
}

const graded = (r: Report, plan: string, parent: string | null) => r.findings.filter((f) => f.plan === plan && f.parent === parent && GRADED.includes(f.rule));

describe('check plans (the seed chain, checking.md)', async () => {
  const { code, out, report: r } = await report();

  it('exits 0: the real documents carry warnings and infos but no error', () => {
    expect(r.summary.error).toBe(0);
    expect(code).toBe(0);
  });

  it('Bỉm Sơn vs Thanh Hóa 172: late-deadline II.1.a (warning, mirrored), cannot-check for II.2–II.5 and III, nothing graded elsewhere', () => {
    const g = graded(r, 'bim-son-2023', 'thanh-hoa-172-2023');
    expect(g).toEqual([expect.objectContaining({ rule: 'late-deadline', severity: 'warning', task: 'II.1.a', parentTask: 'II.1.a', data: expect.objectContaining({ addressing: 'mirrored', delayDays: 92 }) })]);
    const cannot = r.findings.filter((f) => f.plan === 'bim-son-2023' && f.rule === 'cannot-check').map((f) => f.task);
    expect(cannot).toEqual(['II.2', 'II.3', 'II.4', 'II.5', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5']);
  });

  it('Thái Nguyên vs QĐ 346: duplicate-task-number II.1.d, no missing-task', () => {
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'duplicate-task-number', plan: 'thai-nguyen-2023', task: 'II.1.d-2', data: expect.objectContaining({ label: 'II.1.d' }) }));
    const allowed = ['order-to-independent-body', 'weakened-deadline', 'late-deadline'];
    for (const f of [...graded(r, 'thai-nguyen-2023', 'qd-346-ttg-2023'), ...graded(r, 'thai-nguyen-2023', null)]) expect(allowed).toContain(f.rule);
    for (const f of graded(r, 'thai-nguyen-2023', 'qd-346-ttg-2023')) expect(f.parentTask).toMatch(/^N1\.[14]$/); // the conference-and-training window
  });

  it('Cần Thơ vs QĐ 346: no missing-task, nothing matched to the decree drafting, late only on II.1.a, II.1.c, II.1.d, II.2.*', () => {
    for (const f of graded(r, 'can-tho-2023', 'qd-346-ttg-2023')) {
      expect(f.rule).toBe('late-deadline');
      expect(f.task).toMatch(/^II\.(1\.[acd]|2\.[abc])$/);
    }
    for (const f of r.findings.filter((x) => x.plan === 'can-tho-2023')) expect(f.parentTask ?? '').not.toMatch(/^N1\.[56]$/);
  });

  it('Thanh Hóa 172 vs QĐ 346: no graded finding on II.1.a–b', () => {
    expect(graded(r, 'thanh-hoa-172-2023', 'qd-346-ttg-2023')).toEqual([]);
    expect(graded(r, 'thanh-hoa-172-2023', null)).toEqual([]);
  });

  it('Hòa Bình: no graded finding', () => {
    expect(r.findings.filter((f) => f.plan === 'hoa-binh-hoi-nghi-2023' && GRADED.includes(f.rule))).toEqual([]);
  });

  it('every finding is located in its plan file and carries data', () => {
    for (const f of r.findings) {
      expect(f.file).toMatch(/^plans\/.+\.yaml$/);
      expect(f.line).toBeGreaterThan(0);
      expect(Object.keys(f.data).length).toBeGreaterThan(0);
    }
  });

  it('matches the golden finding set', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, out);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(out).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is deterministic', async () => {
    expect((await report()).out).toBe(out);
  });
});
