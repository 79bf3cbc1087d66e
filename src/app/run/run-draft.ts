/**
 * One plan checked against its direct parents (--plan): only the draft and its ancestors are
 * read and parsed (neighbourhood.ts), found from each file's head, which the cache's corpus
 * index keeps between runs for the files that did not change. A drafter re-checking a draft all
 * day does not parse, nor even open, the whole country.
 */
import { checkCorpus } from '../../core/check/engine.js';
import { indexStore } from './cache.js';
import { loadNeighbourhood } from '../source/neighbourhood.js';
import type { CacheSettings, CheckRun, RunCheckOptions } from './types.js';
import { documentLimit } from '../source/read-capped.js';

export async function runDraft(paths: readonly string[], plan: string | undefined, opts: RunCheckOptions & CacheSettings): Promise<CheckRun> {
  const subjects = [...(plan ? [plan] : []), ...(opts.documents ?? [])];
  // The draft, its documents and its ancestors only (neighbourhood.ts; documents load everything).
  const loaded = await loadNeighbourhood(
    {
      paths,
      given: subjects,
      maxFileBytes: opts.maxFileBytes,
      maxDocumentBytes: documentLimit(opts.maxFileMb),
      parent: opts.parent ? { id: opts.parent, of: subjects } : undefined,
      notice: opts.notice,
    },
    {},
    opts.cacheRoot && opts.secret ? indexStore(opts.cacheRoot, paths, opts.secret) : undefined,
  );
  if (!loaded.ok) return loaded;
  const only = new Set(loaded.ids);
  const report = checkCorpus(loaded.corpus, opts.cfg, { today: opts.today, only });
  return { ok: true, report, corpus: loaded.corpus, only, documents: loaded.documents, files: loaded.files };
}
