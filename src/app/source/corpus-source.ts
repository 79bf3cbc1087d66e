/**
 * The one corpus source (issue 15): every command, the check runner and the cache get their
 * plans here. Paths are listed and read through the injectable file system, each file once,
 * its bytes hashed when asked (the cache key), its text parsed once with a plain copy of the
 * environment in place (src/app/source/plain-env.ts); plans given explicitly (a --plan draft, a
 * document, the arguments of diff and audit) replace the corpus plan of the same id or file;
 * --parent sets the parent of the plans it names for the run; linking happens after the given
 * plans are in place, so their own children still find their parent, and runs even after file
 * errors so that every load error is reported at once.
 */
import path from 'node:path';
import { linkPlans, parseSources, sortErrors, type Corpus, type SourceFile } from '../../core/load/corpus.js';
import { documentParagraph, documentPlan, type DocumentSource } from '../../core/load/document-plan.js';
import type { LoadError } from '../../core/load/errors.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { START } from '../../core/load/positions.js';
import { parentIds, type Plan } from '../../core/model/plan.js';
import { DEFAULT_MAX_FILE_MB, isDocumentArg, isPlanFileArg, listPlanFiles, readSources, type FsLike } from './files.js';
import { withPlainEnv } from './plain-env.js';

export interface ReadRequest {
  maxFileBytes?: number | undefined;
  fs?: FsLike | undefined;
  /** Hash each file's bytes as read: the cache keys on them. */
  hash?: boolean | undefined;
}

export interface CorpusRequest extends ReadRequest {
  /** Corpus folders and files (directory walks read *.yaml and *.yml). */
  paths: readonly string[];
  /** Plans given explicitly: YAML files and documents, or ids of corpus plans. */
  given?: readonly string[] | undefined;
  /** --parent: the parent plan id, for this run, of the given arguments listed in `of`. */
  parent?: { id: string; of: readonly string[] } | undefined;
  /** Where a document's import warnings and summary go (stderr). */
  notice?: ((line: string) => void) | undefined;
}

export type CorpusLoad =
  | { ok: true; corpus: Corpus; ids: string[]; documents: Map<string, DocumentSource>; hashes: Map<string, string> }
  | { ok: false; errors: LoadError[] };

/** The files below the paths, read once (and hashed when asked); listing and reading errors located. */
export interface ReadCorpus {
  files: string[];
  sources: SourceFile[];
  errors: LoadError[];
}

const norm = (p: string): string => path.normalize(p).split(path.sep).join('/');
/** A plan argument that names a file (YAML or document) rather than an id. */
export const isFileArg = (arg: string): boolean => isDocumentArg(arg) || isPlanFileArg(arg);
const maxBytes = (r: ReadRequest): number => r.maxFileBytes ?? DEFAULT_MAX_FILE_MB * 1048576;

/** The plan files below the paths (directory walks read *.yaml and *.yml), with listing errors located. */
export async function listCorpus(paths: readonly string[], r: ReadRequest = {}, skip: readonly string[] = []): Promise<{ files: string[]; errors: LoadError[] }> {
  const listed = await listPlanFiles(paths, r.fs);
  return { files: listed.files.filter((f) => !skip.includes(norm(f))), errors: listed.errors };
}

/** Reads listed plan files, each once (and hashes their bytes when asked). */
export async function readListed(listed: { files: string[]; errors: LoadError[] }, r: ReadRequest = {}): Promise<ReadCorpus> {
  const read = await readSources(listed.files, { maxFileBytes: maxBytes(r), ...(r.fs ? { fs: r.fs } : {}), ...(r.hash ? { hash: true } : {}) });
  return { files: listed.files, sources: read.sources, errors: [...listed.errors, ...read.errors] };
}

/** Lists and reads the plan files below the paths, each once. */
export async function readCorpus(paths: readonly string[], r: ReadRequest = {}, skip: readonly string[] = []): Promise<ReadCorpus> {
  return readListed(await listCorpus(paths, r, skip), r);
}

/** Parses sources, each once, with a plain copy of the environment in place (yaml reads it per token). */
export function parsePlans(sources: readonly SourceFile[]): { loaded: LoadedPlan[]; errors: LoadError[] } {
  return withPlainEnv(() => parseSources(sources));
}

/** basedOn with its parent plans replaced by `parent`, legal bases kept; `cites` go (the parent is known). */
function withParent(plan: Plan, parent: string): Plan {
  const bases = (plan.basedOn ?? []).filter((b) => typeof b !== 'string' && !('plan' in b));
  const { cites: _cites, ...rest } = plan;
  return { ...rest, basedOn: [parent, ...bases] };
}

/**
 * The corpus with the given plans in it, each given argument resolved to a plan id. An argument
 * that is not a file must be the id of a plan in the corpus. `pre` is the corpus already read
 * (the check runner reads and hashes it before it knows whether the cache serves).
 */
export async function loadCorpus(req: CorpusRequest, pre?: ReadCorpus): Promise<CorpusLoad> {
  const args = req.given ?? [];
  const fileArgs = [...new Set(args.filter(isFileArg).map(norm))];
  const base = pre ?? (await readCorpus(req.paths, req, fileArgs));
  const yamlArgs = fileArgs.filter((f) => !isDocumentArg(f));
  const given = await readSources(yamlArgs, { maxFileBytes: maxBytes(req), ...(req.fs ? { fs: req.fs } : {}), ...(req.hash ? { hash: true } : {}) });
  const sources = base.sources.filter((s) => !fileArgs.includes(norm(s.file)));
  const corpusParsed = parsePlans(sources);
  const givenParsed = parsePlans(given.sources);
  const errors = [...base.errors, ...corpusParsed.errors, ...given.errors, ...givenParsed.errors];
  const hashes = new Map([...sources, ...given.sources].flatMap((s) => (s.hash ? [[s.file, s.hash] as [string, string]] : [])));
  const byFile = new Map<string, LoadedPlan>(givenParsed.loaded.map((lp) => [norm(lp.file), lp]));

  const parent = req.parent;
  const subjects = new Set((parent?.of ?? []).map((a) => (isFileArg(a) ? norm(a) : a)));
  const where = req.paths.join(', ');
  if (parent && ![...corpusParsed.loaded, ...givenParsed.loaded].some((lp) => lp.plan.id === parent.id)) {
    errors.push({ file: where, ...START, code: 'not-found', message: `--parent ${parent.id}: no plan with this id among the loaded plans` });
    return { ok: false, errors: sortErrors(errors) };
  }

  const documents = new Map<string, DocumentSource>();
  const docArgs = fileArgs.filter(isDocumentArg);
  if (docArgs.length) {
    const { importDocument } = await import('./documents.js');
    const { describeParent } = await import('../../core/import/resolve.js');
    const knownPlans = [...corpusParsed.loaded, ...givenParsed.loaded].map((lp) => lp.plan);
    for (const file of docArgs) {
      const r = await importDocument(file, { knownPlans, ...(parent && subjects.has(file) ? { parentId: parent.id } : {}) });
      if (!r.ok) {
        errors.push({ file, line: r.kind === 'plan' ? r.line : 1, column: 1, code: 'unreadable', message: r.message });
        continue;
      }
      const { plan, warnings, locations, summary } = r.result;
      for (const w of warnings) req.notice?.(`${file}:${documentParagraph(locations, w.line)}:1: warning: ${w.message}`);
      req.notice?.(`${file}: ${summary.tasks} tasks, parent ${describeParent(summary.parent)}`);
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
      return { ok: false, errors: [{ file: where, ...START, code: 'not-found', message: `no plan with id "${a}" among the loaded plans` }] };
    }
    ids.push(id);
  }
  return { ok: true, corpus: linked.corpus, ids, documents, hashes };
}
