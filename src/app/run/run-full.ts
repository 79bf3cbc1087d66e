/**
 * A check of the whole corpus: served from the cache when no input, setting or engine file
 * changed; else run (on several cores when compiled and large enough) and cached.
 */
import { earliestDeadline, issuedDay } from '../../core/check/analyse.js';
import type { Corpus } from '../../core/load/corpus.js';
import { cacheKey, corpusIndex, indexStore, readCache, slotFile, unitsDir, writeCache, type IndexEntry } from './cache.js';
import { readUnits, writeUnits } from './unit-store.js';
import { unchanged, type CorpusIndex, type FileStat } from '../source/corpus-index.js';
import { checkWithUnits, recheck, storeBase, storeOf, type PlanUnits } from './incremental.js';
import { decodeListed, listCorpus, loadCorpus, readListedBytes } from '../source/corpus-source.js';
import { parallelCheck } from './parallel-check.js';
import { sha1 } from '../source/hash.js';
import { readBytesSync, statIfAny } from '../source/files.js';
import { stubOf } from './worker-protocol.js';
import type { CacheSettings, CheckRun, RunCheckOptions } from './types.js';

type FullOptions = RunCheckOptions & CacheSettings & { workers: number; minParallelFiles: number };

/** Content hashes of files, read as bytes and dropped at once (the parallel path: workers parse them). */
function hashFiles(files: readonly string[], maxFileBytes: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    const b = readBytesSync(f, maxFileBytes);
    out.set(f, 'code' in b || !b.bytes ? 'unreadable' : sha1(b.bytes)); // the check itself reports it, located
  }
  return out;
}

/**
 * Every file's content hash, from the corpus index where a file is as the index saw it (same size and
 * mtime, and older than the indexing run by two seconds, where an mtime can tell), else read and
 * hashed; null when there is no index or a file cannot be read (the caller reads everything). With
 * each file's size and mtime as stat'ed before it was read, for the index this run writes.
 */
function knownHashes(files: readonly string[], index: CorpusIndex | null, maxFileBytes: number): { hashes: Map<string, string>; stats: Map<string, FileStat> } | null {
  if (!index) return null;
  const states = new Map(index.files.map((f) => [f[0], f]));
  const hashes = new Map<string, string>();
  const stats = new Map<string, FileStat>();
  for (const f of files) {
    const known = states.get(f);
    const st = statIfAny(f);
    if (!st) return null;
    stats.set(f, { size: st.size, mtimeMs: st.mtimeMs });
    if (known && known[3] !== '' && unchanged(known, st, index.at)) {
      hashes.set(f, known[3]);
      continue;
    }
    const b = readBytesSync(f, maxFileBytes);
    if ('code' in b || !b.bytes) return null;
    hashes.set(f, sha1(b.bytes));
  }
  return { hashes, stats };
}

export async function runFull(paths: readonly string[], opts: FullOptions): Promise<CheckRun> {
  const say = opts.progress ?? ((): void => undefined);
  say('listing plan files');
  const at = Date.now(); // files changed from now on are read again by the next run (corpus-index.ts)
  const listed = await listCorpus(paths);
  const parallel = !listed.errors.length && opts.workers > 1 && listed.files.length >= opts.minParallelFiles;
  // One thread: every file read once, as bytes, by the one corpus source; hashed for the cache
  // lookup, and decoded and parsed only on a miss (a hit decodes nothing). Parallel: the workers
  // read their own share of the files; the main thread hashes the bytes only to look the cache
  // up, and on a miss the key stored is made of the hashes the workers took of the bytes they
  // parsed, so a file edited between the two reads never leaves a report under the other content.
  if (opts.cacheRoot) say(`hashing ${listed.files.length} files`);
  // With the cache, files unchanged since the last run (its corpus index: same size and mtime, older
  // than that run by two seconds) keep their hash unread; the others are read and hashed.
  const quick = opts.cacheRoot && opts.secret && !listed.errors.length ? knownHashes(listed.files, indexStore(opts.cacheRoot, paths, opts.secret).read(), opts.maxFileBytes) : null;
  let raw = parallel || quick ? null : readListedBytes(listed, opts.maxFileBytes);
  const hashes = !opts.cacheRoot || listed.errors.length ? null : quick ? quick.hashes : raw ? raw.hashes : hashFiles(listed.files, opts.maxFileBytes);
  const slot = opts.cacheRoot ? slotFile(opts.cacheRoot, paths) : null;
  const key = hashes ? cacheKey({ files: [...hashes], settings: { cfg: opts.cfg, today: opts.today } }) : null;
  if (slot && key && opts.secret) {
    const cached = readCache(slot, opts.secret, key);
    // The report as it was made: no plan is read or linked to serve it.
    if (cached?.key === key) return { ok: true, report: cached.report, corpus: null, only: null, documents: new Map(), files: listed.files };
  }
  let run: CheckRun | null = null;
  let corpus: Corpus | null = null;
  let index: IndexEntry[] = [];
  let units: PlanUnits | null = null;
  let keys: Map<string, string> | undefined; // the re-check's unit keys, under the hashes it was given (= parsed)
  let changed: NonNullable<typeof re>['changed'] | undefined; // what the re-check read or checked again
  let parsed = hashes; // the hashes of the bytes the check parsed
  // A miss: the plans whose inputs did not change come from the incremental store (incremental.ts).
  const base = storeBase(opts.cfg);
  const read = hashes && opts.cacheRoot && opts.secret ? readUnits(unitsDir(opts.cacheRoot, paths), opts.secret, base) : null;
  const store = read?.store ?? null;
  let re: ReturnType<typeof recheck> = null;
  try {
    re = store && hashes ? recheck(listed.files, raw?.read ?? null, hashes, store, { cfg: opts.cfg, today: opts.today, maxFileBytes: opts.maxFileBytes }) : null;
  } catch {
    re = null; // a file changed while it was re-checked: the full check reads it again
  }
  if (re) {
    say(`checked ${re.rechecked} of ${re.corpus.order.length} plans again`);
    corpus = re.corpus;
    run = { ok: true, report: re.report, corpus, only: null, documents: new Map(), files: listed.files };
    index = re.index;
    units = re.units;
    keys = re.keys;
    changed = re.changed;
  } else say(`checking ${listed.files.length} plans`);
  if (!run && quick && !parallel) {
    // The full check in one thread reads every file now, and keys what it stores on the bytes it parsed.
    raw = readListedBytes(listed, opts.maxFileBytes);
    parsed = raw.hashes;
  }
  if (run) {
    // served by the store
  } else if (!raw) {
    const r = await parallelCheck(listed.files, { maxFileBytes: opts.maxFileBytes, hash: Boolean(key), cfg: opts.cfg, today: opts.today, workers: opts.workers });
    if (!r.ok) return r;
    corpus = r.corpus;
    run = { ok: true, report: r.report, corpus, only: null, documents: new Map(), files: listed.files };
    units = r.units;
    parsed = r.hashes;
    index = r.stubs.map((s) => ({ stub: s.loaded, hash: r.hashes.get(s.loaded.file) ?? '', issued: s.issued, earliest: s.earliest }));
  } else {
    // Any listing or reading error is reported with every other load error at once.
    const built = await loadCorpus({ paths, maxFileBytes: opts.maxFileBytes }, decodeListed(raw, listed.errors, opts.maxFileBytes));
    if (!built.ok) return built;
    const checked = checkWithUnits(built.corpus, opts.cfg, opts.today);
    units = checked.units;
    corpus = built.corpus;
    run = { ok: true, report: checked.report, corpus, only: null, documents: new Map(), files: listed.files };
    index = [...built.corpus.plans.values()].map((lp) => ({ stub: stubOf(lp), hash: parsed?.get(lp.file) ?? '', issued: issuedDay(lp), earliest: earliestDeadline(lp) }));
  }
  if (slot && key && parsed && opts.cacheRoot && opts.secret) {
    say('writing the cache');
    const stored = cacheKey({ files: listed.files.map((f): [string, string] => [f, parsed!.get(f) ?? 'unreadable']), settings: { cfg: opts.cfg, today: opts.today } });
    writeCache(slot, { key: stored, report: run.report }, opts.secret);
    const known = corpusIndex(index, listed.files, parsed, at, quick?.stats);
    if (known) indexStore(opts.cacheRoot, paths, opts.secret).write(known);
    if (units && corpus) {
      const next = storeOf(base, index, units, corpus, (f) => parsed!.get(f) ?? 'unreadable', keys);
      writeUnits(unitsDir(opts.cacheRoot, paths), next, opts.secret, read && changed ? { seen: read.seen, ...changed } : undefined);
    }
  }
  return run;
}
