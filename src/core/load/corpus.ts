/**
 * Many files → one corpus: plans indexed by id, the derivation graph, and every
 * cross-file load error (duplicate id, missing parent, cycle). Pure: works on texts.
 */
import { legalBases, parentIds, type Plan } from '../model/plan.js';
import { cmp, createGraph, findCycle, topologicalOrder, type DerivationGraph } from '../graph/derivation.js';
import { loadError, type LoadError } from './errors.js';
import { parsePlanText, type LoadedPlan } from './parse-plan.js';
import { START, type Pos } from './positions.js';

export interface SourceFile {
  file: string;
  text: string;
  /** sha1 of the bytes the text was decoded from, when the reader was asked for it (the cache key). */
  hash?: string;
}

export interface Corpus {
  plans: Map<string, LoadedPlan>;
  graph: DerivationGraph;
  /** Plan ids, parents before children, ties by id. */
  order: string[];
}

export type CorpusResult = { ok: true; corpus: Corpus } | { ok: false; errors: LoadError[] };

export function sortErrors(errors: LoadError[]): LoadError[] {
  return errors.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.message, b.message));
}

/** Parses each source once, then links them. All errors are collected, not just the first. */
export function buildCorpus(sources: readonly SourceFile[]): CorpusResult {
  const { loaded, errors } = parseSources(sources);
  return linkPlans(loaded, errors);
}

/** Parses each source once; the plans that parse, and the located errors of those that do not. */
export function parseSources(sources: readonly SourceFile[]): { loaded: LoadedPlan[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const loaded: LoadedPlan[] = [];
  for (const s of sources) {
    const r = parsePlanText(s.file, s.text);
    if (r.ok) loaded.push(r.loaded);
    else errors.push(...r.errors);
  }
  return { loaded, errors };
}

/** Links already-parsed plans (from the cache or the parser) into a corpus. */
export function linkPlans(loaded: readonly LoadedPlan[], errors: LoadError[] = []): CorpusResult {
  const plans = new Map<string, LoadedPlan>();
  for (const lp of [...loaded].sort((a, b) => cmp(a.file, b.file))) {
    const first = plans.get(lp.plan.id);
    if (first) {
      errors.push(loadError(lp.file, lp.positions.fields['id'] ?? START, 'duplicate-plan-id', `plan id "${lp.plan.id}" is already used by ${first.file}`, 'load.duplicate-plan-id', { id: lp.plan.id, first: first.file }));
    } else plans.set(lp.plan.id, lp);
  }
  const graph = createGraph();
  for (const [id, lp] of plans) {
    graph.addNode(id, { kind: 'plan', title: lp.plan.title, number: lp.plan.number ?? null, level: lp.plan.level, file: lp.file });
  }
  for (const [id, lp] of plans) {
    for (const basis of legalBases(lp.plan)) {
      graph.mergeNode(basis.id, { kind: 'basis', title: basis.title ?? basis.number, number: basis.number, level: null, file: null });
      graph.mergeEdge(basis.id, id);
    }
    parentIds(lp.plan).forEach((parent) => {
      if (parent === id) {
        errors.push(loadError(lp.file, basedOnPos(lp, parent), 'cycle', `plan "${id}" names itself in basedOn`, 'load.names-itself', { id }));
      } else if (!plans.has(parent)) {
        errors.push(
          loadError(lp.file, basedOnPos(lp, parent), 'missing-parent', `basedOn names plan "${parent}", which is not among the loaded plans (load its file too, or pass --plans <dir>)`, 'load.missing-parent', { parent }),
        );
      } else graph.mergeEdge(parent, id);
    });
  }
  const cycle = findCycle(graph);
  if (cycle) {
    const last = cycle[cycle.length - 1]!;
    const closing = plans.get(cycle[0]!)!;
    const path = [...cycle, cycle[0]].join(' → ');
    errors.push(loadError(closing.file, basedOnPos(closing, last), 'cycle', `derivation cycle: ${path}`, 'load.cycle', { path }));
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, corpus: { plans, graph, order: topologicalOrder(graph).filter((n) => plans.has(n)) } };
}

/** Position of the basedOn entry naming `parent` (else of basedOn, else the file start). */
function basedOnPos(lp: LoadedPlan, parent: string): Pos {
  const p = lp.positions.basedOn?.[parentIds(lp.plan).indexOf(parent)];
  return p ?? lp.positions.fields['basedOn'] ?? START;
}

export type { LoadedPlan, Plan };
