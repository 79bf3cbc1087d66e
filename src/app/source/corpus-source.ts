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
import { loadError, type LoadError } from '../../core/load/errors.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { START } from '../../core/load/positions.js';
import { parentIds, type Plan } from '../../core/model/plan.js';
import { decodeBytes, DEFAULT_MAX_FILE_MB, isDocumentArg, isPlanFileArg, listPlanFiles, readBytesSync, readEach, type FileBytes, type FsLike } from './files.js';
import type { ImportSummary, ImportWarning } from '../../core/import/index.js';
import { sha1 } from './hash.js';
import { plainEnv, withPlainEnv } from './plain-env.js';

/** What the import of a document given to a check says on the way: its warnings, located in the document, and what it read. */
export type DocumentNotice = { kind: 'warning'; where: string; warning: ImportWarning } | { kind: 'summary'; file: string; summary: ImportSummary };

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
  /** The largest document read, in bytes (default: documents.ts's DEFAULT_MAX_DOCUMENT_MB, not the plans' limit). */
  maxDocumentBytes?: number | undefined;
  /** Where a document's import warnings and summary go (stderr). */
  notice?: ((n: DocumentNotice) => void) | undefined;
}

export type CorpusLoad =
  /** `files`: every corpus file listed, read or not (a partial load reads few): the inputs -o may not name. */
  | { ok: true; corpus: Corpus; ids: string[]; documents: Map<string, DocumentSource>; hashes: Map<string, string>; files: string[] }
  | { ok: false; errors: LoadError[] };

/**
 * The plan files below the paths, each read once and parsed, a batch at a time, so that a
 * batch's texts are garbage before the next is read (a corpus's texts, two bytes a character
 * once decoded, are never all alive at once); listing, reading and parsing errors located.
 */
export interface ReadCorpus {
  files: string[];
  loaded: LoadedPlan[];
  errors: LoadError[];
  /** Each file's hash, of the bytes parsed (when asked). */
  hashes: Map<string, string>;
}

/** A path as a listing writes it: normal, with forward slashes. */
export const norm = (p: string): string => path.normalize(p).split(path.sep).join('/');
/** A plan argument that names a file (YAML or document) rather than an id. */
export const isFileArg = (arg: string): boolean => isDocumentArg(arg) || isPlanFileArg(arg);
/** The plan arguments that name files, each once, as a listing writes them. */
export const fileArgsOf = (args: readonly string[]): string[] => [...new Set(args.filter(isFileArg).map(norm))];
const maxBytes = (r: ReadRequest): number => r.maxFileBytes ?? DEFAULT_MAX_FILE_MB * 1048576;

/** The plan files below the paths (directory walks read *.yaml and *.yml), with listing errors located. */
export async function listCorpus(paths: readonly string[], r: ReadRequest = {}, skip: readonly string[] = []): Promise<{ files: string[]; errors: LoadError[] }> {
  return without(await listPlanFiles(paths, r.fs), skip);
}

/** A listing without the given plan files (each replaces the corpus plan of its id). */
export function without<L extends { files: string[] }>(listed: L, skip: readonly string[]): L {
  if (!skip.length) return listed;
  // Listed paths are already normal (listPlanFiles joins normalised folders and entry names).
  const skipped = new Set(skip);
  return { ...listed, files: listed.files.filter((f) => !skipped.has(f)) };
}

/** Parses sources, each once, with a plain copy of the environment in place (yaml reads it per token). */
export function parsePlans(sources: readonly SourceFile[], plain?: NodeJS.ProcessEnv): { loaded: LoadedPlan[]; errors: LoadError[] } {
  return withPlainEnv(() => parseSources(sources), plain);
}

/** Collects parsed files in file order, whatever order they were read in. */
function collect(files: readonly string[], results: readonly (SourceFile | LoadError | { loaded: LoadedPlan[]; errors: LoadError[]; hash?: string | undefined })[], listedErrors: readonly LoadError[]): ReadCorpus {
  const out: ReadCorpus = { files: [...files], loaded: [], errors: [...listedErrors], hashes: new Map() };
  results.forEach((r, i) => {
    if ('code' in r) out.errors.push(r as LoadError);
    else if ('loaded' in r) {
      out.loaded.push(...r.loaded);
      out.errors.push(...r.errors);
      if (r.hash) out.hashes.set(files[i]!, r.hash);
    }
  });
  return out;
}

/** One source parsed at once (its text dropped after), its hash kept. */
const parseOne = (s: SourceFile, plain: NodeJS.ProcessEnv): { loaded: LoadedPlan[]; errors: LoadError[]; hash?: string | undefined } => ({ ...parsePlans([s], plain), hash: s.hash });

/**
 * Files read (concurrently) before their batch is parsed: reading and parsing a file in turn
 * costs more (measured on 1,000 plans: 1.36 s to load all at once, 1.50 s a file at a time)
 * and reading everything first holds every text at once (some 35 MB more at the peak).
 */
const READ_BATCH = 256;

/** Reads listed plan files, each once (hashing the bytes when asked), and parses them a batch at a time. */
export async function readListed(listed: { files: string[]; errors: LoadError[] }, r: ReadRequest = {}): Promise<ReadCorpus> {
  const opts = { maxFileBytes: maxBytes(r), ...(r.fs ? { fs: r.fs } : {}), ...(r.hash ? { hash: true } : {}) };
  const plain = plainEnv();
  const results: (LoadError | ReturnType<typeof parseOne>)[] = [];
  for (let i = 0; i < listed.files.length; i += READ_BATCH) {
    const read = await readEach(listed.files.slice(i, i + READ_BATCH), opts, (s) => s);
    results.push(...read.map((s) => ('text' in s ? parseOne(s, plain) : s)));
  }
  return collect(listed.files, results, listed.errors);
}

/** Lists the plan files below the paths, reads and parses each once. */
export async function readCorpus(paths: readonly string[], r: ReadRequest = {}, skip: readonly string[] = []): Promise<ReadCorpus> {
  return readListed(await listCorpus(paths, r, skip), r);
}

/** Listed plan files read as bytes, not yet decoded: the check runner hashes them to look its cache up. */
export interface ReadBytes {
  files: string[];
  /** Each file's bytes (emptied as decodeListed parses them) or its reading error. */
  read: (FileBytes | LoadError | null)[];
  /** Each file's hash, or null when a file could not be listed or read (nothing is cached then). */
  hashes: Map<string, string> | null;
}

/** Reads listed plan files as bytes, each once and synchronously, and hashes them. */
export function readListedBytes(listed: { files: string[]; errors: LoadError[] }, maxFileBytes: number): ReadBytes {
  const read = listed.files.map((f) => readBytesSync(f, maxFileBytes));
  const whole = !listed.errors.length && read.every((b) => !('code' in b) && b.bytes !== null);
  const hashes = whole ? new Map(read.map((b) => [(b as FileBytes).file, sha1((b as FileBytes).bytes!)])) : null;
  return { files: listed.files, read, hashes };
}

/** The bytes read by readListedBytes, decoded and parsed one file at a time (each file's bytes let go once parsed): no file is read again. */
export function decodeListed(raw: ReadBytes, listedErrors: readonly LoadError[], maxFileBytes: number): ReadCorpus {
  const plain = plainEnv();
  const results = raw.read.map((b, i) => {
    raw.read[i] = null;
    if (b === null || 'code' in b) return b ?? { loaded: [], errors: [] };
    const r = decodeBytes(b, maxFileBytes);
    return 'text' in r ? parseOne({ ...r, ...(raw.hashes ? { hash: raw.hashes.get(r.file)! } : {}) }, plain) : r;
  });
  return collect(raw.files, results, listedErrors);
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
  const fileArgs = fileArgsOf(args);
  const base = pre ?? (await readCorpus(req.paths, req, fileArgs));
  const yamlArgs = fileArgs.filter((f) => !isDocumentArg(f));
  const given = await readListed({ files: yamlArgs, errors: [] }, req);
  // A plan given as a file replaces the corpus file of the same path (read already when `pre` is).
  const replacedFile = (file: string): boolean => fileArgs.includes(norm(file));
  const corpusParsed = { loaded: base.loaded.filter((lp) => !replacedFile(lp.file)), errors: base.errors.filter((e) => !replacedFile(e.file)) };
  const errors = [...corpusParsed.errors, ...given.errors];
  const hashes = new Map([...[...base.hashes].filter(([f]) => !replacedFile(f)), ...given.hashes]);
  const byFile = new Map<string, LoadedPlan>(given.loaded.map((lp) => [norm(lp.file), lp]));

  const parent = req.parent;
  const subjects = new Set((parent?.of ?? []).map((a) => (isFileArg(a) ? norm(a) : a)));
  const where = req.paths.join(', ');
  if (parent && ![...corpusParsed.loaded, ...given.loaded].some((lp) => lp.plan.id === parent.id)) {
    errors.push(loadError(where, START, 'not-found', `--parent ${parent.id}: no plan with this id among the loaded plans`, 'load.parent-not-found', { id: parent.id }));
    return { ok: false, errors: sortErrors(errors) };
  }

  const documents = new Map<string, DocumentSource>();
  const docArgs = fileArgs.filter(isDocumentArg);
  if (docArgs.length) {
    const { documentLimit, importDocument } = await import('./documents.js');
    const knownPlans = [...corpusParsed.loaded, ...given.loaded].map((lp) => lp.plan);
    for (const file of docArgs) {
      const r = await importDocument(file, { knownPlans, ...(parent && subjects.has(file) ? { parentId: parent.id } : {}) }, req.maxDocumentBytes ?? documentLimit());
      if (!r.ok) {
        errors.push({ file, line: r.kind === 'plan' ? r.line : 1, column: 1, code: r.code, message: r.message, ...(r.said ? { said: r.said } : {}) });
        continue;
      }
      const { plan, warnings, locations, summary } = r.result;
      for (const w of warnings) req.notice?.({ kind: 'warning', where: `${file}:${documentParagraph(locations, w.line)}:1`, warning: w });
      req.notice?.({ kind: 'summary', file, summary });
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
      return { ok: false, errors: [loadError(where, START, 'not-found', `no plan with id "${a}" among the loaded plans`, 'load.no-plan-id', { id: a })] };
    }
    ids.push(id);
  }
  return { ok: true, corpus: linked.corpus, ids, documents, hashes, files: base.files };
}
