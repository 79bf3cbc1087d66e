/**
 * One plan checked against its direct parents (--plan). With the cache's index of the corpus
 * (plan id → file, parents), only the draft and its ancestors are read and parsed: a drafter
 * re-checking a draft all day does not pay for the whole country. The ancestors are read
 * from their files, so an index older than them cannot make the result stale; a parent the
 * index does not know, or a file that moved, sends the check through the full corpus.
 */
import { checkCorpus } from '../../core/check/engine.js';
import { linkPlans, sortErrors } from '../../core/load/corpus.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { parentIds } from '../../core/model/plan.js';
import { indexFile, readIndex } from './cache.js';
import { loadCorpus, parsePlans } from '../source/corpus-source.js';
import { documentLimit } from '../source/read-capped.js';
import { isFile, isPlanFileArg, readSources } from '../source/files.js';
import type { CheckRun, RunCheckOptions } from './types.js';

export async function runDraft(paths: readonly string[], plan: string | undefined, opts: RunCheckOptions & { cacheRoot: string | null; maxFileBytes: number }): Promise<CheckRun> {
  // Documents and --parent change what is loaded: they go through the full load.
  if (plan && !opts.documents?.length && !opts.parent) {
    const index = opts.cacheRoot ? readIndex(indexFile(opts.cacheRoot, paths)) : null;
    const byId = new Map(Object.entries(index?.plans ?? {}));
    const draftFile = isPlanFileArg(plan) ? plan.replace(/\\/g, '/') : byId.get(plan)?.[0];
    if (index && draftFile) {
      const fast = await throughIndex(draftFile, byId, opts);
      if (fast) return fast;
    }
  }
  const subjects = [...(plan ? [plan] : []), ...(opts.documents ?? [])];
  const loaded = await loadCorpus({
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

