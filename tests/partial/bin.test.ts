/**
 * Through the built bin (dist/bundle/cli.js, built by `npm test`), run from a staged copy of the
 * program so that its tables can be edited: the incremental re-check equals a run without the
 * cache after a plan edit and after a table edit, and a partial draft check says what the sources say.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { chain, corpus, type PlanInfo } from './helpers.js';

const ROOT = process.cwd();
const TODAY = ['--today', '2026-01-01'];

describe('the built bin', () => {
  let dir = '';
  let root = '';
  let plans: PlanInfo[] = [];
  let bin = '';
  let env: Record<string, string> = {};
  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/bundle/cli.js')), 'npm test builds dist/bundle/cli.js first').toBe(true);
    ({ dir, root, plans } = await corpus(200, 13));
    const app = mkdtempSync(join(tmpdir(), 'kehoach-partial-app-'));
    for (const part of ['dist/bundle', 'dist/tables', 'dist/build-id.txt', 'rules', 'package.json']) cpSync(join(ROOT, part), join(app, part), { recursive: true });
    bin = join(app, 'dist/bundle/cli.js');
    env = { KEHOACH_CONFIG_DIR: join(root, 'config'), KEHOACH_CACHE_DIR: join(root, 'cache') };
  });
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { out: r.stdout, err: r.stderr, code: r.status };
  };
  const same = (): string => {
    const cached = run('check', dir, '--format', 'json', ...TODAY);
    const fresh = run('check', dir, '--format', 'json', '--no-cache', ...TODAY);
    expect(cached).toEqual(fresh);
    return cached.out;
  };

  it('checks a draft, diffs and audits from a partial load as the sources do', async () => {
    const c = chain(plans);
    for (const args of [
      ['check', '--plans', dir, '--plan', c.commune.id, '--format', 'json', '--no-cache', ...TODAY],
      ['diff', c.district.id, c.commune.id, '--plans', dir, '--format', 'json', ...TODAY],
      ['audit', c.district.id, '--plans', dir, '--format', 'json', ...TODAY],
    ]) {
      const viaBin = run(...args);
      const viaSources = await runCli(args, env);
      expect(viaBin.out, args.join(' ')).toBe(viaSources.out);
      expect(viaBin.code).toBe(viaSources.code);
    }
  }, 120_000);

  it('keeps the per-plan results of the workers: a parallel cold check, then re-checks, as a cold run says', () => {
    const workers = { ...env, KEHOACH_CACHE_DIR: join(root, 'cache-workers') };
    const par = (...args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...workers, KEHOACH_WORKERS: '2' }, encoding: 'utf8', maxBuffer: 1 << 28 });
      return { out: r.stdout, err: r.stderr, code: r.status };
    };
    const check = (...extra: string[]) => par('check', dir, '--format', 'json', ...TODAY, ...extra);
    const c = chain(plans);
    expect(check()).toEqual(check('--no-cache')); // cold, on two workers: the store is made of their results
    for (const file of [c.commune.file, c.district.file, c.province.file]) {
      writeFileSync(file, readFileSync(file, 'utf8') + '# sửa\n');
      expect(check()).toEqual(check('--no-cache'));
    }
  }, 180_000);

  it('re-checks incrementally after a plan edit and a table edit, as a cold run says', () => {
    const c = chain(plans);
    const before = same();
    writeFileSync(c.commune.file, readFileSync(c.commune.file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (sửa)'));
    same();
    const config = join(bin, '../../../rules/config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('threshold: 0.42', 'threshold: 0.7'));
    const after = same();
    expect(after).not.toBe(before);
    writeFileSync(c.district.file, readFileSync(c.district.file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (sửa)'));
    same();
  }, 180_000);
});
