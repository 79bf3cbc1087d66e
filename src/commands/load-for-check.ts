/**
 * The one corpus source of the commands that take plans by argument (check --plan and
 * document arguments, link, diff, audit): the corpus paths, plus plans given explicitly as
 * files, each of which replaces the corpus plan of the same id (a drafter re-checks a
 * revision; a reviewer compares a new draft against the bundled parent) and the corpus file
 * of the same path. A given file is a YAML plan, or a document (.txt, .md, .docx, .pdf)
 * imported in memory by the import pipeline, its parent resolved against the corpus, its
 * warnings shown. --parent sets the parent of the subject plans for the run. Each file is
 * parsed once; linking happens after the given plans are in place, so their own children
 * still find their parent, and runs even after file errors so every load error is reported.
 */
import path from 'node:path';
import { linkPlans, parseSources, sortErrors, type Corpus } from '../load/corpus.js';
import { documentParagraph, documentPlan, type DocumentSource } from '../load/document-plan.js';
import type { LoadError } from '../load/errors.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { START } from '../load/positions.js';
import { parentIds, type Plan } from '../model/plan.js';
import { DEFAULT_MAX_FILE_MB, isDocumentArg, isPlanFileArg, listPlanFiles, readSources } from '../io/files.js';

export type Loaded = { ok: true; corpus: Corpus; ids: string[]; documents: Map<string, DocumentSource> } | { ok: false; errors: LoadError[] };
export type ForCheck = { ok: true; corpus: Corpus; only: Set<string> | null; documents: Map<string, DocumentSource> } | { ok: false; errors: LoadError[] };

export interface LoadGivenOptions {
  maxFileMb?: number | undefined;
  /** --parent: the parent plan id, for this run, of the arguments listed in `of` (files or ids). */
  parent?: { id: string; of: readonly string[] } | undefined;
  /** Where a document's import warnings and summary go (stderr). */
  notice?: ((line: string) => void) | undefined;
}

const norm = (p: string): string => path.normalize(p).split(path.sep).join('/');
/** A plan argument that names a file (YAML or document) rather than an id. */
export const isFileArg = (arg: string): boolean => isDocumentArg(arg) || isPlanFileArg(arg);

/** basedOn with its parent plans replaced by `parent`, legal bases kept; `cites` go (the parent is known). */
function withParent(plan: Plan, parent: string): Plan {
  const bases = (plan.basedOn ?? []).filter((b) => typeof b !== 'string' && !('plan' in b));
  const { cites: _cites, ...rest } = plan;
  return { ...rest, basedOn: [parent, ...bases] };
}

/**
 * The corpus with the given arguments loaded into it, and each argument resolved to a plan id.
 * An argument that is not a file must be the id of a plan in the corpus.
 */
export async function loadWithGiven(paths: readonly string[], args: readonly string[], opts: LoadGivenOptions = {}): Promise<Loaded> {
  const read = { maxFileBytes: (opts.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1048576 };
  const fileArgs = [...new Set(args.filter(isFileArg).map(norm))];
  const listed = await listPlanFiles(paths);
  const corpusFiles = listed.files.filter((f) => !fileArgs.includes(norm(f)));
  const yamlArgs = fileArgs.filter((f) => !isDocumentArg(f));
  const [base, given] = await Promise.all([readSources(corpusFiles, read), readSources(yamlArgs, read)]);
  const corpusParsed = parseSources(base.sources);
  const givenParsed = parseSources(given.sources);
  const errors = [...listed.errors, ...base.errors, ...corpusParsed.errors, ...given.errors, ...givenParsed.errors];
  const byFile = new Map<string, LoadedPlan>(givenParsed.loaded.map((lp) => [norm(lp.file), lp]));

  const parent = opts.parent;
  const subjects = new Set((parent?.of ?? []).map((a) => (isFileArg(a) ? norm(a) : a)));
  if (parent) {
    const known = [...corpusParsed.loaded, ...givenParsed.loaded].some((lp) => lp.plan.id === parent.id);
    if (!known) {
      errors.push({ file: paths.join(', '), ...START, code: 'not-found', message: `--parent ${parent.id}: no plan with this id among the loaded plans` });
      return { ok: false, errors: sortErrors(errors) };
    }
  }

  const documents = new Map<string, DocumentSource>();
  const docArgs = fileArgs.filter(isDocumentArg);
  if (docArgs.length) {
    const { importDocument } = await import('../import/document.js');
    const { describeParent } = await import('../import/resolve.js');
    const knownPlans = [...corpusParsed.loaded, ...givenParsed.loaded].map((lp) => lp.plan);
    for (const file of docArgs) {
      const r = await importDocument(file, { knownPlans, ...(parent && subjects.has(file) ? { parentId: parent.id } : {}) });
      if (!r.ok) {
        errors.push({ file, line: r.kind === 'plan' ? r.line : 1, column: 1, code: 'unreadable', message: r.message });
        continue;
      }
      const { plan, warnings, locations, summary } = r.result;
      for (const w of warnings) opts.notice?.(`${file}:${documentParagraph(locations, w.line)}:1: warning: ${w.message}`);
      opts.notice?.(`${file}: ${summary.tasks} tasks, parent ${describeParent(summary.parent)}`);
      const doc = documentPlan(file, plan, locations, path.extname(file).toLowerCase() === '.pdf');
      byFile.set(file, doc.loaded);
      documents.set(plan.id, doc.source);
    }
  }

  // --parent on a YAML plan or a corpus plan named by id (a document got it from the import).
  const setParent = (lp: LoadedPlan): LoadedPlan => {
    if (!parent || documents.has(lp.plan.id)) return lp;
    const plan = withParent(lp.plan, parent.id);
    const at = lp.positions.fields['basedOn'] ?? lp.positions.at;
    return { ...lp, plan, positions: { ...lp.positions, basedOn: parentIds(plan).map(() => at) } };
  };
  const givenPlans = [...byFile.entries()].map(([f, lp]) => (subjects.has(f) ? setParent(lp) : lp));
  const replaced = new Set(givenPlans.map((lp) => lp.plan.id));
  const plans = [...corpusParsed.loaded.filter((lp) => !replaced.has(lp.plan.id)).map((lp) => (subjects.has(lp.plan.id) ? setParent(lp) : lp)), ...givenPlans];
  const linked = linkPlans(plans, errors);
  if (!linked.ok) return linked;
  const ids: string[] = [];
  for (const a of args) {
    const id = isFileArg(a) ? byFile.get(norm(a))?.plan.id : a;
    if (id === undefined || !linked.corpus.plans.has(id)) {
      return { ok: false, errors: [{ file: paths.join(', '), ...START, code: 'not-found', message: `no plan with id "${a}" among the loaded plans` }] };
    }
    ids.push(id);
  }
  return { ok: true, corpus: linked.corpus, ids, documents };
}

/**
 * What `check` loads: the corpus, the --plan draft or id and the document arguments; the
 * plans to check are those (every plan when there are none).
 */
export async function loadForCheck(paths: readonly string[], plan: string | undefined, opts: LoadGivenOptions & { documents?: readonly string[] | undefined }): Promise<ForCheck> {
  const args = [...(plan ? [plan] : []), ...(opts.documents ?? [])];
  const r = await loadWithGiven(paths, args, opts);
  if (!r.ok) return r;
  return { ok: true, corpus: r.corpus, only: args.length ? new Set(r.ids) : null, documents: r.documents };
}
