/**
 * The incremental re-check (issue 19): after an edit, only the edited plan and the edges it
 * touches are checked again; everything else comes from the store of the last run.
 *
 * What a plan's check depends on, and so what its key hashes: its file (path and content), the
 * date it is judged on, and for each parent it names (in basedOn's order) that parent's file and
 * date; with the engine's code and tables and the configuration (the store's `base`). A plan's
 * date comes down from its ancestors (analyse.ts planDates), so an edit that moves a province's
 * date reaches every plan below it, and one that does not re-does the province and its direct
 * children only. Nothing else enters a plan's findings: the one-plan rules read the plan, the
 * pair rules one parent and one child (src/core/check/engine.ts checkPlans). What spans plans is
 * recomputed on every run from the per-plan data: duplicate ids, missing parents and cycles by
 * linking the stubs (any of them sends the run to the full check, which reports them), the dates,
 * and the report rules and waivers (assemble, on `today`) over all findings.
 *
 * The findings are put together in the order a cold check makes them, then assembled as it
 * assembles them: the report is byte for byte the cold one. The store is sealed and validated
 * like every cache entry (cache.ts): an entry that fails is no entry, the plan is checked again.
 */
import { analysePlan, earliestDeadline, issuedDay, planDates } from '../../core/check/analyse.js';
import type { CheckConfig } from '../../core/check/config.js';
import { assemble, checkPlans, planRefs } from '../../core/check/engine.js';
import { compileBoilerplate } from '../../core/check/features.js';
import type { PlanAnalysis } from '../../core/check/types.js';
import { linkPlans, parseSources, type Corpus } from '../../core/load/corpus.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import type { Finding, Report } from '../../core/model/finding.js';
import { parentIds } from '../../core/model/plan.js';
import { createHash } from 'node:crypto';
import { engineHash, type IndexEntry, type StoredUnits } from './cache.js';
import { decodeBytes, readBytesSync, type FileBytes } from '../source/files.js';
import { sha1 } from '../source/hash.js';
import { plainEnv, withPlainEnv } from '../source/plain-env.js';
import { stubOf } from './worker-protocol.js';

/** Each plan's findings (pre-waiver, in the order checked) and its unchecked pairs. */
export type PlanUnits = Map<string, { findings: Finding[]; unchecked: number }>;

/** The engine and configuration a store was made with. */
export const storeBase = (cfg: CheckConfig): string => createHash('sha1').update(engineHash()).update('\0').update(JSON.stringify(cfg)).digest('hex');

/** Each plan's key: its file and date, its parents' files and dates. */
function unitKeys(corpus: Corpus, base: string, hashOf: (file: string) => string, on: Map<string, string | null>): Map<string, string> {
  const keys = new Map<string, string>();
  const part = (id: string): string => {
    const lp = corpus.plans.get(id)!;
    return `${lp.file}\0${hashOf(lp.file)}\0${on.get(id) ?? ''}\n`;
  };
  for (const id of corpus.order) {
    const h = createHash('sha1').update(base).update('\n').update(part(id));
    for (const p of parentIds(corpus.plans.get(id)!.plan)) h.update(part(p));
    keys.set(id, h.digest('hex'));
  }
  return keys;
}

/** Each plan's key under the files' hashes and the plans' dates taken from their index entries. */
function keysOf(corpus: Corpus, index: readonly IndexEntry[], base: string, hashOf: (file: string) => string): Map<string, string> {
  const byId = new Map(index.map((e) => [e.stub.plan.id, e]));
  const dates = planDates(corpus.order, (id) => {
    const e = byId.get(id)!;
    return { parents: parentIds(e.stub.plan), issued: e.issued, earliest: e.earliest };
  });
  return unitKeys(corpus, base, hashOf, dates);
}

/** The store of a run: its files' stubs and every plan's unit (`keys`: the re-check's, made under the same hashes). */
export function storeOf(base: string, index: readonly IndexEntry[], units: PlanUnits, corpus: Corpus, hashOf: (file: string) => string, made?: ReadonlyMap<string, string>): StoredUnits {
  const keys = made ?? keysOf(corpus, index, base, hashOf);
  const strip = (f: Finding): Finding => {
    if (!f.waived) return f;
    const { waived: _w, ...rest } = f;
    return rest;
  };
  return {
    base,
    files: index.map((e) => ({ file: e.stub.file, hash: e.hash, stub: e.stub, issued: e.issued, earliest: e.earliest })),
    units: corpus.order.filter((id) => units.has(id)).map((id) => {
      const u = units.get(id)!;
      return { id, key: keys.get(id)!, unchecked: u.unchecked, findings: u.findings.map(strip) };
    }),
  };
}

/** The whole check in one thread, each plan's unit kept (checkCorpus, with its units). */
export function checkWithUnits(corpus: Corpus, cfg: CheckConfig, today: string): { report: Report; units: PlanUnits } {
  const bp = compileBoilerplate(cfg.matching);
  const dates = planDates(corpus.order, (id) => {
    const lp = corpus.plans.get(id)!;
    return { parents: parentIds(lp.plan), issued: issuedDay(lp), earliest: earliestDeadline(lp) };
  });
  const analyses = new Map(corpus.order.map((id) => [id, analysePlan(corpus.plans.get(id)!, bp, dates.get(id) ?? null)]));
  const c = checkPlans(corpus.order, (id) => corpus.plans.get(id)!, (id) => analyses.get(id)!, cfg);
  const units = cut(c.findings, c.units);
  return { report: assemble(c.findings, c.unchecked, c.waivered, planRefs(corpus), cfg, today), units };
}

function cut(findings: readonly Finding[], shares: readonly [string, number, number][]): PlanUnits {
  const units: PlanUnits = new Map();
  let at = 0;
  for (const [id, n, unchecked] of shares) {
    units.set(id, { findings: findings.slice(at, at + n), unchecked });
    at += n;
  }
  return units;
}

export interface Recheck {
  report: Report;
  corpus: Corpus;
  index: IndexEntry[];
  units: PlanUnits;
  /** How many plans were checked again (the rest came from the store). */
  rechecked: number;
  /** Each plan's key under the hashes given (what the store written next holds). */
  keys: Map<string, string>;
  /** The files read again (not as the store had them) and the plans checked again: what the store written next holds anew. */
  changed: { files: Set<string>; plans: Set<string> };
}

/** Re-checked plans above this share of the corpus: the full check (on several cores) does it faster. */
const MAX_SHARE = 0.5;

/**
 * The check of a corpus read as bytes, from the store where it holds; null when it cannot serve
 * (no store, a load error anywhere, too much changed): the caller runs the full check, which
 * reports every load error as it always has.
 */
export function recheck(files: readonly string[], read: readonly (FileBytes | { code: string } | null)[] | null, hashes: ReadonlyMap<string, string>, store: StoredUnits, opts: { cfg: CheckConfig; today: string; maxFileBytes: number }): Recheck | null {
  const base = storeBase(opts.cfg);
  if (store.base !== base) return null;
  const storedFiles = new Map(store.files.map((f) => [f.file, f]));
  const full = new Map<string, LoadedPlan>(); // file → the plan parsed this run
  const reread = new Set<string>(); // files not as the store had them
  const index: IndexEntry[] = [];
  const plain = plainEnv();
  // The bytes read for the cache lookup, else (the parallel path keeps none) read again: either way they must be the bytes hashed.
  const parse = (i: number): LoadedPlan | null => {
    const b = read?.[i] ?? readBytesSync(files[i]!, opts.maxFileBytes);
    if (!b || 'code' in b || !b.bytes || sha1(b.bytes) !== hashes.get(files[i]!)) return null;
    const src = decodeBytes(b, opts.maxFileBytes);
    if (!('text' in src)) return null;
    const r = withPlainEnv(() => parseSources([src]), plain);
    return r.errors.length || r.loaded.length !== 1 ? null : r.loaded[0]!;
  };
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const hash = hashes.get(file)!;
    const s = storedFiles.get(file);
    if (s && s.hash === hash && s.stub.file === file) {
      index.push({ stub: s.stub, hash, issued: s.issued, earliest: s.earliest });
      continue;
    }
    const lp = parse(i);
    if (!lp) return null;
    full.set(file, lp);
    reread.add(file);
    index.push({ stub: stubOf(lp), hash, issued: issuedDay(lp), earliest: earliestDeadline(lp) });
  }
  const linked = linkPlans(index.map((e) => e.stub));
  if (!linked.ok) return null;
  const corpus = linked.corpus;
  const byId = new Map(index.map((e) => [e.stub.plan.id, e]));
  const dates = planDates(corpus.order, (id) => {
    const e = byId.get(id)!;
    return { parents: parentIds(e.stub.plan), issued: e.issued, earliest: e.earliest };
  });
  const keys = unitKeys(corpus, base, (f) => hashes.get(f)!, dates);
  // A stored finding is never waived (waivers are marked on every run): one that is, is no entry.
  const stored = new Map(store.units.filter((u) => u.findings.every((f) => f.waived === undefined)).map((u) => [u.id, u]));
  const again = corpus.order.filter((id) => stored.get(id)?.key !== keys.get(id));
  if (again.length > corpus.order.length * MAX_SHARE) return null;

  // The plans to parse: those checked again, their parents, and the plans with waivers (the report rules read them whole).
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const plan = (id: string): LoadedPlan => {
    const file = corpus.plans.get(id)!.file;
    let lp = full.get(file);
    if (!lp) {
      lp = parse(fileIndex.get(file)!) ?? undefined;
      if (!lp || lp.plan.id !== id) throw new Error(`kehoach: ${file} changed while it was checked`);
      full.set(file, lp);
    }
    return lp;
  };
  const bp = compileBoilerplate(opts.cfg.matching);
  const analyses = new Map<string, PlanAnalysis>();
  const analysis = (id: string): PlanAnalysis => {
    let a = analyses.get(id);
    if (!a) analyses.set(id, (a = analysePlan(plan(id), bp, dates.get(id) ?? null)));
    return a;
  };
  const c = checkPlans(again, plan, analysis, opts.cfg);
  const fresh = cut(c.findings, c.units);

  const units: PlanUnits = new Map();
  const findings: Finding[] = [];
  let unchecked = 0;
  const waivered: LoadedPlan[] = [];
  for (const id of corpus.order) {
    const u = fresh.get(id) ?? stored.get(id)!;
    units.set(id, u);
    for (const f of u.findings) findings.push(f);
    unchecked += u.unchecked;
    if (corpus.plans.get(id)!.plan.waivers?.length) waivered.push(plan(id));
  }
  const report = assemble(findings, unchecked, waivered, planRefs(corpus), opts.cfg, opts.today);
  return { report, corpus, index, units, rechecked: again.length, keys, changed: { files: reread, plans: new Set(again) } };
}
