/** `kehoach diff` and `kehoach audit` as commands: loading by id or file, output, colour, exit codes. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { auditCommand } from '../../src/cli/commands/audit.js';
import { captureIO, TODAY } from './helpers.js';
import { runCli } from '../helpers/cli.js';

const P = 'thanh-hoa-172-2023';
const C = 'bim-son-2023';

describe('kehoach diff', () => {
  it('takes ids, prints the text report, exits 0', async () => {
    const io = captureIO();
    expect(await diffCommand(io, P, C, { format: 'text', today: TODAY })).toBe(0);
    expect(io.stdout()).toBe(readFileSync('tests/golden/diff-bim-son-vs-thanh-hoa-172.txt', 'utf8'));
    expect(io.stderr()).toBe('');
  });

  it('takes files as well as ids (a file replaces the corpus plan of its id)', async () => {
    const io = captureIO();
    expect(await diffCommand(io, 'plans/province/thanh-hoa-172-2023.yaml', './plans/district/thanh-hoa/bim-son-2023.yaml', { format: 'json', today: TODAY })).toBe(0);
    expect(io.stdout()).toBe(readFileSync('tests/golden/diff-bim-son-vs-thanh-hoa-172.json', 'utf8'));
  });

  it('finds synthetic plans with a repeated --plans', async () => {
    const io = captureIO();
    expect(await diffCommand(io, P, 'synthetic-tan-phong-2023', { format: 'markdown', plans: ['plans', 'examples/thanh-hoa'], today: TODAY })).toBe(0);
    expect(io.stdout()).toContain('bỏ hạn, khác cơ quan');
  });

  it('colours only on a TTY without NO_COLOR, and never into a file', async () => {
    const tty = captureIO({ isTTY: true });
    await diffCommand(tty, P, C, { format: 'text', today: TODAY });
    expect(tty.stdout()).toContain('\x1b[');
    const noColor = captureIO({ isTTY: true, env: { NO_COLOR: '1' } });
    await diffCommand(noColor, P, C, { format: 'text', today: TODAY });
    expect(noColor.stdout()).not.toContain('\x1b[');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kehoach-diff-')), 'd.txt');
    const toFile = captureIO({ isTTY: true });
    await diffCommand(toFile, P, C, { format: 'text', output: file, today: TODAY });
    expect(toFile.stdout()).toBe('');
    expect(readFileSync(file, 'utf8')).not.toContain('\x1b[');
  });

  it('exits 2 for a pair that is not parent and child, or an unknown id', async () => {
    const io = captureIO();
    expect(await diffCommand(io, 'qd-346-ttg-2023', C, { format: 'text' })).toBe(2);
    expect(io.stderr()).toMatch(/không phải kế hoạch cấp trên trực tiếp/);
    const io2 = captureIO();
    expect(await diffCommand(io2, P, 'nope', { format: 'text' })).toBe(2);
    expect(io2.stderr()).toMatch(/không có kế hoạch mã "nope"/);
  });
});

describe('kehoach audit', () => {
  it('writes a self-contained HTML page with -o', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kehoach-audit-')), 'audit.html');
    const io = captureIO();
    expect(await auditCommand(io, P, { format: 'html', plans: ['plans', 'examples/thanh-hoa'], output: file, today: TODAY })).toBe(0);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|<link|@import|url\(http|src="http/i);
  });

  it('honours --depth and --lang', async () => {
    const io = captureIO();
    expect(await auditCommand(io, 'qd-346-ttg-2023', { format: 'json', depth: 2, lang: 'en', today: TODAY })).toBe(0);
    const a = JSON.parse(io.stdout()) as { depth: number; lang: string; groups: { parent: string }[] };
    expect(a).toMatchObject({ depth: 2, lang: 'en' });
    expect(a.groups.map((g) => g.parent)).toEqual(['qd-346-ttg-2023', P]);
  });
});

describe('wired into the program (src/cli/main.ts)', () => {
  it('kehoach diff … --format markdown and kehoach audit … --plans a --plans b --format json', async () => {
    const d = await runCli(['diff', P, C, '--format', 'markdown', '--today', TODAY]);
    expect(d).toMatchObject({ code: 0, err: '' });
    expect(d.out).toBe(readFileSync('tests/golden/diff-bim-son-vs-thanh-hoa-172.md', 'utf8'));
    const a = await runCli(['audit', P, '--plans', 'plans', '--plans', 'examples/thanh-hoa', '--depth', '1', '--format', 'json', '--today', TODAY]);
    expect(a.code).toBe(0);
    expect((JSON.parse(a.out) as { groups: { children: string[] }[] }).groups[0]!.children).toHaveLength(4);
  });

  it('rejects an unknown format with exit 2', async () => {
    expect((await runCli(['diff', P, C, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['audit', P, '--format', 'text'])).code).toBe(2);
  });
});
