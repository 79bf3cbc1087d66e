/**
 * The check on several cores: each worker parses chunks of the files as it becomes free and
 * keeps their plans; the main thread links the stubs, dates every plan, and hands each worker
 * the plans and edges whose child it holds, with the few parents it lacks. Output is the
 * same as the one-thread check, byte for byte (tests compare them).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { planDates } from '../../core/check/analyse.js';
import type { CheckConfig } from '../../core/check/config.js';
import { assemble, planRefs } from '../../core/check/engine.js';
import { linkPlans, sortErrors, type Corpus } from '../../core/load/corpus.js';
import type { LoadError } from '../../core/load/errors.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import type { Finding, Report } from '../../core/model/finding.js';
import { parentIds } from '../../core/model/plan.js';
import type { FromWorker, PlanStub, ToWorker } from './worker-protocol.js';
import type { PlanUnits } from './incremental.js';

export interface ParallelOptions {
  maxFileBytes: number;
  /** Hash each file's bytes as the workers read them (for the cache key). */
  hash: boolean;
  cfg: CheckConfig;
  today: string;
  workers: number;
}

export const defaultWorkers = (): number => Math.max(1, Math.min(availableParallelism(), 4));

/** The most workers KEHOACH_WORKERS may ask for: four per core (ten thousand threads abort V8). */
export const maxWorkers = (): number => 4 * availableParallelism();

/** KEHOACH_WORKERS read: a whole number from 1, capped at maxWorkers(); null when unset or not one. */
export function askedWorkers(env: Record<string, string | undefined>): { asked: number; capped: boolean } | null {
  const n = env['KEHOACH_WORKERS'] ? Number(env['KEHOACH_WORKERS']) : NaN;
  if (!Number.isInteger(n) || n < 1) return null;
  return { asked: Math.min(n, maxWorkers()), capped: n > maxWorkers() };
}

type Waiting = { kind: FromWorker['kind']; resolve: (r: FromWorker) => void; reject: (e: Error) => void };

/** Worker threads answering requests in order: each worker's answers go to its waiting requests, first come first served. */
class Pool {
  private readonly workers: Worker[];
  private readonly waiting: Waiting[][];
  constructor(n: number) {
    this.workers = Array.from({ length: n }, () => new Worker(new URL('./check-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }));
    this.waiting = this.workers.map(() => []);
    this.workers.forEach((w, i) => {
      w.on('message', (r: FromWorker) => {
        const next = this.waiting[i]!.shift();
        if (!next) return;
        if (r.kind === 'failed') next.reject(new Error(r.message));
        else if (r.kind !== next.kind) next.reject(new Error(`worker answered ${r.kind} to a request for ${next.kind}`));
        else next.resolve(r);
      });
      w.on('error', (e) => this.waiting[i]!.splice(0).forEach((x) => x.reject(e)));
    });
  }
  get size(): number {
    return this.workers.length;
  }
  ask<K extends FromWorker['kind']>(i: number, m: ToWorker, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
    return new Promise((resolve, reject) => {
      this.waiting[i]!.push({ kind, resolve: resolve as (r: FromWorker) => void, reject });
      this.workers[i]!.postMessage(m);
    });
  }
  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Files go to the workers in chunks of this many, in file order, each worker taking the next
 * chunk as it finishes one (two in flight, so it never waits): the loads end together
 * whatever the sizes of the files, and nothing is stat'ed up front to balance them.
 */
const CHUNK = 64;
/**
 * Young generation of a worker, in MB. Parsing allocates many short-lived objects; a larger
 * nursery lets more of them die young instead of being promoted (measured: about 3% faster).
 */
const YOUNG_MB = 64;

type Loaded = Extract<FromWorker, { kind: 'loaded' }>;

/** Every file loaded by some worker; per file, its stub (or errors) and the worker holding it. */
async function loadAll(pool: Pool, files: readonly string[], maxFileBytes: number, hash: boolean): Promise<{ loaded: Loaded; holder: number }[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const results: { loaded: Loaded; holder: number }[] = new Array(chunks.length);
  let next = 0;
  const feed = async (holder: number): Promise<void> => {
    while (next < chunks.length) {
      const k = next++;
      results[k] = { loaded: await pool.ask(holder, { kind: 'load', files: chunks[k]!, maxFileBytes, hash }, 'loaded'), holder };
    }
  };
  // Two feeders per worker: one chunk parsing, the next already queued.
  await Promise.all(Array.from({ length: pool.size * 2 }, (_, k) => feed(k % pool.size)));
  return results;
}

export type ParallelResult =
  | { ok: true; report: Report; corpus: Corpus; stubs: PlanStub[]; /** Each file's hash, of the bytes parsed (when asked). */ hashes: Map<string, string>; units: PlanUnits }
  | { ok: false; errors: LoadError[] };

export async function parallelCheck(files: readonly string[], opts: ParallelOptions): Promise<ParallelResult> {
  const pool = new Pool(Math.max(1, Math.min(opts.workers, files.length)));
  try {
    // Chunks come back in file order, so stubs and errors are in file order whatever the timing.
    const loaded = await loadAll(pool, files, opts.maxFileBytes, opts.hash);
    const errors = loaded.flatMap((l) => l.loaded.errors);
    const stubs = new Map<string, PlanStub & { holder: number }>();
    for (const { loaded: l, holder } of loaded) l.stubs.forEach((s) => stubs.has(s.loaded.plan.id) || stubs.set(s.loaded.plan.id, { ...s, holder }));
    const linked = linkPlans(loaded.flatMap((l) => l.loaded.stubs.map((s) => s.loaded)), errors);
    if (!linked.ok) return { ok: false, errors: sortErrors(linked.errors) };
    const corpus = linked.corpus;
    // Every plan's date, parents first (checking.md "Dates of plans").
    const on = Object.fromEntries(
      planDates(corpus.order, (id) => {
        const s = stubs.get(id)!;
        return { parents: parentIds(s.loaded.plan), issued: s.issued, earliest: s.earliest };
      }),
    );
    const jobs = Array.from({ length: pool.size }, () => ({ plans: [] as string[], edges: [] as [string, string][], lacks: new Set<string>() }));
    for (const id of corpus.order) {
      const job = jobs[stubs.get(id)!.holder]!;
      job.plans.push(id);
      for (const p of parentIds(stubs.get(id)!.loaded.plan)) {
        job.edges.push([p, id]);
        if (stubs.get(p)!.holder !== stubs.get(id)!.holder) job.lacks.add(p);
      }
    }
    // Parents a worker lacks, fetched from their holders (parents are few: provinces, districts).
    // Every request goes out before any check: a worker drops the plans it has checked that none
    // of its own plans derive from, so a later request could find them gone.
    const extras: Promise<LoadedPlan[]>[] = jobs.map((job) => {
      const byHolder = new Map<number, string[]>();
      for (const p of [...job.lacks].sort()) byHolder.set(stubs.get(p)!.holder, [...(byHolder.get(stubs.get(p)!.holder) ?? []), p]);
      const asked = [...byHolder].map(([holder, ids]) => pool.ask(holder, { kind: 'send', ids }, 'sent'));
      return Promise.all(asked).then((sent) => sent.flatMap((r) => r.plans));
    });
    // Each worker starts checking as soon as its own parents have come.
    const checked = await Promise.all(
      jobs.map(async (job, i) => pool.ask(i, { kind: 'check', cfg: opts.cfg, on, extra: await extras[i]!, plans: job.plans, edges: job.edges }, 'checked')),
    );
    const findings: Finding[] = checked.flatMap((c) => c.findings);
    // Each plan's findings and unchecked pairs, cut out before assemble sorts and marks them (the incremental cache keeps them).
    const units: PlanUnits = new Map();
    for (const c of checked) {
      let at = 0;
      for (const [id, n, unchecked] of c.units) {
        units.set(id, { findings: c.findings.slice(at, at + n), unchecked });
        at += n;
      }
    }
    const unchecked = checked.reduce((n, c) => n + c.unchecked, 0);
    const waivered = checked.flatMap((c) => c.waivered).sort((a, b) => (a.plan.id < b.plan.id ? -1 : 1));
    const hashes = new Map(loaded.flatMap((l) => l.loaded.hashes));
    return { ok: true, report: assemble(findings, unchecked, waivered, planRefs(corpus), opts.cfg, opts.today), corpus, stubs: [...stubs.values()], hashes, units };
  } finally {
    await pool.close();
  }
}
