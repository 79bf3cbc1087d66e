/**
 * What a full load for `check --plan` holds: the corpus paths, plus a draft given as a file
 * (which replaces the plan of the same id, or the file of the same path), and the set of
 * plans to check. Each file is parsed once; linking happens after the draft is in place, so
 * the draft's own children still find their parent.
 */
import { linkPlans, parseSources, sortErrors, type Corpus } from '../load/corpus.js';
import type { LoadError } from '../load/errors.js';
import { parsePlanText, type LoadedPlan } from '../load/parse-plan.js';
import { DEFAULT_MAX_FILE_MB, isPlanFileArg, listPlanFiles, readSource, readSources } from '../io/files.js';
import { START } from '../load/positions.js';

export type ForCheck = { ok: true; corpus: Corpus; only: Set<string> | null } | { ok: false; errors: LoadError[] };

export interface ForCheckOptions {
  maxFileMb?: number | undefined;
}

export async function loadForCheck(paths: readonly string[], plan: string | undefined, opts: ForCheckOptions): Promise<ForCheck> {
  const read = { maxFileBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576 };
  const listed = await listPlanFiles(paths);
  const draftFile = plan && isPlanFileArg(plan) ? plan.replace(/\\/g, '/') : null;
  const files = listed.files.filter((f) => f !== draftFile);
  const { sources, errors: readErrors } = await readSources(files, read);
  const parsed = parseSources(sources);
  let plans: LoadedPlan[] = parsed.loaded;
  const errors = [...listed.errors, ...readErrors, ...parsed.errors];
  let only: Set<string> | null = plan ? new Set([plan]) : null;
  if (draftFile) {
    const src = await readSource(draftFile, read);
    const draft = 'text' in src ? parsePlanText(src.file, src.text) : { ok: false as const, errors: [src] };
    if (!draft.ok) return { ok: false, errors: sortErrors([...errors, ...draft.errors]) };
    // The draft replaces a corpus plan of the same id: a drafter re-checks a revision.
    plans = [...plans.filter((lp) => lp.plan.id !== draft.loaded.plan.id), draft.loaded];
    only = new Set([draft.loaded.plan.id]);
  }
  // Linking runs even after file errors, so every load error is reported at once (as validate does).
  const linked = linkPlans(plans, errors);
  if (!linked.ok) return linked;
  if (plan && !draftFile && !linked.corpus.plans.has(plan)) {
    return { ok: false, errors: [{ file: paths.join(', '), ...START, code: 'not-found', message: `no plan with id "${plan}" among the loaded plans` }] };
  }
  return { ok: true, corpus: linked.corpus, only };
}
