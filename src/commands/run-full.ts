/**
 * A check of the whole corpus: served from the cache when no input, setting or engine file
 * changed; else run (on several cores when compiled and large enough) and cached.
 */
import { readFileSync } from 'node:fs';
import { earliestDeadline, issuedDay } from '../check/analyse.js';
import { checkCorpus } from '../check/engine.js';
import { buildCorpus, linkPlans, sortErrors } from '../load/corpus.js';
import { cacheKey, draftIndex, indexFile, readCache, sha1, slotFile, writeCache, type IndexEntry } from '../io/cache.js';
import { listPlanFiles, readSources } from '../io/files.js';
import { parallelCheck } from '../io/parallel-check.js';
import { stubOf } from '../io/worker-protocol.js';
import type { CheckRun, RunCheckOptions } from './run-check.js';
import { loadForCheck } from './load-for-check.js';

type FullOptions = RunCheckOptions & { workers: number; minParallelFiles: number; cacheRoot: string | null; maxFileBytes: number };

/** Content hashes of the files, read as bytes and dropped at once (only the cache needs them). */
function hashFiles(files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    try {
      out.set(f, sha1(readFileSync(f)));
    } catch {
      out.set(f, 'unreadable'); // the check itself reports it, located
    }
  }
  return out;
}

export async function runFull(paths: readonly string[], opts: FullOptions): Promise<CheckRun> {
  const say = opts.progress ?? ((): void => undefined);
  say('listing plan files');
  const listed = await listPlanFiles(paths);
  // Any listing error: load everything the slow way so every load error is reported at once.
  if (listed.errors.length) return everyError(paths, opts);
  if (opts.cacheRoot) say(`hashing ${listed.files.length} files`);
  const hashes = opts.cacheRoot ? hashFiles(listed.files) : null;
  const slot = opts.cacheRoot ? slotFile(opts.cacheRoot, paths) : null;
  const key = hashes ? cacheKey({ files: [...hashes], settings: { cfg: opts.cfg, today: opts.today } }) : null;
  if (slot && key) {
    const cached = readCache(slot);
    if (cached?.key === key) {
      const linked = linkPlans(cached.index.map((e) => e.stub));
      if (linked.ok) return { ok: true, report: cached.report, corpus: linked.corpus, only: null, documents: new Map() };
    }
  }
  let run: CheckRun;
  let index: IndexEntry[];
  say(`checking ${listed.files.length} plans`);
  if (opts.workers > 1 && listed.files.length >= opts.minParallelFiles) {
    const r = await parallelCheck(listed.files, { maxFileBytes: opts.maxFileBytes, cfg: opts.cfg, today: opts.today, workers: opts.workers });
    if (!r.ok) return r;
    run = { ok: true, report: r.report, corpus: r.corpus, only: null, documents: new Map() };
    index = r.stubs.map((s) => ({ stub: s.loaded, hash: hashes?.get(s.loaded.file) ?? '', issued: s.issued, earliest: s.earliest }));
  } else {
    const { sources, errors } = await readSources(listed.files, { maxFileBytes: opts.maxFileBytes });
    if (errors.length) return everyError(paths, opts);
    const built = buildCorpus(sources);
    if (!built.ok) return built;
    run = { ok: true, report: checkCorpus(built.corpus, opts.cfg, { today: opts.today }), corpus: built.corpus, only: null, documents: new Map() };
    index = [...built.corpus.plans.values()].map((lp) => ({ stub: stubOf(lp), hash: hashes?.get(lp.file) ?? '', issued: issuedDay(lp), earliest: earliestDeadline(lp) }));
  }
  if (slot && key && opts.cacheRoot) {
    say('writing the cache');
    writeCache(slot, { version: 1, key, report: run.report, index });
    writeCache(indexFile(opts.cacheRoot, paths), draftIndex(index));
  }
  return run;
}

/** The one-thread full load, which collects every load error (listing, reading, parsing, linking). */
async function everyError(paths: readonly string[], opts: FullOptions): Promise<CheckRun> {
  const all = await loadForCheck(paths, undefined, { maxFileMb: opts.maxFileMb });
  if (!all.ok) return { ok: false, errors: sortErrors(all.errors) };
  return { ok: true, report: checkCorpus(all.corpus, opts.cfg, { today: opts.today }), corpus: all.corpus, only: null, documents: new Map() };
}
