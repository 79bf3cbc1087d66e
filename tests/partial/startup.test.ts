/**
 * Start-up that matches the command (issue 19): a .txt import and a check load neither the PDF
 * reader (pdfjs), the Word readers (jszip, xmldom), the docx writer nor any canvas library; a
 * .docx import loads the Word readers. Watched through the built bin with a module loader hook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'dist/bundle/cli.js');
const HEAVY = /node_modules\/(pdfjs-dist|jszip|@xmldom|docx|canvas|@napi-rs\/canvas|mammoth)\//;

function loaded(args: string[], cwd: string): string[] {
  const hook = join(cwd, 'hook.mjs');
  writeFileSync(
    hook,
    `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent("export async function load(url, ctx, next) { process._rawDebug('LOADED ' + url); return next(url, ctx); }"));\n`,
  );
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, KEHOACH_CACHE_DIR: join(cwd, 'cache'), KEHOACH_CONFIG_DIR: join(cwd, 'config') } });
  return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
}

describe('start-up', () => {
  it('a .txt import and a check load no document reader', () => {
    expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
    const cwd = mkdtempSync(join(tmpdir(), 'kehoach-startup-'));
    writeFileSync(join(cwd, 'ke-hoach.txt'), 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nKẾ HOẠCH\nTriển khai thi hành Luật\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\n1. Tổ chức hội nghị.\n');
    const plans = join(process.cwd(), 'plans');
    for (const args of [['import', 'ke-hoach.txt', '--plans', plans], ['check', plans, '--today', '2026-01-01'], ['check', '--plans', plans, '--plan', 'thanh-hoa-172-2023', '--today', '2026-01-01']]) {
      const mods = loaded(args, cwd);
      expect(mods.length, args.join(' ')).toBeGreaterThan(0);
      expect(mods.filter((m) => HEAVY.test(m)), args.join(' ')).toEqual([]);
    }
  }, 60_000);
});
