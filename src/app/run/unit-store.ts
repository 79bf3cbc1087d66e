/**
 * The incremental store (incremental.ts) on disk, one sealed entry per folder of plan files: a
 * re-check after an edit rewrites the shards whose plans it checked or read again, not the
 * store of the whole country (24 MB at 10,000 plans, some 0.4 s to write). Each shard is an
 * entry like any other (sealed, schema-checked, written atomically); one that is missing, forged
 * or of another engine or configuration is no entry: its plans are checked again, and the shard
 * written anew. Shards are keyed entries, so a mix of old and new ones (a run stopped half-way,
 * two runs at once) can only cost speed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readUnitShard, writeCache, type StoredUnits } from './cache.js';

const SHARD_FILE = /^[0-9a-f]{16}\.json$/;

/** The shard a plan file belongs to: its folder's. */
const shardOf = (file: string): string => createHash('sha1').update(dirname(file)).digest('hex').slice(0, 16);

/** What each shard read held (its files and plans, in order): a shard holding the same and nothing checked again is left as it is. */
export type ShardsSeen = Map<string, string>;

const membership = (s: Pick<StoredUnits, 'files' | 'units'>): string => `${s.files.map((f) => f.file).join('\n')}\0${s.units.map((u) => u.id).join('\n')}`;

/** The store of the engine and configuration `base`, from every shard that verifies; null when none does. */
export function readUnits(dir: string, secret: Buffer, base: string): { store: StoredUnits; seen: ShardsSeen } | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => SHARD_FILE.test(n)).sort();
  } catch {
    return null; // no store yet
  }
  const store: StoredUnits = { base, files: [], units: [] };
  const seen: ShardsSeen = new Map();
  for (const name of names) {
    const shard = readUnitShard(join(dir, name), secret);
    const id = name.slice(0, -'.json'.length);
    // A shard of another engine or configuration, or filed under another folder's name, is no entry.
    if (!shard || shard.base !== base || shard.files.some((f) => shardOf(f.file) !== id)) continue;
    store.files.push(...shard.files);
    store.units.push(...shard.units);
    seen.set(id, membership(shard));
  }
  return seen.size ? { store, seen } : null;
}

/**
 * Writes the store in shards: each shard whose membership changed or that holds a file read or a
 * plan checked again (`changed`; all of them when nothing was read before), and removes the
 * shards of folders that hold no plan any more.
 */
export function writeUnits(dir: string, next: StoredUnits, secret: Buffer, before?: { seen: ShardsSeen; files: ReadonlySet<string>; plans: ReadonlySet<string> }): void {
  const fileOf = new Map(next.files.map((f) => [f.stub.plan.id, f.file]));
  const shards = new Map<string, StoredUnits>();
  const shard = (file: string): StoredUnits => {
    const id = shardOf(file);
    let s = shards.get(id);
    if (!s) shards.set(id, (s = { base: next.base, files: [], units: [] }));
    return s;
  };
  for (const f of next.files) shard(f.file).files.push(f);
  for (const u of next.units) shard(fileOf.get(u.id)!).units.push(u);
  for (const [id, s] of shards) {
    const clean = before && before.seen.get(id) === membership(s) && !s.files.some((f) => before.files.has(f.file)) && !s.units.some((u) => before.plans.has(u.id));
    if (!clean) writeCache(join(dir, `${id}.json`), s, secret);
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (SHARD_FILE.test(name) && !shards.has(name.slice(0, -'.json'.length))) rmSync(join(dir, name), { force: true });
}
