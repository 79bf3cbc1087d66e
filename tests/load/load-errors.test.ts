/** Each load error has a fixture: a located message (file:line:column) and exit 2, no stack trace. */
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const cases: [string, string, string][] = [
  ['yaml-syntax', 'tests/fixtures/load/yaml-syntax/plan.yaml:2:8: error: Missing closing "quote [yaml-syntax]', 'malformed YAML (at the opening quote)'],
  ['schema-missing', 'tests/fixtures/load/schema-missing/plan.yaml:1:1: error: title: required field is missing [schema]', 'missing field'],
  ['schema-type', 'tests/fixtures/load/schema-type/plan.yaml:3:8: error: level: Invalid option', 'wrong enum'],
  ['schema-type', 'tests/fixtures/load/schema-type/plan.yaml:6:12: error: tasks.0.title: Invalid input: expected string, received number [schema]', 'wrong type'],
  ['schema-unknown-key', 'tests/fixtures/load/schema-unknown-key/plan.yaml:7:5: error: tasks.0.deadlin: Unrecognized key: "deadlin" [schema]', 'misspelt key'],
  ['dup-task', 'tests/fixtures/load/dup-task/plan.yaml:7:5: error: task key "II.1.d" is used twice in this file (first at line 5)', 'same task key twice'],
  ['dup-id', 'tests/fixtures/load/dup-id/b.yaml:1:1: error: plan id "same-id" is already used by tests/fixtures/load/dup-id/a.yaml [duplicate-plan-id]', 'duplicate plan id'],
  ['missing-parent', 'tests/fixtures/load/missing-parent/plan.yaml:5:5: error: basedOn names plan "no-such-plan", which is not among the loaded plans', 'unknown parent'],
  ['cycle3', 'tests/fixtures/load/cycle3/a.yaml:5:5: error: derivation cycle: a → b → c → a [cycle]', 'cycle of three'],
  ['self-parent', 'tests/fixtures/load/self-parent/plan.yaml:5:5: error: plan "me" names itself in basedOn [cycle]', 'self-parent'],
  ['binary', 'tests/fixtures/load/binary/plan.yaml:1:1: error: this is a binary file, not a YAML plan [binary]', 'binary file'],
  ['alias-bomb', 'tests/fixtures/load/alias-bomb/plan.yaml:1:1: error: Excessive alias count', 'alias bomb'],
  ['empty-file', 'tests/fixtures/load/empty-file/plan.yaml:1:1: error: the file is empty', 'empty file'],
];

/** The English messages (Vietnamese, the default, in tests/format/said.test.ts). */
const EN = { KEHOACH_LANG: 'en' };

describe('load errors', () => {
  it.each(cases)('%s: %s (%s)', async (dir, expected) => {
    const r = await runCli(['validate', fixture('load', dir)], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.out).toBe('');
  });

  it('missing path', async () => {
    const r = await runCli(['validate', 'tests/fixtures/load/does-not-exist'], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tests/fixtures/load/does-not-exist:1:1: error: no such file or directory [not-found]');
  });

  it('empty directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-empty-'));
    const r = await runCli(['validate', dir], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}:1:1: error: this directory holds no plan files`);
  });

  it('symlink loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-loop-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'p.yaml'), 'id: p\ntitle: P\nlevel: province\ntasks: []\n');
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('self', join(dir, 'self'));
    const r = await runCli(['validate', dir], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}/sub/up:1:1: error: symbolic link loop`);
    expect(r.err).toContain(`${dir}/self:1:1: error: symbolic link loop`);
  });

  it('too large file names the limit and the option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-big-'));
    writeFileSync(join(dir, 'big.yaml'), 'id: big\ntitle: Big\nlevel: province\ntasks: []\n# ' + 'x'.repeat(2 * 1048576));
    const r = await runCli(['validate', '--max-file-size', '1', dir], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}/big.yaml:1:1: error: file is 2.0 MB, over the 1 MB limit (raise it with --max-file-size <MB>) [too-large]`);
    expect((await runCli(['validate', '--max-file-size', '3', dir], EN)).code).toBe(0);
  });

  it('a configuration file gets the same guards as a plan (nesting depth)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-cfg-'));
    writeFileSync(join(dir, 'deep.yaml'), `severity:\n  x: ${'['.repeat(300)}${']'.repeat(300)}\n`);
    const r = await runCli(['check', 'plans', '--config', join(dir, 'deep.yaml'), '--no-cache'], EN);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(dir, 'deep.yaml')}:2:206: error: collections nested more than 200 levels deep: not a configuration [yaml-syntax]`);
  });

  it("a directory's entries are stat'ed at once, and their errors still come in name order", async () => {
    const { listPlanFiles } = await import('../../src/app/source/files.js');
    const denied = (delay: number) => new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('denied'), { code: 'EACCES' })), delay));
    let inFlight = 0;
    let most = 0;
    const fs = {
      stat: async (p: string) => {
        if (p === 'virtual') return { isDirectory: () => true, isFile: () => false, size: 0 };
        most = Math.max(most, ++inFlight);
        try {
          // a.yaml fails last, c.yaml first: the order of failures is not the order of names.
          if (p.endsWith('/a.yaml')) return await denied(30);
          if (p.endsWith('/c.yaml')) return await denied(1);
          await new Promise((r) => setTimeout(r, 10));
          return { isDirectory: () => false, isFile: () => true, size: 10 };
        } finally {
          inFlight--;
        }
      },
      readdir: async () => ['c.yaml', 'b.yaml', 'a.yaml', 'd.yaml'],
      realpath: async (p: string) => p,
      readFile: async () => new Uint8Array(),
    };
    const r = await listPlanFiles(['virtual'], fs);
    expect(most).toBe(4);
    expect(r.files).toEqual(['virtual/b.yaml', 'virtual/d.yaml']);
    expect(r.errors.map((e) => e.file)).toEqual(['virtual/a.yaml', 'virtual/c.yaml']);
    expect(r.errors[0]).toMatchObject({ code: 'unreadable', message: 'cannot read: EACCES' });
  });

  it('unreadable file (simulated: tests run as root, who reads anything)', async () => {
    const { loadCorpusFromPaths } = await import('../../src/app/source/load.js');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const fs = {
      stat: async (p: string) => ({ isDirectory: () => p === 'virtual', isFile: () => p !== 'virtual', size: 10 }),
      readdir: async () => ['plan.yaml'],
      realpath: async (p: string) => p,
      readFile: async () => {
        throw denied;
      },
    };
    const r = await loadCorpusFromPaths(['virtual'], { fs });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'virtual/plan.yaml', line: 1, column: 1, code: 'unreadable', message: 'cannot read: EACCES' });
  });
});
