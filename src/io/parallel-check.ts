/**
 * The check on several cores: each worker parses a share of the files (balanced by size) and
 * keeps its plans; the main thread links the stubs, dates every plan, and hands each worker
 * the plans and edges whose child it holds, with the few parents it lacks. Output is the
 * same as the one-thread check, byte for byte (tests compare them).
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { planDates } from '../check/analyse.js';
import type { CheckConfig } from '../check/config.js';
import { assemble } from '../check/engine.js';
import type { Lang } from '../check/messages.js';
import { linkPlans, sortErrors, type Corpus } from '../load/corpus.js';
import type { LoadError } from '../load/errors.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import type { Finding, Report } from '../model/finding.js';
import { parentIds } from '../model/plan.js';
import type { FromWorker, PlanStub, ToWorker } from './worker-protocol.js';

export interface ParallelOptions {
  maxFileBytes: number;
  cfg: CheckConfig;
  lang: Lang;
  today: string;
  workers: number;
}

export const defaultWorkers = (): number => Math.max(1, Math.min(availableParallelism(), 4));

class Pool {
  private readonly workers: Worker[];
  constructor(n: number) {
    this.workers = Array.from({ length: n }, () => new Worker(new URL('./check-worker.js', import.meta.url)));
  }
  get size(): number {
    return this.workers.length;
  }
  ask<K extends FromWorker['kind']>(i: number, m: ToWorker, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
    const w = this.workers[i]!;
    return new Promise((resolve, reject) => {
      const onMessage = (r: FromWorker): void => {
        w.off('error', reject);
        if (r.kind === 'failed') reject(new Error(r.message));
        else if (r.kind !== kind) reject(new Error(`worker answered ${r.kind} to a request for ${kind}`));
        else resolve(r as Extract<FromWorker, { kind: K }>);
      };
      w.once('message', onMessage);
      w.once('error', reject);
      w.postMessage(m);
    });
  }
  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Files into n shares of about equal bytes (largest first, each to the lightest share). */
async function shares(files: readonly string[], n: number): Promise<string[][]> {
  const sized = await Promise.all(files.map(async (f) => ({ f, size: await stat(f).then((s) => s.size, () => 0) })));
  sized.sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : 1));
  const out = Array.from({ length: n }, () => ({ files: [] as string[], bytes: 0 }));
  for (const { f, size } of sized) {
    const lightest = out.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(f);
    lightest.bytes += size;
  }
  return out.map((s) => s.files.sort());
}

export type ParallelResult = { ok: true; report: Report; corpus: Corpus; stubs: PlanStub[] } | { ok: false; errors: LoadError[] };

export async function parallelCheck(files: readonly string[], opts: ParallelOptions): Promise<ParallelResult> {
  const pool = new Pool(Math.max(1, Math.min(opts.workers, files.length)));
  try {
    const parts = await shares(files, pool.size);
    const loaded = await Promise.all(parts.map((part, i) => pool.ask(i, { kind: 'load', files: part, maxFileBytes: opts.maxFileBytes }, 'loaded')));
    const errors = loaded.flatMap((l) => l.errors);
    const stubs = new Map<string, PlanStub & { holder: number }>();
    loaded.forEach((l, i) => l.stubs.forEach((s) => stubs.has(s.loaded.plan.id) || stubs.set(s.loaded.plan.id, { ...s, holder: i })));
    const linked = linkPlans(loaded.flatMap((l) => l.stubs.map((s) => s.loaded)), errors);
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
    const extras: LoadedPlan[][] = [];
    for (const job of jobs) {
      const byHolder = new Map<number, string[]>();
      for (const p of [...job.lacks].sort()) byHolder.set(stubs.get(p)!.holder, [...(byHolder.get(stubs.get(p)!.holder) ?? []), p]);
      const sent = [];
      for (const [holder, ids] of byHolder) sent.push(...(await pool.ask(holder, { kind: 'send', ids }, 'sent')).plans);
      extras.push(sent);
    }
    const checked = await Promise.all(
      jobs.map((job, i) => pool.ask(i, { kind: 'check', cfg: opts.cfg, lang: opts.lang, on, extra: extras[i]!, plans: job.plans, edges: job.edges }, 'checked')),
    );
    const findings: Finding[] = checked.flatMap((c) => c.findings);
    const unchecked = checked.reduce((n, c) => n + c.unchecked, 0);
    const waivered = checked.flatMap((c) => c.waivered).sort((a, b) => (a.plan.id < b.plan.id ? -1 : 1));
    return { ok: true, report: assemble(findings, unchecked, waivered, opts.cfg, opts.lang, opts.today), corpus, stubs: [...stubs.values()] };
  } finally {
    await pool.close();
  }
}
