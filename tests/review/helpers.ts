/** Corpora and fixed inputs shared by the report tests. */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { listPlanFiles } from '../../src/app/source/files.js';
import { buildCorpus, type Corpus } from '../../src/core/load/corpus.js';
import type { CliIO } from '../../src/cli/commands/context.js';

/** Waivers' expiry is judged on this date, so the golden files do not change with the calendar. */
export const TODAY = '2025-01-01';

export async function loadCorpus(paths: string[] = ['plans']): Promise<Corpus> {
  const r = await loadCorpusFromPaths(paths);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return r.corpus;
}

/** The bundled corpus (plus `extra` directories) with some files' text rewritten in memory. */
export async function corpusWith(edit: (file: string, text: string) => string, extra: string[] = []): Promise<Corpus> {
  const { files } = await listPlanFiles(['plans', ...extra]);
  const r = buildCorpus(files.map((file) => ({ file, text: edit(file, readFileSync(file, 'utf8')) })));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return r.corpus;
}

/** Hostile plan text: markup that must show as text in every report. */
export const HOSTILE_TITLE = `<script>alert(1)</script>"><img src=x onerror=alert(2)> | *x* [a](javascript:alert(3))`;

/** Bỉm Sơn with a hostile II.1.a title, lead agency and plan title (single-quoted YAML). */
export function hostile(file: string, text: string): string {
  if (!file.endsWith('bim-son-2023.yaml')) return text;
  const q = `'${HOSTILE_TITLE.replace(/'/g, "''")}'`;
  return text
    .replace(/^title: .*$/m, `title: ${q}`)
    .replace(/^ {4}title: Tổ chức Hội nghị quán triệt.*$/m, `    title: ${q}`)
    .replace('      - Phòng Nội vụ\n    coordinate:\n      - Phòng Tư pháp (Cơ quan', `      - '<b onmouseover=alert(4)>Phòng Nội vụ</b>'\n    coordinate:\n      - Phòng Tư pháp (Cơ quan`);
}

/** Compares with tests/golden/<name>, or rewrites it when UPDATE_GOLDEN=1. */
export function golden(name: string, actual: string): void {
  const file = path.join('tests/golden', name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/report, then read it against the documents`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A CliIO that captures output. */
export function captureIO(opts: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    stdout: () => out,
    stderr: () => err,
  };
}
