/**
 * Partial loads (issue 19): a command about one plan — a draft, `check --plan`, `diff`,
 * `letter`, `audit` — reads only the plans it needs: its subjects, all their ancestors (basedOn,
 * transitively), for audit the descendants to --depth and their ancestors, and every file whose
 * id the scan sees more than once (with their ancestors, so the duplicate is reported exactly as a
 * full load words it). Which files those are is found by scanning each file's head
 * (src/core/load/scan-head.ts) instead of parsing it; a file whose head is not in the simple form
 * is parsed. Every file needed is then parsed, and the parse must agree with its head: if any
 * does not (a file changed under the run, a scanner gap), the command loads the whole corpus.
 *
 * What a partial command reports: listing errors, the load errors of every file it parsed (the
 * files it needs and the files whose heads could not be scanned) and the duplicate ids the scan
 * sees; not the errors of plans it did not need (a missing parent elsewhere in the country).
 * On a corpus that loads, its output is byte for byte that of a full load.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { headOf, unchanged, type FileState, type IndexStore } from './corpus-index.js';
import { Buffer, isUtf8 } from 'node:buffer';
import { parentIds } from '../../core/model/plan.js';
import { scanHead, type PlanHead } from '../../core/load/scan-head.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import { isDocumentArg, DEFAULT_MAX_FILE_MB, statIfAny } from './files.js';
import { fileArgsOf, isFileArg, listCorpus, loadCorpus, norm, readListed, without, type CorpusLoad, type CorpusRequest, type ReadCorpus } from './corpus-source.js';

/** How far from its subjects a partial load reaches. */
export interface Reach {
  /** Levels of descendants to load (audit's --depth); none when absent. */
  descendants?: number | undefined;
}

/**
 * Bytes read first: a plan's id and basedOn come within its first kilobyte (the rest is read only
 * when they do not). Decoding is most of a head's cost: 10,000 heads took 0.26 s at 4 KiB, 0.09 s at 1 KiB.
 */
const HEAD_BYTES = 1024;
/** One buffer for every head read (a fresh one per file costs more in garbage collection than the read). */
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

/** A file's head with the size and mtime it was read at; null when it cannot be opened. */
interface Scanned {
  head: PlanHead | null;
  size: number;
  mtimeMs: number;
}

/** One file's head from its first bytes (the whole file only when the head goes on past them); head null when not in the simple form. */
function scanFile(file: string, maxFileBytes: number): Scanned | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    const out = (head: PlanHead | null): Scanned => ({ head, size: st.size, mtimeMs: st.mtimeMs });
    if (!st.isFile() || st.size > maxFileBytes) return out(null);
    const got = st.size ? readSync(fd, headBuffer, 0, Math.min(HEAD_BYTES, st.size), 0) : 0;
    const whole = got >= st.size;
    let bytes = headBuffer.subarray(0, got);
    if (bytes.includes(0)) return out(null);
    if (!whole) bytes = bytes.subarray(0, bytes.lastIndexOf(10) + 1);
    if (!isUtf8(bytes)) return out(null);
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const head = scanHead(text, whole);
    if (head !== 'more') return out(head);
    const all = readFileSync(fd);
    if (all.subarray(0, 8192).includes(0) || !isUtf8(all)) return out(null);
    text = all.toString('utf8');
    const again = scanHead(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, true);
    return out(again === 'more' ? null : again);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** One file's head, or null where the file must be parsed to know it. */
export const readHead = (file: string, maxFileBytes: number): PlanHead | null => scanFile(file, maxFileBytes)?.head ?? null;

/**
 * Each file's head, or null where the file must be parsed to know it; from the corpus index for
 * the files it saw as they are now (a stat each), else scanned. The index to write back is
 * returned when anything differs from the one read.
 */
function scanHeads(files: readonly string[], maxFileBytes: number, store: IndexStore | undefined): { heads: Map<string, PlanHead | null>; states: Map<string, FileState>; changed: boolean } {
  const old = store?.read() ?? null;
  const prior = new Map((old?.files ?? []).map((f) => [f[0], f]));
  const heads = new Map<string, PlanHead | null>();
  const states = new Map<string, FileState>();
  let changed = !old || old.files.length !== files.length;
  for (const f of files) {
    const known = prior.get(f);
    if (known && old) {
      const st = statIfAny(f);
      if (st?.isFile() && unchanged(known, st, old.at)) {
        heads.set(f, headOf(known));
        states.set(f, known);
        continue;
      }
    }
    changed = true;
    const scanned = scanFile(f, maxFileBytes);
    heads.set(f, scanned?.head ?? null);
    if (scanned) states.set(f, [f, scanned.size, scanned.mtimeMs, '', scanned.head && [scanned.head.id, scanned.head.parents]]);
  }
  return { heads, states, changed };
}

const sameHead = (lp: LoadedPlan, h: PlanHead): boolean => {
  const ps = parentIds(lp.plan);
  return lp.plan.id === h.id && ps.length === h.parents.length && ps.every((p, i) => p === h.parents[i]);
};

/**
 * The corpus a command about some plans needs, loaded as loadCorpus loads it (the same given
 * plans, --parent, errors and result), from the files the heads point to. Documents among the
 * given plans are matched against every known plan: those commands load everything.
 */
export async function loadNeighbourhood(req: CorpusRequest, reach: Reach = {}, store?: IndexStore): Promise<CorpusLoad> {
  const args = req.given ?? [];
  const depth = reach.descendants === undefined ? 0 : Math.max(1, Math.floor(reach.descendants));
  if (args.some(isDocumentArg) || !Number.isFinite(depth)) return loadCorpus(req);
  const maxFileBytes = req.maxFileBytes ?? DEFAULT_MAX_FILE_MB * 1048576;
  const fileArgs = fileArgsOf(args);
  const at = Date.now();
  // Every file's head is known (and kept in the index), the given plan files' too; those are then left out of the corpus, as loadCorpus leaves them.
  const all = await listCorpus(req.paths, req);
  const { heads, states, changed } = scanHeads(all.files, maxFileBytes, store);
  const listed = without(all, fileArgs);
  for (const f of fileArgs) heads.delete(f);
  // Files whose heads the scan cannot read are parsed: their heads from the parse, their errors reported.
  const unscanned = await readListed({ files: listed.files.filter((f) => heads.get(f) === null), errors: [] }, req);
  const parsed = new Map<string, LoadedPlan>(unscanned.loaded.map((lp) => [lp.file, lp]));
  for (const lp of unscanned.loaded) {
    const head = { id: lp.plan.id, parents: parentIds(lp.plan) };
    heads.set(lp.file, head);
    const state = states.get(lp.file);
    if (state && !state[4]) states.set(lp.file, [state[0], state[1], state[2], state[3], [head.id, head.parents]]);
  }
  if (store && (changed || unscanned.loaded.length)) {
    store.write({ at, files: all.files.map((f) => states.get(f)).filter((s): s is FileState => s !== undefined) });
  }
  // The given plan files, for their ids and parents (loadCorpus reads them again: a few files).
  const given = await readListed({ files: fileArgs, errors: [] }, req);
  const givenHeads = new Map<string, PlanHead>(given.loaded.map((lp) => [lp.plan.id, { id: lp.plan.id, parents: parentIds(lp.plan) }]));
  const givenIdOf = new Map(given.loaded.map((lp) => [norm(lp.file), lp.plan.id]));

  const byId = new Map<string, string[]>();
  for (const [file, h] of heads) {
    if (!h || givenHeads.has(h.id)) continue; // a given plan replaces the corpus plan of its id
    const list = byId.get(h.id);
    if (list) list.push(file);
    else byId.set(h.id, [file]);
  }
  const subjects = args.map((a) => (isFileArg(a) ? givenIdOf.get(norm(a)) : a)).filter((id): id is string => id !== undefined);
  const parent = req.parent;
  const reparented = new Set((parent?.of ?? []).map((a) => (isFileArg(a) ? givenIdOf.get(norm(a)) : a)).filter((id): id is string => id !== undefined));
  const parentsOf = (id: string): string[] => {
    if (parent && reparented.has(id)) return [parent.id];
    const g = givenHeads.get(id);
    if (g) return g.parents;
    return (byId.get(id) ?? []).flatMap((f) => heads.get(f)!.parents);
  };

  const start = [...subjects, ...(parent ? [parent.id] : [])];
  if (depth > 0) {
    const children = new Map<string, string[]>();
    const addChild = (p: string, c: string): void => {
      const list = children.get(p);
      if (list) list.push(c);
      else children.set(p, [c]);
    };
    for (const id of new Set([...byId.keys(), ...givenHeads.keys()])) for (const p of parentsOf(id)) addChild(p, id);
    for (const root of subjects) {
      let frontier = [root];
      const seen = new Set<string>();
      for (let d = 0; d < depth && frontier.length; d++) {
        const next: string[] = [];
        for (const n of frontier) for (const c of children.get(n) ?? []) if (!seen.has(c)) seen.add(c), next.push(c);
        frontier = next;
        start.push(...next);
      }
    }
  }
  for (const [id, files] of byId) if (files.length > 1) start.push(id);
  const needed = new Set<string>();
  for (let queue = start; queue.length; ) {
    const id = queue.pop()!;
    if (needed.has(id)) continue;
    needed.add(id);
    queue.push(...parentsOf(id));
  }

  const files = [...needed].flatMap((id) => byId.get(id) ?? []).sort();
  const read = await readListed({ files: files.filter((f) => !parsed.has(f)), errors: [] }, req);
  if (read.loaded.some((lp) => !sameHead(lp, heads.get(lp.file)!))) {
    return loadCorpus(req); // a head the parse does not bear out: everything, as a full load
  }
  const partial: ReadCorpus = {
    files: listed.files,
    loaded: [...read.loaded, ...files.filter((f) => parsed.has(f)).map((f) => parsed.get(f)!)],
    errors: [...listed.errors, ...unscanned.errors, ...read.errors],
    hashes: new Map([...unscanned.hashes, ...read.hashes]),
  };
  return loadCorpus(req, partial);
}
