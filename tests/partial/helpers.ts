/** A small generated corpus for the partial-load and incremental tests, and its plans by level. */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateCorpus } from '../../tools/bench/generate.js';

export interface PlanInfo {
  id: string;
  file: string;
  level: string;
  parents: string[];
}

export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export function plansOf(dir: string): PlanInfo[] {
  return yamlFiles(dir).map((file) => {
    const doc = parse(readFileSync(file, 'utf8')) as { id: string; level: string; basedOn?: unknown[] };
    const parents = (doc.basedOn ?? []).flatMap((b) => (typeof b === 'string' ? [b] : b && typeof b === 'object' && 'plan' in b ? [String((b as { plan: unknown }).plan)] : []));
    return { id: doc.id, file, level: doc.level, parents };
  });
}

export async function corpus(plans: number, seed: number): Promise<{ root: string; dir: string; plans: PlanInfo[] }> {
  const root = mkdtempSync(join(tmpdir(), 'kehoach-partial-'));
  const dir = join(root, 'corpus');
  await generateCorpus({ out: dir, plans, shape: 2023, seed });
  return { root, dir, plans: plansOf(dir) };
}

/** A commune, its district and province (a chain of three below the national plan). */
export function chain(plans: PlanInfo[]): { province: PlanInfo; district: PlanInfo; commune: PlanInfo; national: PlanInfo } {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const commune = plans.find((p) => p.level === 'commune' && byId.get(p.parents[0]!)?.level === 'district')!;
  const district = byId.get(commune.parents[0]!)!;
  const province = byId.get(district.parents[0]!)!;
  const national = plans.find((p) => p.level === 'national')!;
  return { province, district, commune, national };
}

/** Replaces `from` by `to` in a file; the edit must change it. */
export function edit(file: string, from: RegExp | string, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, file).not.toBe(text);
  writeFileSync(file, next);
}

/** A cache entry's header line and body (src/app/run/cache.ts), and a body sealed anew with the user's key in `configDir`: for forging entries. */
export function entryParts(text: string): { header: string; body: string } {
  return { header: text.slice(0, text.indexOf('\n')), body: text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1) };
}
export function sealer(configDir: string): (header: string, body: string) => string {
  const secret = Buffer.from(readFileSync(join(configDir, 'cache-key'), 'utf8').trim(), 'hex');
  return (header, body) => `${header}\n${createHmac('sha256', secret).update(body).digest('hex')}\n${body}`;
}

/** Each plan file's mtime set an hour back: older than the next indexing run by more than its two seconds, so the cache trusts what it recorded of them. */
export function ageFiles(plans: readonly PlanInfo[]): void {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const p of plans) utimesSync(p.file, hourAgo, hourAgo);
}
