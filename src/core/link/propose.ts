/**
 * Which links `kehoach link` would write: for a child plan and each of its direct parents,
 * the automatic matches the check accepts (checking.md "Matching"), each with the parent
 * task's fingerprint so a later change of that task shows as `suspect-link`. Uncertain
 * matches are listed but never written: a reviewer confirms them by hand. Pure.
 */
import { parentIds, labelOf } from '../model/plan.js';
import type { Corpus } from '../load/corpus.js';
import type { CheckConfig } from '../check/config.js';
import { analyseCorpus } from '../check/engine.js';
import { matchTasks } from '../check/match.js';
import { taskFingerprint } from '../check/fingerprint.js';
import type { LinkInsertion } from './insert.js';

export interface ProposedLink {
  childTask: string;
  childLabel: string;
  parentTask: string;
  parentLabel: string;
  score: number;
  fingerprint: string;
}

export interface EdgeProposal {
  parent: string;
  /** Accepted automatic matches: what --write writes. */
  links: ProposedLink[];
  /** Matches already written as explicit links. */
  explicit: { childTask: string; parentTask: string }[];
  /** Weak or ambiguous candidates: shown, never written. */
  uncertain: { childTask: string; parentTask: string | null; kind: string; score: number }[];
}

export function proposeLinks(corpus: Corpus, childId: string, cfg: CheckConfig): EdgeProposal[] {
  const childLp = corpus.plans.get(childId);
  if (!childLp) return [];
  const analyses = analyseCorpus(corpus, cfg);
  const child = analyses.get(childId)!;
  return parentIds(childLp.plan).map((parentId) => {
    const parent = analyses.get(parentId)!;
    const { matches, uncertain } = matchTasks(parent, child, childLp, cfg.matching);
    const links = matches
      .filter((m) => m.method === 'auto')
      .map((m) => {
        const p = parent.byKey.get(m.parentTask)!;
        const c = child.byKey.get(m.childTask)!;
        return { childTask: c.key, childLabel: labelOf(c.task), parentTask: p.key, parentLabel: labelOf(p.task), score: m.score, fingerprint: taskFingerprint(p.task) };
      });
    return {
      parent: parentId,
      links,
      explicit: matches.filter((m) => m.method === 'explicit').map((m) => ({ childTask: m.childTask, parentTask: m.parentTask })),
      uncertain: uncertain.filter((u) => u.childTask !== null).map((u) => ({ childTask: u.childTask!, parentTask: u.parentTask, kind: u.kind, score: u.score })),
    };
  });
}

/** The insertions for insertLinks, child tasks in the order of the file, links in the order of the parents. */
export function insertionsOf(proposals: readonly EdgeProposal[], corpus: Corpus, childId: string): LinkInsertion[] {
  const order = corpus.plans.get(childId)?.plan.tasks.map((t) => t.key) ?? [];
  return order
    .map((key) => ({
      taskKey: key,
      links: proposals.flatMap((e) => e.links.filter((l) => l.childTask === key).map((l) => ({ plan: e.parent, task: l.parentTask, fingerprint: l.fingerprint }))),
    }))
    .filter((i) => i.links.length > 0);
}
