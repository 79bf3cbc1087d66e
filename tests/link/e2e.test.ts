/**
 * End to end through the CLI, on a copy of the link fixture: `link` shows the matches and
 * writes nothing; `link --write` adds only the implements lines; the check then matches by
 * the explicit links; changing the parent task's deadline makes those links suspect.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model/finding.js';
import { taskFingerprint } from '../../src/core/check/fingerprint.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'kehoach-link-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir = '';
let n = 0;
beforeEach(() => {
  dir = join(root, String(n++));
  cpSync('tests/fixtures/link/plans', dir, { recursive: true });
});
const childFile = (): string => join(dir, 'huyen-lien-ket-2023.yaml');
const parentFile = (): string => join(dir, 'tinh-lien-ket-2023.yaml');
const check = async (): Promise<Report> => JSON.parse((await runCli(['check', dir, '--format', 'json', '--today', '2024-01-15', '--no-cache'])).out) as Report;

describe('kehoach link', () => {
  it('without --write shows the accepted matches and leaves the file alone', async () => {
    const before = readFileSync(childFile(), 'utf8');
    const r = await runCli(['link', childFile(), '--plans', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('huyen-lien-ket-2023 against tinh-lien-ket-2023');
    expect(r.out).toMatch(/II\.1\.a → tinh-lien-ket-2023 II\.1\.a {2}\(automatic match, score [\d.]+; sha1:[0-9a-f]{16}\)/);
    expect(r.out).toContain('Run again with --write to write 3 links');
    expect(readFileSync(childFile(), 'utf8')).toBe(before);
  });

  it('--write adds implements with the parent task fingerprints; a second run has nothing to write', async () => {
    const before = readFileSync(childFile(), 'utf8');
    const r = await runCli(['link', childFile(), '--plans', dir, '--write', '--lang', 'en']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Wrote 3 links (12 lines)');
    const after = readFileSync(childFile(), 'utf8');
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(after.split('\n').filter((l) => !added.includes(l)).join('\n')).toBe(before);
    const parent = parse(readFileSync(parentFile(), 'utf8')) as { tasks: Parameters<typeof taskFingerprint>[0][] };
    expect(after).toContain(`fingerprint: ${taskFingerprint(parent.tasks[0]!)}`);
    const again = await runCli(['link', childFile(), '--plans', dir, '--lang', 'en']);
    expect(again.out).toContain('(already linked)');
    expect(again.out).toContain('Nothing to write.');
  });

  it('after linking, changing the parent task\'s deadline makes the link suspect', async () => {
    await runCli(['link', childFile(), '--plans', dir, '--write']);
    const linked = await check();
    expect(linked.findings.filter((f) => f.rule === 'suspect-link')).toEqual([]);
    writeFileSync(parentFile(), readFileSync(parentFile(), 'utf8').replace(/(key: II\.1\.a[\s\S]*?deadline: )Quý III năm 2023/, '$1Quý II năm 2023'));
    const changed = await check();
    const suspect = changed.findings.filter((f) => f.rule === 'suspect-link');
    expect(suspect).toEqual([expect.objectContaining({ severity: 'warning', task: 'II.1.a', parentTask: 'II.1.a', data: expect.objectContaining({ problem: 'changed' }) })]);
    expect(suspect[0]!.file).toBe(childFile());
    // The pair is still compared through the explicit link: the new deadline makes the child late.
    expect(changed.findings).toContainEqual(expect.objectContaining({ rule: 'late-deadline', task: 'II.1.a', data: expect.objectContaining({ method: 'explicit' }) }));
  });

  it('a child given by id in --plans is written in its own file', async () => {
    const r = await runCli(['link', 'huyen-lien-ket-2023', '--plans', dir, '--write']);
    expect(r.code).toBe(0);
    expect(readFileSync(childFile(), 'utf8')).toContain('implements:');
  });

  it('an unknown child is a load error (exit 2) and nothing is written', async () => {
    const r = await runCli(['link', 'no-such-plan', '--plans', dir, '--write']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không có kế hoạch mã "no-such-plan"');
  });
});
