/**
 * What `diff` and `audit` load: the corpus (--plans, repeatable; else the config's `plans`,
 * else ./plans) plus plans named by file. A plan given as a file replaces a corpus plan of
 * the same id (a reviewer compares a new draft against the bundled parent); a plan given
 * by id must be in the corpus. Returns the corpus and each argument resolved to an id.
 */
import path from 'node:path';
import type { CheckConfig } from '../check/config.js';
import { linkPlans, sortErrors, type Corpus } from '../load/corpus.js';
import type { LoadError } from '../load/errors.js';
import { parsePlanText, type LoadedPlan } from '../load/parse-plan.js';
import { START } from '../load/positions.js';
import { DEFAULT_MAX_FILE_MB, isPlanFileArg, listPlanFiles, readSources } from '../io/files.js';

export type ReportCorpus = { ok: true; corpus: Corpus; ids: string[] } | { ok: false; errors: LoadError[] };

const norm = (p: string): string => path.normalize(p).split(path.sep).join('/');

export async function loadReportCorpus(args: readonly string[], plans: readonly string[] | undefined, cfg: CheckConfig, maxFileMb?: number): Promise<ReportCorpus> {
  const dirs = plans?.length ? plans : cfg.plans ?? ['plans'];
  const fileArgs = args.filter(isPlanFileArg).map(norm);
  const listed = await listPlanFiles(dirs);
  const read = { maxFileBytes: (maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576 };
  const corpusFiles = listed.files.filter((f) => !fileArgs.includes(norm(f)));
  const [base, given] = await Promise.all([readSources(corpusFiles, read), readSources(fileArgs, read)]);
  const errors = [...listed.errors, ...base.errors, ...given.errors];
  const parse = (sources: typeof base.sources): LoadedPlan[] =>
    sources.flatMap((s) => {
      const r = parsePlanText(s.file, s.text);
      if (r.ok) return [r.loaded];
      errors.push(...r.errors);
      return [];
    });
  const fromFiles = parse(given.sources);
  const replaced = new Set(fromFiles.map((lp) => lp.plan.id));
  const loaded = [...parse(base.sources).filter((lp) => !replaced.has(lp.plan.id)), ...fromFiles];
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  const linked = linkPlans(loaded);
  if (!linked.ok) return linked;
  const ids: string[] = [];
  for (const a of args) {
    const byFile = isPlanFileArg(a) ? fromFiles.find((lp) => norm(lp.file) === norm(a)) : undefined;
    const id = byFile?.plan.id ?? a;
    if (!linked.corpus.plans.has(id)) {
      return { ok: false, errors: [{ file: dirs.join(', '), ...START, code: 'not-found', message: `no plan with id "${a}" among the loaded plans` }] };
    }
    ids.push(id);
  }
  return { ok: true, corpus: linked.corpus, ids };
}
