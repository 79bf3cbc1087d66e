/**
 * The check cache. A whole check is kept with a key made of everything that decides its
 * result: the content hash of every input file and its path, the engine's own code and
 * tables, the configuration and the date waivers are judged on (not the language: a cached
 * report serves both). Any edit, rename, addition or deletion changes the key, so a stale
 * result is never served; nothing is ever written under the plans' directories. One slot per set of input paths keeps the
 * cache from growing. The same slot holds the index (plan id → file, parents, dates) that
 * lets a draft be checked against its parents without reading the whole corpus.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Report } from '../../core/model/finding.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { packageRoot } from '../tables.js';
import { parentIds } from '../../core/model/plan.js';

export interface IndexEntry {
  /** The plan cut to what links, dates and labels it (src/app/run/worker-protocol.ts stubOf). */
  stub: LoadedPlan;
  hash: string;
  issued: string | null;
  earliest: string | null;
}

export interface CacheData {
  version: 1;
  key: string;
  report: Report;
  index: IndexEntry[];
}

/** The compact index a draft check reads: plan id → [file, parent ids]. Kept in its own file. */
export interface DraftIndex {
  version: 1;
  plans: Record<string, [string, string[]]>;
}

import { sha1 } from '../source/hash.js';

export { sha1 };

export function defaultCacheDir(env: Record<string, string | undefined>): string {
  return env['KEHOACH_CACHE_DIR'] ?? '.kehoach-cache';
}

const slotId = (paths: readonly string[]): string => sha1(paths.map((p) => resolve(p)).sort().join('\n')).slice(0, 16);

/** The slot for a set of input paths, resolved against the working directory. */
export function slotFile(cacheDir: string, paths: readonly string[]): string {
  return join(cacheDir, `check-${slotId(paths)}.json`);
}

/** The draft index of the same set of paths. */
export function indexFile(cacheDir: string, paths: readonly string[]): string {
  return join(cacheDir, `index-${slotId(paths)}.json`);
}

let engine: string | undefined;

/**
 * A hash of the engine's code and tables: a new build or an edited table is a new key. The
 * build writes dist/build-id.txt; running from sources (tests), the sources are hashed.
 */
export function engineHash(): string {
  if (engine) return engine;
  const h = createHash('sha1');
  const root = packageRoot();
  const built = join(root, 'dist', 'build-id.txt');
  const compiled = import.meta.url.endsWith('.js') && existsSync(built);
  if (compiled) h.update(readFileSync(built));
  else hashTree(h, join(root, 'src'));
  const rules = join(root, 'rules');
  for (const f of readdirSync(rules).sort()) h.update(f).update(readFileSync(join(rules, f)));
  engine = h.digest('hex');
  return engine;
}

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) hashTree(h, p);
    else h.update(e.name).update(readFileSync(p));
  }
}

export function cacheKey(parts: { files: [string, string][]; settings: unknown }): string {
  const h = createHash('sha1').update(engineHash()).update(JSON.stringify(parts.settings));
  for (const [file, hash] of parts.files) h.update(file).update('\0').update(hash).update('\n');
  return h.digest('hex');
}

function readJson<T extends { version: 1 }>(file: string): T | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as T;
    return data.version === 1 ? data : null;
  } catch {
    return null; // no cache, or a broken one: either way, check afresh
  }
}

export const readCache = (file: string): CacheData | null => readJson<CacheData>(file);
export const readIndex = (file: string): DraftIndex | null => readJson<DraftIndex>(file);

export function draftIndex(entries: readonly IndexEntry[]): DraftIndex {
  const plans: DraftIndex['plans'] = {};
  for (const e of entries) plans[e.stub.plan.id] = [e.stub.file, parentIds(e.stub.plan)];
  return { version: 1, plans };
}

/** Writes atomically (temp file + rename), so a crash never leaves half a cache. */
export function writeCache(file: string, data: CacheData | DraftIndex): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written (read-only directory) only costs speed.
  }
}
