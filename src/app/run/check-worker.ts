/**
 * A worker of the parallel check: parses its share of the files once, keeps the plans, and
 * checks the plans and edges the main thread gives it (parents it does not hold arrive in
 * `extra`). Only stubs and findings travel back.
 */
import { parentPort } from 'node:worker_threads';
import { analysePlan, earliestDeadline, issuedDay } from '../../core/check/analyse.js';
import { checkPlans } from '../../core/check/engine.js';
import { compileBoilerplate } from '../../core/check/features.js';
import type { PlanAnalysis } from '../../core/check/types.js';
import type { LoadError } from '../../core/load/errors.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import type { SourceFile } from '../../core/load/corpus.js';
import { parsePlans } from '../source/corpus-source.js';
import { readSourceSync } from '../source/files.js';
import { useDiskTables } from '../tables.js';
import { stubOf, type FromWorker, type PlanStub, type ToWorker } from './worker-protocol.js';

useDiskTables(); // a worker is an entry point of its own

const held = new Map<string, LoadedPlan>();
const port = parentPort!;
const reply = (m: FromWorker): void => port.postMessage(m);

function load(files: string[], maxFileBytes: number, hash: boolean): void {
  const errors: LoadError[] = [];
  const sources: SourceFile[] = [];
  for (const file of files) {
    const src = readSourceSync(file, maxFileBytes, hash);
    if ('text' in src) sources.push(src);
    else errors.push(src);
  }
  // The cache key is made of the bytes parsed here, not of an earlier read of the same files.
  const hashes = sources.flatMap((s): [string, string][] => (s.hash ? [[s.file, s.hash]] : []));
  const parsed = parsePlans(sources); // the corpus source's own parse, as in one thread
  errors.push(...parsed.errors);
  const stubs: PlanStub[] = [];
  for (const lp of parsed.loaded) {
    // Two files may claim one id: the main thread reports it; keep the first by file order.
    if (!held.has(lp.plan.id)) held.set(lp.plan.id, lp);
    stubs.push({ loaded: stubOf(lp), issued: issuedDay(lp), earliest: earliestDeadline(lp) });
  }
  reply({ kind: 'loaded', stubs, errors, hashes });
}

function check(m: Extract<ToWorker, { kind: 'check' }>): void {
  for (const lp of m.extra) held.set(lp.plan.id, lp);
  const bp = compileBoilerplate(m.cfg.matching);
  const analyses = new Map<string, PlanAnalysis>();
  const analysis = (id: string): PlanAnalysis => {
    let a = analyses.get(id);
    if (!a) analyses.set(id, (a = analysePlan(held.get(id)!, bp, m.on[id] ?? null)));
    return a;
  };
  const isParent = new Set(m.edges.map(([parent]) => parent));
  // Plans come parents first. A plan that is nobody's parent (most are communes) is dropped
  // once checked, so memory holds the parents and the plans not yet reached.
  const { findings, unchecked, waivered, units } = checkPlans(m.plans, (id) => held.get(id)!, analysis, m.cfg, (id) => {
    if (isParent.has(id)) return;
    analyses.delete(id);
    held.delete(id);
  });
  reply({ kind: 'checked', findings, unchecked, waivered, units });
}

port.on('message', (m: ToWorker) => {
  const run = async (): Promise<void> => {
    if (m.kind === 'load') load(m.files, m.maxFileBytes, m.hash);
    else if (m.kind === 'send') reply({ kind: 'sent', plans: m.ids.map((id) => held.get(id)!) });
    else check(m);
  };
  run().catch((e: unknown) => reply({ kind: 'failed', message: (e as Error).stack ?? String(e) }));
});
