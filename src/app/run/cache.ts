/**
 * The check cache. A whole check is kept with a key made of everything that decides its
 * result: the content hash of every input file and its path, the engine's own code and
 * tables, the configuration and the date waivers are judged on (not the language: a cached
 * report serves both). Any edit, rename, addition or deletion changes the key, so a stale
 * result is never served; nothing is ever written under the plans' directories. One slot per
 * set of input paths keeps the cache from growing. The same slot holds the corpus index (each
 * file's state, hash and head: src/app/source/corpus-index.ts) that lets the next run skip the
 * files that did not change. Entries are sealed with an HMAC under a key outside the
 * cache folder and checked against a schema: the cache can never change an answer.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { CacheEntry, CorpusIndexEntry, UnitStore } from './cache-schema.js';
import type { CorpusIndex, FileStat, FileState, IndexStore } from '../source/corpus-index.js';
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
  key: string;
  report: Report;
}


import { sha1 } from '../source/hash.js';
import { statIfAny } from '../source/files.js';

export { sha1 };

export function defaultCacheDir(env: Record<string, string | undefined>): string {
  return env['KEHOACH_CACHE_DIR'] ?? '.kehoach-cache';
}

const slotId = (paths: readonly string[]): string => sha1(paths.map((p) => resolve(p)).sort().join('\n')).slice(0, 16);

/** The slot for a set of input paths, resolved against the working directory. */
export function slotFile(cacheDir: string, paths: readonly string[]): string {
  return join(cacheDir, `check-${slotId(paths)}.json`);
}

/** The corpus index of the same set of paths (src/app/source/corpus-index.ts). */
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

/**
 * An entry on disk: a header line, the HMAC of the body under the user's key (cache-secret.ts),
 * then the body (JSON). Read, it must verify and then pass its schema; anything else — no
 * file, another format, a forged or damaged entry, another build's shape — is a miss.
 */
const HEADER = 'kehoach-cache 2';

/** Whether an entry's body opens with `opens` (the header and the seal before it: a header line and 64 hex digits). */
function entryOpens(file: string, opens: string): boolean {
  const want = Buffer.from(`${HEADER}\n`);
  const head = Buffer.alloc(want.length + 65 + Buffer.byteLength(opens));
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const got = readSync(fd, head, 0, head.length, 0);
    return got === head.length && head.subarray(0, want.length).equals(want) && head.toString('utf8', want.length + 65) === opens;
  } catch {
    return false; // a folder in its place, a read error: a miss
  } finally {
    closeSync(fd);
  }
}

const seal = (secret: Buffer, body: string): string => createHmac('sha256', secret).update(body).digest('hex');

function readSealed<T>(file: string, secret: Buffer, schema: z.ZodType<T>, opens?: string): T | null {
  // An entry whose body does not open as the one wanted is a miss, told from its first bytes
  // before the rest is read (a re-check after an edit does not pay for reading the whole
  // previous report: 25 MB at 10,000 plans).
  if (opens !== undefined && !entryOpens(file, opens)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null; // no cache yet
  }
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || text.slice(0, first) !== HEADER) return null;
  if (opens !== undefined && !text.startsWith(opens, second + 1)) return null;
  const mac = Buffer.from(text.slice(first + 1, second), 'hex');
  const body = text.slice(second + 1);
  const want = Buffer.from(seal(secret, body), 'hex');
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return null;
  try {
    const r = schema.safeParse(JSON.parse(body));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The entry of a key (`key` given: any other key is a miss, known from the body's first bytes). */
export const readCache = (file: string, secret: Buffer, key?: string): CacheData | null =>
  readSealed(file, secret, CacheEntry, key === undefined ? undefined : `{"key":${JSON.stringify(key)},`) as CacheData | null;
type IndexColumns = z.infer<typeof CorpusIndexEntry>;

export function readIndex(file: string, secret: Buffer): CorpusIndex | null {
  const c = readSealed(file, secret, CorpusIndexEntry);
  if (!c) return null;
  const files = c.files.map((f, i): FileState => {
    const id = c.ids[i]!;
    return [f, c.sizes[i]!, c.mtimes[i]!, c.hashes[i]!, id === null ? null : [id, c.parents[i]!]];
  });
  return { at: c.at, files };
}

const columnsOf = (index: CorpusIndex): IndexColumns => ({
  at: index.at,
  files: index.files.map((s) => s[0]),
  sizes: index.files.map((s) => s[1]),
  mtimes: index.files.map((s) => s[2]),
  hashes: index.files.map((s) => s[3]),
  ids: index.files.map((s) => s[4]?.[0] ?? null),
  parents: index.files.map((s) => s[4]?.[1] ?? []),
});

/** The corpus index of a set of paths, read and written in the cache. */
export const indexStore = (cacheDir: string, paths: readonly string[], secret: Buffer): IndexStore => {
  const file = indexFile(cacheDir, paths);
  return { read: () => readIndex(file, secret), write: (index) => writeCache(file, columnsOf(index), secret) };
};

/** What the incremental store holds (cache-schema.ts UnitStore): each file's parse, each plan's check. */
export interface StoredUnits {
  base: string;
  files: { file: string; hash: string; stub: LoadedPlan; issued: string | null; earliest: string | null }[];
  units: { id: string; key: string; unchecked: number; findings: Report['findings'] }[];
}

/** The folder of the incremental store of a set of paths (src/app/run/unit-store.ts). */
export function unitsDir(cacheDir: string, paths: readonly string[]): string {
  return join(cacheDir, `units-${slotId(paths)}`);
}

/** One shard of the incremental store, sealed and checked like every entry. */
export const readUnitShard = (file: string, secret: Buffer): StoredUnits | null => readSealed(file, secret, UnitStore) as StoredUnits | null;

/**
 * The corpus index of a full run that began reading at `at`: every file's hash and head, and its
 * size and mtime as stat'ed before it was read (`stats`), else now (either way an edit after `at`
 * has a later mtime: the next run reads the file again).
 */
export function corpusIndex(entries: readonly IndexEntry[], files: readonly string[], hashes: ReadonlyMap<string, string>, at: number, stats?: ReadonlyMap<string, FileStat>): CorpusIndex | null {
  const heads = new Map(entries.map((e): [string, [string, string[]]] => [e.stub.file, [e.stub.plan.id, parentIds(e.stub.plan)]]));
  const states: FileState[] = [];
  for (const f of files) {
    const hash = hashes.get(f);
    const st = stats?.get(f) ?? statIfAny(f);
    if (!hash || !st) return null; // a file gone since it was read: no index this time
    states.push([f, st.size, st.mtimeMs, hash, heads.get(f) ?? null]);
  }
  return { at, files: states };
}

/** Writes a sealed entry atomically (a temp file of a random name, created exclusively, then renamed), so a crash never leaves half a cache and no other user can plant the temp file. */
export function writeCache(file: string, data: CacheData | IndexColumns | StoredUnits, secret: Buffer): void {
  let tmp: string | null = null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const body = JSON.stringify(data);
    tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
    writeFileSync(tmp, `${HEADER}\n${seal(secret, body)}\n${body}`, { flag: 'wx', mode: 0o600 });
    renameSync(tmp, file);
    tmp = null;
  } catch {
    // A cache that cannot be written (read-only directory) only costs speed.
  } finally {
    if (tmp) rmSync(tmp, { force: true });
  }
}
