/**
 * Determinism (issue 8): every command, run twice on the same input, gives byte-identical
 * stdout and stderr and the same exit code, in every output format. The runs share one
 * process, so memoised state left behind by the first run must not change the second.
 * `check` is also run through the built program in child processes (the process edge:
 * stdout/stderr binding and exit code), twice with the cache bypassed and twice with it
 * (cold then warm), and all of those must equal the in-process output.
 *
 * The child-process test uses dist/cli.js and dist/bundle/cli.js (the package's bin): `npm test`
 * builds before running vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const TODAY = '2026-01-01';
const PARENT = 'thanh-hoa-172-2023';
const CHILD = 'bim-son-2023';
const SEED = 'tests/fixtures/seeds/002_e36d209b1b3f8de2.txt';

const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
const GRAPH_FORMATS = ['text', 'json', 'mermaid', 'dot'] as const;
const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
const AUDIT_FORMATS = ['html', 'markdown', 'json'] as const;
const LANGS = ['vi', 'en'] as const;

/** The cache (if any) lives in a fresh directory, never in the working tree: run 1 is cold, run 2 may be warm. */
const ENV = { KEHOACH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'kehoach-determinism-cache-')), KEHOACH_LANG: 'en' };
const cli = (args: readonly string[]): Promise<CliRun> => runCli([...args], ENV);
afterAll(() => rmSync(ENV.KEHOACH_CACHE_DIR, { recursive: true, force: true }));

/** Every command line whose output must not vary from run to run. */
const COMMANDS: string[][] = [
  ['validate'],
  ['validate', 'plans', 'examples'],
  ...GRAPH_FORMATS.map((f) => ['graph', '--format', f]),
  ...CHECK_FORMATS.flatMap((f) => LANGS.map((l) => ['check', '--format', f, '--lang', l, '--today', TODAY])),
  ['check', '--format', 'json', '--today', TODAY, '--fail-on', 'warning'],
  ['check', '--format', 'json', '--today', TODAY, '--no-cache'],
  ['check', 'plans', 'examples', '--format', 'json', '--today', TODAY],
  ['check', '--plan', CHILD, '--format', 'json', '--today', TODAY],
  ['check', '--plan', 'examples/thanh-hoa/synthetic-an-lac-2023.yaml', '--plans', 'plans', '--format', 'json', '--today', TODAY],
  ...LANGS.flatMap((l) => [['rules', '--lang', l], ['rules', '--lang', l, '--format', 'json']]),
  ...DIFF_FORMATS.flatMap((f) => LANGS.map((l) => ['diff', PARENT, CHILD, '--format', f, '--lang', l, '--today', TODAY])),
  ...AUDIT_FORMATS.flatMap((f) => LANGS.map((l) => ['audit', PARENT, '--format', f, '--lang', l, '--today', TODAY])),
  ['audit', 'qd-346-ttg-2023', '--depth', '2', '--format', 'json', '--today', TODAY],
  ['schema'],
  ['import', SEED],
];

const same = (a: CliRun, b: CliRun, label: string): void => {
  expect(b.code, `${label}: exit code`).toBe(a.code);
  expect(b.out === a.out, `${label}: stdout differs between two runs`).toBe(true);
  expect(b.err === a.err, `${label}: stderr differs between two runs`).toBe(true);
};

describe('every command twice gives byte-identical output', () => {
  it.each(COMMANDS.map((args) => [args.join(' '), args] as const))('%s', async (_label, args) => {
    const a = await cli(args);
    const b = await cli(args);
    same(a, b, args.join(' '));
    // Each command must actually produce something, or the comparison proves nothing.
    expect(a.out.length, 'stdout is empty').toBeGreaterThan(0);
    expect(a.code, a.err).toBeLessThan(2);
    expect(a.err).not.toMatch(/^\s+at /m);
  });

  it('the JSON outputs parse, so the comparison is over real reports', async () => {
    for (const args of COMMANDS.filter((c) => c.includes('json') || c[0] === 'schema')) {
      const r = await cli(args);
      expect(() => JSON.parse(r.out) as unknown, args.join(' ')).not.toThrow();
    }
  });

  it('a load failure is reported identically each time (messages in the same order)', async () => {
    const args = ['check', 'tests/fixtures/load', '--format', 'json', '--today', TODAY, '--no-cache'];
    const a = await cli(args);
    const b = await cli(args);
    same(a, b, 'check tests/fixtures/load');
    expect(a.code).toBe(2);
    expect(a.out).toBe('');
    expect(a.err).toMatch(/^tests\/fixtures\/load\/\S+:\d+:\d+: error: /m);
  });
});

describe('check through the built program (child processes)', () => {
  interface ProcRun {
    status: number | null;
    signal: NodeJS.Signals | null;
    out: Buffer;
    err: Buffer;
  }
  /** dist/cli.js is the compiled entry point; dist/bundle/cli.js the bundled one the package's bin runs. */
  const ENTRIES = ['dist/cli.js', 'dist/bundle/cli.js'].filter((e) => existsSync(e));
  const node = (entry: string, args: string[]): ProcRun => {
    const r = spawnSync(process.execPath, [entry, ...args], { encoding: 'buffer', env: { ...process.env, ...ENV, NO_COLOR: '1' }, timeout: 60_000 });
    return { status: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
  };

  it('the build exists (npm test builds before running vitest)', () => {
    expect(ENTRIES).toContain('dist/cli.js');
  });

  it.each(CHECK_FORMATS.map((f) => [f] as const))('check --format %s: two processes per entry point, with and without the cache, byte-identical and equal to the in-process run', async (format) => {
    const args = ['check', 'plans', '--format', format, '--today', TODAY];
    const runs = ENTRIES.flatMap((entry) => [node(entry, [...args, '--no-cache']), node(entry, [...args, '--no-cache']), node(entry, args), node(entry, args)].map((r, i) => ({ label: `${entry} run ${i + 1}`, r })));
    const inProcess = await cli([...args, '--no-cache']);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const { label, r } of runs) {
      expect(r.signal, `${label}: killed by a signal`).toBeNull();
      expect(r.status, `${label}: ${r.err.toString('utf8')}`).toBe(inProcess.code);
      expect(r.out.equals(runs[0]!.r.out), `${label}: stdout differs from the first run`).toBe(true);
      expect(r.err.equals(runs[0]!.r.err), `${label}: stderr differs from the first run`).toBe(true);
    }
    expect(runs[0]!.r.out.length).toBeGreaterThan(0);
    expect(runs[0]!.r.out.toString('utf8') === inProcess.out, 'the process edge changes stdout').toBe(true);
    expect(runs[0]!.r.err.toString('utf8') === inProcess.err, 'the process edge changes stderr').toBe(true);
  });

  it('a load failure exits 2 identically from two processes', () => {
    const args = ['validate', 'tests/fixtures/load'];
    const [a, b] = [node('dist/cli.js', args), node('dist/cli.js', args)];
    expect(a.status).toBe(2);
    expect(b.status).toBe(2);
    expect(a.err.equals(b.err)).toBe(true);
    expect(a.out.length + b.out.length).toBe(0);
    expect(a.err.toString('utf8')).not.toMatch(/^\s+at /m);
  });
});
