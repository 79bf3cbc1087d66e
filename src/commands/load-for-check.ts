/**
 * What `check` loads: the corpus paths, plus a draft given with --plan <file> (which
 * replaces a plan of the same id), and the set of plans to check (--plan).
 */
import { existsSync, statSync } from 'node:fs';
import type { CheckConfig } from '../check/config.js';
import { buildCorpus, linkPlans, sortErrors, type Corpus } from '../load/corpus.js';
import type { LoadError } from '../load/errors.js';
import { parsePlanText } from '../load/parse-plan.js';
import { DEFAULT_MAX_FILE_MB, listPlanFiles, readSource, readSources } from '../io/files.js';
import { START } from '../load/positions.js';

export type ForCheck = { ok: true; corpus: Corpus; only: Set<string> | null } | { ok: false; errors: LoadError[] };

export interface ForCheckOptions {
  maxFileMb?: number | undefined;
  cache: boolean;
  cfg: CheckConfig;
}

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

export async function loadForCheck(paths: readonly string[], plan: string | undefined, opts: ForCheckOptions): Promise<ForCheck> {
  const read = { maxFileBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576 };
  const listed = await listPlanFiles(paths);
  const draftFile = plan && (isFile(plan) || /\.ya?ml$/i.test(plan)) ? plan.replace(/\\/g, '/') : null;
  const files = listed.files.filter((f) => f !== draftFile);
  const { sources, errors } = await readSources(files, read);
  errors.unshift(...listed.errors);
  const built = buildCorpusWithDraft(sources, errors);
  if (!draftFile) {
    if (!built.ok) return built;
    if (plan && !built.corpus.plans.has(plan)) {
      return { ok: false, errors: [{ file: paths.join(', '), ...START, code: 'not-found', message: `no plan with id "${plan}" among the loaded plans` }] };
    }
    return { ok: true, corpus: built.corpus, only: plan ? new Set([plan]) : null };
  }
  const src = await readSource(draftFile, read);
  if (!('text' in src)) return { ok: false, errors: sortErrors([...errors, src]) };
  const draft = parsePlanText(src.file, src.text);
  if (!draft.ok) return { ok: false, errors: sortErrors([...errors, ...draft.errors]) };
  if (!built.ok) return built;
  // The draft replaces a bundled plan of the same id: a drafter re-checks a revision.
  const others = [...built.corpus.plans.values()].filter((lp) => lp.plan.id !== draft.loaded.plan.id);
  const linked = linkPlans([...others, draft.loaded]);
  if (!linked.ok) return linked;
  return { ok: true, corpus: linked.corpus, only: new Set([draft.loaded.plan.id]) };
}

function buildCorpusWithDraft(sources: Parameters<typeof buildCorpus>[0], errors: LoadError[]): ReturnType<typeof buildCorpus> {
  const built = buildCorpus(sources);
  if (!built.ok) return { ok: false, errors: sortErrors([...errors, ...built.errors]) };
  return errors.length ? { ok: false, errors: sortErrors(errors) } : built;
}
