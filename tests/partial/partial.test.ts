/**
 * Partial loads (issue 19): check --plan, diff, letter and audit read only the plans they need,
 * and say byte for byte what a full load says on a corpus that loads. The reference is the same
 * program with loadNeighbourhood replaced by the full load (loadCorpus).
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliRun } from '../helpers/cli.js';
import { chain, corpus, type PlanInfo } from './helpers.js';

type Run = (args: string[]) => Promise<CliRun>;

async function partialRun(): Promise<Run> {
  vi.resetModules();
  vi.doUnmock('../../src/app/source/neighbourhood.js');
  (await import('../../src/app/tables.js')).useDiskTables();
  const { runCli } = await import('../helpers/cli.js');
  return (args) => runCli(args);
}

async function fullRun(): Promise<Run> {
  vi.resetModules();
  vi.doMock('../../src/app/source/neighbourhood.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/app/source/neighbourhood.js')>();
    const source = await import('../../src/app/source/corpus-source.js');
    return { ...original, loadNeighbourhood: (req: Parameters<typeof source.loadCorpus>[0]) => source.loadCorpus(req) };
  });
  (await import('../../src/app/tables.js')).useDiskTables();
  const { runCli } = await import('../helpers/cli.js');
  return (args) => runCli(args);
}

const TODAY = ['--today', '2026-01-01'];

describe('partial loads equal full loads', () => {
  let dir = '';
  let c: ReturnType<typeof chain>;
  let plans: PlanInfo[] = [];
  beforeAll(async () => {
    ({ dir, plans } = await corpus(150, 5));
    c = chain(plans);
  });

  const commands = (): string[][] => {
    const other = plans.find((p) => p.level === 'district' && p.id !== c.district.id)!;
    return [
      ['check', '--plans', dir, '--plan', c.commune.id, '--format', 'json', '--no-cache', ...TODAY],
      ['check', '--plans', dir, '--plan', c.commune.file, '--format', 'text', '--no-cache', ...TODAY],
      ['check', '--plans', dir, '--plan', c.district.id, '--format', 'markdown', '--no-cache', ...TODAY],
      ['check', '--plans', dir, '--plan', c.commune.id, '--parent', other.id, '--format', 'json', '--no-cache', ...TODAY],
      ['diff', c.district.id, c.commune.id, '--plans', dir, '--format', 'json', ...TODAY],
      ['diff', c.province.id, c.district.id, '--plans', dir, '--format', 'html', ...TODAY],
      ['diff', c.province.id, c.commune.id, '--plans', dir, '--format', 'text', ...TODAY], // not a direct parent: refused alike
      ['letter', c.commune.id, '--plans', dir, ...TODAY],
      ['letter', c.district.id, '--plans', dir, '--format', 'html', ...TODAY],
      ['audit', c.province.id, '--plans', dir, '--depth', '2', '--format', 'json', ...TODAY],
      ['audit', c.district.id, '--plans', dir, '--format', 'markdown', ...TODAY],
      ['audit', c.commune.id, '--plans', dir, '--format', 'html', ...TODAY],
      ['audit', c.national.id, '--plans', dir, '--depth', '1', '--format', 'json', ...TODAY],
      ['check', '--plans', dir, '--plan', 'no-such-plan', '--no-cache', ...TODAY],
    ];
  };

  async function compare(): Promise<void> {
    const partial = await partialRun();
    const got = [];
    for (const args of commands()) got.push(await partial(args));
    const full = await fullRun();
    for (const [i, args] of commands().entries()) {
      const want = await full(args);
      expect(got[i]!.out, args.join(' ')).toBe(want.out);
      expect(got[i]!.err, args.join(' ')).toBe(want.err);
      expect(got[i]!.code, args.join(' ')).toBe(want.code);
    }
    vi.doUnmock('../../src/app/source/neighbourhood.js');
  }

  it('on a generated corpus', compare, 120_000);

  it('on a corpus with plans outside the simple form (parsed, not scanned) and a draft given as a file', async () => {
    // A flow-style basedOn and an anchored id: these files are parsed instead of scanned.
    const text = readFileSync(c.commune.file, 'utf8');
    writeFileSync(c.commune.file, text.replace(/basedOn:\n {2}- (\S+)\n/, 'basedOn: [$1]\n'));
    const d = readFileSync(c.district.file, 'utf8');
    writeFileSync(c.district.file, d.replace(/^id: (\S+)$/m, 'id: &i $1'));
    await compare();
    writeFileSync(c.commune.file, text);
    writeFileSync(c.district.file, d);
  }, 120_000);

  it('reports the duplicate ids the scan sees, as a full load does; not the errors of plans it does not need', async () => {
    const partial = await partialRun();
    const args = ['check', '--plans', dir, '--plan', c.commune.id, '--format', 'json', '--no-cache', ...TODAY];
    const before = await partial(args);
    // A plan elsewhere whose parent is missing: a full load fails on it, a partial one never reads it.
    const far = plans.find((p) => p.level === 'commune' && p.parents[0] !== c.district.id)!;
    const farText = readFileSync(far.file, 'utf8');
    writeFileSync(far.file, farText.replace(`- ${far.parents[0]}`, '- no-such-parent'));
    const after = await partial(args);
    expect(after.code).toBe(before.code);
    expect(after.out).toBe(before.out);
    const full = await fullRun();
    expect((await full(args)).err).toMatch(/no-such-parent/);
    writeFileSync(far.file, farText);
    // A duplicate id elsewhere: both loads report it, in the same words.
    const copy = join(dir, 'zz-copy.yaml');
    copyFileSync(far.file, copy);
    const dupFull = await full(args);
    const dupPartial = await (await partialRun())(args);
    expect(dupPartial.code).toBe(2);
    expect(dupPartial.err).toBe(dupFull.err);
    expect(dupPartial.err).toMatch(/duplicate-plan-id|already used/);
    rmSync(copy);
    vi.doUnmock('../../src/app/source/neighbourhood.js');
  }, 120_000);
});
