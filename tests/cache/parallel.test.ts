/**
 * The parallel check (worker threads, compiled code) gives the same report as the one-thread
 * check, byte for byte, on a generated corpus large enough to start workers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../tools/bench/generate.js';
import pkg from '../../package.json' with { type: 'json' };

/** The file users run: the package's bin (the bundle). */
const BIN = pkg.bin.kehoach;

describe('parallel check', () => {
  it('equals the one-thread check on 300 generated plans', async () => {
    expect(existsSync(BIN)).toBe(true); // npm test builds first
    const out = mkdtempSync(join(tmpdir(), 'kehoach-par-'));
    await generateCorpus({ out, plans: 300, shape: 2023, seed: 7 });
    const run = (workers: string) =>
      spawnSync(process.execPath, [BIN, 'check', out, '--format', 'json', '--no-cache', '--today', '2026-01-01'], {
        env: { ...process.env, KEHOACH_WORKERS: workers },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const one = run('1');
    const two = run('2');
    const three = run('3');
    expect(one.stderr).toBe('');
    expect(two.stderr).toBe('');
    expect(one.status).toBe(two.status);
    expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(0);
    expect(two.stdout).toBe(one.stdout);
    // Files go to workers in chunks as they free up: another count of workers, another split.
    expect(three.stdout).toBe(one.stdout);
  }, 120_000);

  it('reports the same load errors, in the same order, as the one-thread load', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kehoach-par-err-'));
    await generateCorpus({ out, plans: 300, shape: 2023, seed: 8 });
    // Break files far apart in file order, so that different chunks (and workers) meet them.
    const files = listYaml(out);
    for (const f of [files[3]!, files[150]!, files[files.length - 2]!]) writeFileSync(f, 'id: [unclosed\n');
    const run = (workers: string) =>
      spawnSync(process.execPath, [BIN, 'check', out, '--no-cache'], { env: { ...process.env, KEHOACH_WORKERS: workers }, encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(one.stderr.match(/yaml-syntax|flow collection|unclosed|Missing/gi)?.length).toBeGreaterThanOrEqual(3);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});

function listYaml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}
