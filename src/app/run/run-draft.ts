/**
 * One plan checked against its direct parents (--plan). With the cache's index of the corpus
 * (plan id → file, parents), only the draft and its ancestors are read and parsed: a drafter
 * re-checking a draft all day does not parse the whole country. The index is used only when it
 * verifies (sealed: cache.ts) and the corpus is the one it was made of (indexHolds): the cache
 * can make a check faster, never change its answer.
 */
import { checkCorpus } from '../../core/check/engine.js';
import { linkPlans, sortErrors } from '../../core/load/corpus.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { parentIds } from '../../core/model/plan.js';
import { statSync } from 'node:fs';
import { indexFile, readIndex, type DraftIndex } from './cache.js';
import { sha1 } from '../source/hash.js';
import { listCorpus, parsePlans } from '../source/corpus-source.js';
import { loadNeighbourhood } from '../source/neighbourhood.js';
import { isFile, isPlanFileArg, readBytesSync, readSources } from '../source/files.js';
import type { CacheSettings, CheckRun, RunCheckOptions } from './types.js';
import { documentLimit } from '../source/read-capped.js';

export async function runDraft(paths: readonly string[], plan: string | undefined, opts: RunCheckOptions & CacheSettings): Promise<CheckRun> {
  // Documents and --parent change what is loaded: they go through the full load.
  if (plan && !opts.documents?.length && !opts.parent) {
    const read = opts.cacheRoot && opts.secret ? readIndex(indexFile(opts.cacheRoot, paths), opts.secret) : null;
    const index = read && (await indexHolds(read, paths, opts.maxFileBytes)) ? read : null;
    const byId = new Map(Object.entries(index?.plans ?? {}));
    const draftFile = isPlanFileArg(plan) ? plan.replace(/\\/g, '/') : byId.get(plan)?.[0];
    if (index && draftFile) {
      const fast = await throughIndex(draftFile, byId, opts);
      if (fast) return fast;
    }
  }
  const subjects = [...(plan ? [plan] : []), ...(opts.documents ?? [])];
  // The draft, its documents and its ancestors only (neighbourhood.ts; documents load everything).
  const loaded = await loadNeighbourhood({
    paths,
    given: subjects,
    maxFileBytes: opts.maxFileBytes,
    maxDocumentBytes: documentLimit(opts.maxFileMb),
    parent: opts.parent ? { id: opts.parent, of: subjects } : undefined,
    notice: opts.notice,
  });
  if (!loaded.ok) return loaded;
  const only = new Set(loaded.ids);
  const report = checkCorpus(loaded.corpus, opts.cfg, { today: opts.today, only });
  return { ok: true, report, corpus: loaded.corpus, only, documents: loaded.documents };
}

/**
 * Whether the corpus is still the one the index was made of: the same files, in the same
 * order, each unchanged — same size and mtime, or, for a file changed since the indexing run
 * began reading (or within two seconds before, where an mtime cannot tell), the same content
 * hash. The index was written by a run that loaded every file without error, so a corpus it
 * holds for has the same ids, no duplicate and no load error; any difference (a file added,
 * renamed, broken, an id changed) sends the check through the full load, which reports it.
 */
async function indexHolds(index: DraftIndex, paths: readonly string[], maxFileBytes: number): Promise<boolean> {
  const listed = await listCorpus(paths);
  if (listed.errors.length || listed.files.length !== index.files.length) return false;
  return index.files.every(([file, size, mtime, hash], i) => {
    if (listed.files[i] !== file) return false;
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st || st.size !== size) return false;
    if (st.mtimeMs === mtime && mtime < index.at - 2000) return true;
    const bytes = readBytesSync(file, maxFileBytes);
    return !('code' in bytes) && bytes.bytes !== null && sha1(bytes.bytes) === hash;
  });
}

/** The draft and its ancestors only; null when the index cannot serve (the caller loads everything). */
async function throughIndex(draftFile: string, byId: Map<string, [string, string[]]>, opts: RunCheckOptions & { maxFileBytes: number }): Promise<CheckRun | null> {
  const read = async (file: string): Promise<LoadedPlan | CheckRun> => {
    const src = await readSources([file], { maxFileBytes: opts.maxFileBytes });
    if (src.errors.length) return { ok: false, errors: src.errors };
    const r = parsePlans(src.sources);
    return r.loaded[0] ?? { ok: false, errors: sortErrors(r.errors) };
  };
  const draft = await read(draftFile);
  if ('ok' in draft) return draft;
  const plans = new Map<string, LoadedPlan>([[draft.plan.id, draft]]);
  const queue = parentIds(draft.plan);
  while (queue.length) {
    const id = queue.shift()!;
    if (plans.has(id)) continue;
    const entry = byId.get(id);
    if (!entry || !isFile(entry[0])) return null;
    const lp = await read(entry[0]);
    if ('ok' in lp || lp.plan.id !== id) return null; // the index is out of date: load everything
    plans.set(id, lp);
    queue.push(...parentIds(lp.plan));
  }
  const linked = linkPlans([...plans.values()]);
  if (!linked.ok) return linked;
  const only = new Set([draft.plan.id]);
  return { ok: true, report: checkCorpus(linked.corpus, opts.cfg, { today: opts.today, only }), corpus: linked.corpus, only, documents: new Map() };
}

