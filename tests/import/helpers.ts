/**
 * Shared helpers of the import tests: the seeds, the curated corpus, and text transforms
 * that must not change what the importer reads (re-wrapping, NFD, CRLF).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import type { Plan } from '../../src/core/model/plan.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_DIR = join(ROOT, 'tests/fixtures/seeds');
export const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();
export const seedText = (f: string): string => readFileSync(join(SEED_DIR, f), 'utf8');

/** The curated plans (plans/), by source seed file. */
export async function curated(): Promise<{ all: Plan[]; bySource: Map<string, Plan> }> {
  const r = await loadCorpusFromPaths([join(ROOT, 'plans')]);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const all = [...r.corpus.plans.values()].map((l) => l.plan);
  return { all, bySource: new Map(all.filter((p) => p.source).map((p) => [p.source!, p])) };
}

function wrapLine(line: string, width: number, blankBetween: boolean): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && `${cur} ${word}`.length > width) {
      out.push(cur);
      if (blankBetween) out.push('');
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Breaks every line longer than `width` at spaces, as a narrower page would; only adds
 * breaks. Markdown headings stay on one line (markdown cannot wrap them).
 */
export function narrow(text: string, width: number, blankBetween = false): string {
  return text
    .split('\n')
    .flatMap((line) => (line.length <= width || /^\s*#/.test(line) ? [line] : wrapLine(line, width, blankBetween)))
    .join('\n');
}

/**
 * The same document laid out on a wider page: lines of a paragraph are joined and wrapped
 * again at `width`. A paragraph ends where a line ends well short of the longest line (the
 * last line of a wrapped paragraph) or before a list item or heading.
 */
export function rewrap(text: string, width: number): string {
  const lines = text.split('\n').map((l) => l.trim());
  const full = Math.max(...lines.map((l) => l.length));
  const starts = /^([-+•]|[IVX]+\.|\d+\.|[a-zđ][.)]|#|\*\*)/u;
  const paras: string[] = [];
  let cur = '';
  let open = false;
  for (const line of lines) {
    if (!line) continue;
    if (cur && (!open || starts.test(line))) {
      paras.push(cur);
      cur = '';
    }
    // A code split at its hyphen ("NĐ-" / "CP") closes up, as on the original page.
    cur = !cur ? line : /[\p{Lu}\d/]-$/u.test(cur) && /^[\p{Lu}\d]/u.test(line) ? cur + line : `${cur} ${line}`;
    open = line.length >= 0.8 * full;
  }
  if (cur) paras.push(cur);
  return narrow(paras.join('\n\n'), width);
}
