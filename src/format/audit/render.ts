/**
 * The audit review as the audit report: findings rendered in the reader's language, the graph's
 * nodes labelled. Not laid out: only the HTML page draws the graph, and lays out what it draws
 * (graph.ts), so JSON and Markdown never pay for a layout.
 */
import type { Lang } from '../messages.js';
import type { AuditReview } from '../../core/review/audit-types.js';
import { reportFinding, shownPlan } from '../diff/render.js';
import { planNamer } from '../reader.js';
import type { AuditReport } from '../review-types.js';
import { rt } from '../terms.js';

export function renderAudit(review: AuditReview, lang: Lang): AuditReport {
  const graph = {
    nodes: review.graph.nodes.map((n) => ({
      id: n.id,
      // Named as a reader names the plan: its number and issuer (the id only when it has neither).
      lines: [...(n.number ? [n.number] : []), ...(n.issuer ? [shortIssuer(n.issuer)] : n.number ? [] : [n.id]), ...(n.score === null ? [] : [`${rt('score', lang)}: ${n.score}`])],
      level: n.level,
      depth: n.depth,
      score: n.score,
      band: n.band,
    })),
    edges: review.graph.edges,
  };
  const name = planNamer(review.plans, lang);
  return {
    version: 2,
    kind: 'audit',
    lang,
    root: review.root,
    depth: review.depth,
    plans: review.plans.map((p) => shownPlan(p, lang)),
    groups: review.groups,
    summaries: review.summaries.map((s) => ({ ...s, list: s.list.map((f) => reportFinding(f, lang, name)) })),
    graph,
  };
}

/** "Ủy ban nhân dân thị xã Bỉm Sơn" → "UBND thị xã Bỉm Sơn": the graph has little room. */
export function shortIssuer(issuer: string): string {
  return issuer.normalize('NFC').replace(/^(ủy|uỷ) ban nhân dân/iu, 'UBND');
}
