/**
 * A draft for a unit from a parent in a loaded corpus: the parent analysed as the check analyses
 * it (its ancestors first, so that it is judged on the date they give it), then scaffolded.
 * Shared by `kehoach scaffold` and the workspace page (moved out of src/cli/commands/scaffold.ts).
 */
import type { CheckConfig } from '../check/config.js';
import { analyseCorpus } from '../check/engine.js';
import { ancestorsOf } from '../graph/derivation.js';
import type { Corpus } from '../load/corpus.js';
import type { Level } from '../model/plan.js';
import { scaffoldPlan } from './draft.js';

export function scaffoldFromCorpus(corpus: Corpus, parentId: string, cfg: CheckConfig, unit: string, level?: Level): ReturnType<typeof scaffoldPlan> {
  const needed = new Set([parentId, ...ancestorsOf(corpus.graph, parentId)]);
  const analyses = analyseCorpus(corpus, cfg, corpus.order.filter((id) => needed.has(id)));
  return scaffoldPlan({ parent: corpus.plans.get(parentId)!, analysis: analyses.get(parentId)!, unit, level, reportLeadDays: cfg.scaffold.reportLeadDays });
}
