/**
 * The benchmark's baseline: read every plan file under a directory and parse it with the `yaml`
 * package's parse(), one after another in one thread, and nothing else. The check is measured
 * against this (issue 8: cold check ≤ 1.0× this). Run as its own process, like the check.
 * `node dist/bench/parse-baseline.js <dir>` prints `{"files":…,"bytes":…,"ms":…}`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
}

export function parseAll(dir: string): { files: number; bytes: number; ms: number } {
  const started = performance.now();
  const files: string[] = [];
  walk(dir, files);
  let bytes = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    parse(text);
  }
  return { files: files.length, bytes, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: parse-baseline <dir>\n');
    process.exitCode = 2;
  } else process.stdout.write(`${JSON.stringify(parseAll(dir))}\n`);
}
