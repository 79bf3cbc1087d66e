/**
 * The incremental re-check (issue 19): after each edit the cached run equals a run without the
 * cache byte for byte, and re-checks only the plans whose inputs changed. Tampered and corrupt
 * store entries are misses, never another answer.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/app/run/run-check.js';
import { defaultConfig } from '../../src/core/check/config.js';
import { runCli } from '../helpers/cli.js';
import { ageFiles, chain, corpus, edit, entryParts, plansOf, sealer, type PlanInfo } from './helpers.js';

const TODAY = '2026-01-01';

describe('incremental re-check', () => {
  let dir = '';
  let root = '';
  let plans: PlanInfo[] = [];
  let env: Record<string, string> = {};
  let cacheDir = '';
  beforeAll(async () => {
    ({ dir, root, plans } = await corpus(150, 9));
    env = { KEHOACH_CONFIG_DIR: join(root, 'config') };
    cacheDir = join(root, 'cache');
  });

  const check = (...extra: string[]) => runCli(['check', dir, '--format', 'json', '--today', TODAY, ...extra], env);
  async function same(...extra: string[]): Promise<string> {
    const cached = await check('--cache-dir', cacheDir, ...extra);
    const fresh = await check('--no-cache', ...extra);
    expect(cached.err).toBe(fresh.err);
    expect(cached.out).toBe(fresh.out);
    expect(cached.code).toBe(fresh.code);
    return cached.out;
  }
  /** How many plans a cached run checks: 'all' for a full check, 0 for a warm hit. */
  async function rechecked(): Promise<number | 'all'> {
    const said: string[] = [];
    const run = await runCheck([dir], undefined, { cfg: defaultConfig(), today: TODAY, cache: true, cacheDir, env, progress: (m) => said.push(m) });
    expect(run.ok).toBe(true);
    const again = said.map((m) => /^checked (\d+) of \d+ plans again$/.exec(m)).find(Boolean);
    if (again) return Number(again[1]);
    return said.some((m) => m.startsWith('checking ')) ? 'all' : 0;
  }
  it('re-checks only what an edit touches, and says what a cold run says', async () => {
    const c = chain(plans);
    const children = (id: string) => plans.filter((p) => p.parents.includes(id)).length;
    // A waiver, so that waivers and the report rules are assembled from stored findings too.
    const waivered = plans.find((p) => p.level === 'commune' && p.id !== c.commune.id)!;
    writeFileSync(waivered.file, readFileSync(waivered.file, 'utf8') + 'waivers:\n  - rule: missing-task\n    reason: Đã báo cáo riêng.\n  - rule: late-deadline\n');
    await same(); // cold
    expect(readdirSync(cacheDir).map((f) => f.replace(/-.*/, '')).sort()).toEqual(['check', 'index', 'units']);
    expect(await rechecked()).toBe(0); // warm
    await same();

    edit(c.commune.file, /^title: (.*)$/m, 'title: $1 (sửa)');
    expect(await rechecked()).toBe(1);
    await same();

    edit(c.district.file, /^title: (.*)$/m, 'title: $1 (sửa)');
    expect(await rechecked()).toBe(1 + children(c.district.id)); // the district and the edges into its children
    await same();

    // A province whose date moves: the date comes down to every plan below it.
    edit(c.province.file, /^issued: .*$/m, 'issued: 2023-03-02');
    const below = plans.filter((p) => p.file.includes(`/${c.province.file.split('/').at(-2)}/`) || p.id === c.province.id).length;
    const n = await rechecked();
    expect(n === 'all' || n >= children(c.province.id)).toBe(true);
    expect(n === 'all' || n <= below + 1).toBe(true);
    await same();

    // Rename, delete, add, change a parent.
    const moved = c.commune.file.replace(/\.yaml$/, '-moved.yaml');
    renameSync(c.commune.file, moved);
    expect(await rechecked()).toBe(1);
    await same();
    rmSync(moved);
    expect(await rechecked()).toBe(0); // nothing derives from a commune: only the report is assembled again
    await same();
    const added = join(dir, 'added.yaml');
    writeFileSync(added, readFileSync(waivered.file, 'utf8').replace(/^id: .*$/m, 'id: added-plan'));
    expect(await rechecked()).toBe(1);
    await same();
    const other = plans.find((p) => p.level === 'district' && p.id !== c.district.id)!;
    const sibling = plans.find((p) => p.level === 'commune' && p.parents[0] === c.district.id && p.id !== c.commune.id)!;
    edit(sibling.file, `- ${c.district.id}`, `- ${other.id}`);
    expect(await rechecked()).toBe(1);
    await same();

    // A load error is reported as a cold run reports it; fixed, the store serves again.
    const broken = readFileSync(sibling.file, 'utf8');
    writeFileSync(sibling.file, broken.replace(`- ${other.id}`, '- no-such-parent'));
    await same();
    writeFileSync(sibling.file, broken);
    await same();
  }, 180_000);

  it('files older than the last run keep their hash unread (size and mtime as the index saw them); an edited one is read', async () => {
    ageFiles(plansOf(dir));
    await same();
    await same(); // warm, no file read for its hash
    const c = chain(plansOf(dir));
    edit(c.district.file, /^title: (.*)$/m, 'title: $1 (lần nữa)');
    expect(await rechecked()).toBe(1 + plansOf(dir).filter((p) => p.parents.includes(c.district.id)).length);
    await same();
    // The same size, a new mtime: read again, and the answer follows the content.
    edit(c.commune.file, /^title: (.)(.*)$/m, 'title: X$2');
    await same();
  }, 120_000);

  it('a configuration change checks everything again; the other configuration keeps its answer', async () => {
    const cfgFile = join(root, 'kehoach.config.yaml');
    writeFileSync(cfgFile, 'severity:\n  late-deadline: info\n  missing-task: off\n');
    await same('-c', cfgFile);
    await same('-c', cfgFile);
    writeFileSync(cfgFile, 'matching:\n  threshold: 0.6\n');
    await same('-c', cfgFile);
    await same();
  }, 120_000);

  it('a tampered or corrupt store shard is a miss, never another answer', async () => {
    await same();
    const store = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('units-'))!);
    const shards = readdirSync(store).map((n) => join(store, n));
    expect(shards.length, 'one shard per folder of plans').toBeGreaterThan(1);
    const c = chain(plans);
    const file = plans.find((p) => p.level === 'commune' && p.id !== c.commune.id && readFileSync(p.file, 'utf8').includes('title:'))!.file;
    const parts = entryParts;
    const seal = sealer(env['KEHOACH_CONFIG_DIR']!);
    // Each stored finding's severity turned to info: the body without a new seal, then a sealed body of the wrong shape; a shard of another folder's plans under this name.
    const plants: ((text: string, i: number) => string)[] = [
      (t) => t.replace(parts(t).body, parts(t).body.replace(/"severity":"(error|warning)"/g, '"severity":"info"')),
      (t) => seal(parts(t).header, parts(t).body.replace(/"severity":"(error|warning)"/g, '"severity":"fatal"')),
      (t) => seal(parts(t).header, '{"base":1}'),
      (_, i) => readFileSync(shards[(i + 1) % shards.length]!, 'utf8'),
      () => 'kehoach-cache 2\nzz\n{}',
      () => '',
    ];
    for (const plant of plants) {
      const texts = shards.map((s) => readFileSync(s, 'utf8'));
      shards.forEach((s, i) => writeFileSync(s, plant(texts[i]!, i)));
      edit(file, /^title: (.*)$/m, 'title: $1 (x)');
      expect(await rechecked()).toBe('all');
      const again = shards.map((s) => readFileSync(s, 'utf8'));
      shards.forEach((s, i) => writeFileSync(s, plant(again[i]!, i)));
      edit(file, /^title: (.*)$/m, 'title: $1 (y)');
      await same();
    }
    // One shard forged (the smallest: a shard of more than half the plans sends the run to the full check): its plans are checked again, the others come from the store, the answer is the cold one.
    const one = [...shards].sort((a, b) => readFileSync(a, 'utf8').length - readFileSync(b, 'utf8').length)[0]!;
    writeFileSync(one, plants[0]!(readFileSync(one, 'utf8'), 0));
    edit(file, /^title: (.*)$/m, 'title: $1 (z)');
    const n = await rechecked();
    expect(typeof n === 'number' && n >= 1 && n < plans.length, `re-checked ${n} of ${plans.length}`).toBe(true);
    writeFileSync(one, plants[0]!(readFileSync(one, 'utf8'), 0));
    edit(file, /^title: (.*)$/m, 'title: $1 (w)');
    await same();
  }, 240_000);

  it('a re-check rewrites only the shards of the plans it read or checked again', async () => {
    await same();
    const store = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('units-'))!);
    const before = new Map(readdirSync(store).map((n) => [n, readFileSync(join(store, n), 'utf8')]));
    const c = chain(plansOf(dir));
    edit(c.commune.file, /^title: (.*)$/m, 'title: $1 (một xã)');
    await same();
    const after = new Map(readdirSync(store).map((n) => [n, readFileSync(join(store, n), 'utf8')]));
    const rewritten = [...after].filter(([n, t]) => before.get(n) !== t).map(([n]) => n);
    expect(rewritten.length, 'the commune\'s shard alone').toBe(1);
    expect(after.get(rewritten[0]!)!.includes(JSON.stringify(c.commune.file))).toBe(true);
  }, 120_000);
});
