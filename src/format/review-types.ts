/**
 * The diff and audit reports (`kehoach diff|audit --format json`), diff version 1 and audit
 * version 2, documented in docs/reports.md: the reviews (src/core/review) with each finding in the
 * check's JSON contract form, its message rendered in the report's language, and the audit's graph
 * labelled (laid out only by the HTML page that draws it: src/format/audit/graph.ts).
 * Fields may be added, none removed or renamed, as with the check's output contract; audit
 * version 2 removed version 1's graph positions (x, y, width, height, points), which only a
 * picture needs and which took the layout of the whole graph to compute.
 */
import type { FindingJson } from '../core/model/finding.js';
import type { Level } from '../core/model/plan.js';
import type { Lang } from './messages.js';
import type { DiffReview, DiffRow as ReviewRow } from '../core/review/types.js';
import type { AuditReview, ChildSummary as ReviewSummary } from '../core/review/audit-types.js';

export type { ChildCell, DeadlineView, Mark, PlanInfo, TaskSide } from '../core/review/types.js';
export type { AuditCell, AuditGroup, CellStatus } from '../core/review/audit-types.js';

/** A finding as the check's JSON contract prints it (src/core/model/finding.ts findingJson). */
export type ReportFinding = FindingJson;

export type DiffRow = ReviewRow<ReportFinding>;

export interface DiffReport extends DiffReview<ReportFinding> {
  version: 1;
  kind: 'diff';
  lang: Lang;
}

export type ChildSummary = ReviewSummary<ReportFinding>;

/** A plan of the audit's graph as it is labelled (the report's `graph.nodes`). */
export interface GraphLabel {
  id: string;
  /** Number (or id) and issuer, as drawn. */
  lines: string[];
  level: Level;
  depth: number;
  /** Score against the parent it is drawn under (its first parent in the audit); null for the root. */
  score: number | null;
  /** Band against that parent (src/core/review/score.ts); null for the root. */
  band: 'good' | 'fair' | 'poor' | null;
}

/** A node laid out (src/format/layout.ts): where a picture draws it. */
export interface GraphNode extends GraphLabel {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface AuditReport extends Omit<AuditReview<ReportFinding>, 'graph'> {
  version: 2;
  kind: 'audit';
  lang: Lang;
  graph: { nodes: GraphLabel[]; edges: { from: string; to: string }[] };
}
