/**
 * `npm run bench -- --plans 500` and `npm run bench -- --import` as smoke tests: the script runs
 * to the end and prints every figure, so it never rots. Untimed: no figure is asserted against a
 * target here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bench smoke', () => {
  it('runs at 500 plans and reports every row', () => {
    expect(existsSync('dist-tools/tools/bench/bench.js')).toBe(true); // npm test builds first
    const json = join(mkdtempSync(join(tmpdir(), 'kehoach-bench-')), 'bench.json');
    const r = spawnSync(process.execPath, ['dist-tools/tools/bench/bench.js', '--plans', '500', '--runs', '1', '--json', json], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/);
    expect(r.status).toBe(0);
    for (const row of ['node -e 0', 'parse', 'cold', 'warm', 'draft', 're-check, a commune edited', 're-check, a province edited', 'audit, one province --depth 2, html', 'audit, national --depth 3']) expect(r.stdout.toLowerCase()).toContain(row);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toBeTruthy();
  }, 300_000);

  it('runs the tasks-per-file growth at 50 and 500 tasks (issue 16)', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'kehoach-bench-')), 'tasks.json');
    const r = spawnSync(process.execPath, ['dist-tools/tools/bench/bench.js', '--tasks', '50', '--runs', '1', '--json', json], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('growth 50 → 500 tasks per file');
    expect(JSON.parse(readFileSync(json, 'utf8')).sizes).toHaveLength(2);
  }, 120_000);

  it('--import runs on 200 and 2,000 paragraphs and reports every text with its growth', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'kehoach-bench-')), 'import.json');
    const r = spawnSync(process.execPath, ['dist-tools/tools/bench/bench.js', '--import', '--paragraphs', '200', '--runs', '1', '--json', json], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('N = 200');
    expect(r.stdout).toContain('10N = 2,000');
    const rows = (JSON.parse(readFileSync(json, 'utf8')) as { rows: { label: string; ratio: number }[] }).rows;
    expect(rows.map((x) => x.label)).toContain('a generated plan');
    for (const x of rows) expect(r.stdout).toMatch(new RegExp(`${x.label}.* \\d+\\.\\d× [✓✗]`));
  }, 300_000);
});
