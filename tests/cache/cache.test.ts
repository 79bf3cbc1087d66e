/**
 * The cache never serves a stale result: after each edit, rename and deletion the cached
 * run must equal a run without the cache, byte for byte.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'kehoach-cache-'));
  const plans = join(root, 'plans');
  cpSync('plans', plans, { recursive: true });
  return { plans, cacheDir: join(root, 'cache') };
}

const check = (plans: string, ...extra: string[]) => runCli(['check', plans, '--format', 'json', '--today', '2026-01-01', ...extra]);

async function same(plans: string, cacheDir: string) {
  const cached = await check(plans, '--cache-dir', cacheDir);
  const fresh = await check(plans, '--no-cache');
  expect(cached.out).toBe(fresh.out);
  expect(cached.code).toBe(fresh.code);
  return JSON.parse(cached.out) as { findings: { rule: string; plan: string; task: string | null; file: string }[] };
}

describe('check cache', () => {
  it('serves a warm run and stays right through edits, renames and deletions', async () => {
    const { plans, cacheDir } = setup();
    const bimSon = join(plans, 'district', 'thanh-hoa', 'bim-son-2023.yaml');
    const first = await same(plans, cacheDir);
    expect(readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^check-/), expect.stringMatching(/^index-/), expect.stringMatching(/^units-/)]);
    expect(first.findings.some((f) => f.rule === 'late-deadline' && f.plan === 'bim-son-2023')).toBe(true);
    await same(plans, cacheDir); // warm

    // Edit: Bỉm Sơn's conference moves into the province's quarter: no longer late.
    writeFileSync(bimSon, readFileSync(bimSon, 'utf8').replace('deadline: Quý IV năm 2023', 'deadline: Quý III năm 2023'));
    const edited = await same(plans, cacheDir);
    expect(edited.findings.some((f) => f.rule === 'late-deadline' && f.plan === 'bim-son-2023')).toBe(false);

    // Rename: findings follow the file.
    const moved = join(plans, 'district', 'thanh-hoa', 'bim-son-renamed.yaml');
    renameSync(bimSon, moved);
    const renamed = await same(plans, cacheDir);
    expect(renamed.findings.filter((f) => f.plan === 'bim-son-2023').every((f) => f.file.endsWith('bim-son-renamed.yaml'))).toBe(true);

    // Deletion: its findings are gone.
    rmSync(moved);
    const deleted = await same(plans, cacheDir);
    expect(deleted.findings.some((f) => f.plan === 'bim-son-2023')).toBe(false);

    // An edit to a parent reaches its children.
    const thanhHoa = join(plans, 'province', 'thanh-hoa-172-2023.yaml');
    writeFileSync(thanhHoa, readFileSync(thanhHoa, 'utf8').replace('deadline: Quý III năm 2023', 'deadline: Quý I năm 2023'));
    const parentEdited = await same(plans, cacheDir);
    expect(parentEdited.findings.some((f) => f.plan === 'thanh-hoa-172-2023' && f.rule === 'late-deadline')).toBe(false);
  });

  it('a draft checked through the index equals a full load, even when the index is older than the parent', async () => {
    const { plans, cacheDir } = setup();
    await check(plans, '--cache-dir', cacheDir); // writes the index
    const thanhHoa = join(plans, 'province', 'thanh-hoa-172-2023.yaml');
    writeFileSync(thanhHoa, readFileSync(thanhHoa, 'utf8').replace('deadline: Quý III năm 2023', 'deadline: Quý IV năm 2023'));
    const draft = join(plans, 'district', 'thanh-hoa', 'bim-son-2023.yaml');
    const draftCheck = (...extra: string[]) => runCli(['check', '--plan', draft, '--plans', plans, '--format', 'json', '--today', '2026-01-01', ...extra]);
    const viaIndex = await draftCheck('--cache-dir', cacheDir);
    const full = await draftCheck('--no-cache');
    expect(viaIndex.out).toBe(full.out);
    expect(JSON.parse(viaIndex.out).findings.some((f: { rule: string }) => f.rule === 'late-deadline')).toBe(false);
  });

  it('--no-cache writes nothing', async () => {
    const { plans, cacheDir } = setup();
    await check(plans, '--no-cache', '--cache-dir', cacheDir);
    expect(() => readdirSync(cacheDir)).toThrow();
  });
});
