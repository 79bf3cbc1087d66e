/**
 * Messages between the parallel check (src/app/run/parallel-check.ts) and its workers
 * (src/app/run/check-worker.ts). Plain, structured-clone-able data.
 */
import type { Finding } from '../../core/model/finding.js';
import type { LoadError } from '../../core/load/errors.js';
import type { LoadedPlan } from '../../core/load/parse-plan.js';
import type { CheckConfig } from '../../core/check/config.js';

/** What the main thread needs of a parsed plan to link the corpus and date it. */
export interface PlanStub {
  /** The plan without its tasks (waivers kept), file and positions for link errors. */
  loaded: LoadedPlan;
  issued: string | null;
  earliest: string | null;
}

export type ToWorker =
  | { kind: 'load'; files: string[]; maxFileBytes: number; hash: boolean }
  | { kind: 'send'; ids: string[] }
  | { kind: 'check'; cfg: CheckConfig; on: Record<string, string | null>; extra: LoadedPlan[]; plans: string[]; edges: [string, string][] };

export type FromWorker =
  | { kind: 'loaded'; stubs: PlanStub[]; errors: LoadError[]; hashes: [string, string][] }
  | { kind: 'sent'; plans: LoadedPlan[] }
  | { kind: 'checked'; findings: Finding[]; unchecked: number; waivered: LoadedPlan[]; units: [string, number, number][] }
  | { kind: 'failed'; message: string };

/**
 * A plan cut to what links, dates and labels it, cheap to send and to keep: of its tasks only
 * those printed under another number than their key (reports show the printed label), with
 * their title emptied. A stub is never checked.
 */
export function stubOf(lp: LoadedPlan): LoadedPlan {
  const tasks = lp.plan.tasks.filter((t) => t.label !== undefined && t.label !== t.key).map(({ key, label }) => ({ key, label, title: '' }));
  return { file: lp.file, plan: { ...lp.plan, tasks }, positions: { ...lp.positions, tasks: [], lines: new Int32Array(0) } };
}
