/**
 * The audit review: for a parent plan, every child (and deeper levels with --depth), a
 * coverage matrix per parent, a summary and score per child, the derivation graph's nodes and
 * edges, and each child's findings, as plain data (no prose, no language). Rendered as the
 * audit report (src/format/review-types.ts, `kehoach audit --format json`, docs/reports.md),
 * where the graph is also laid out.
 */
import type { Finding } from '../model/finding.js';
import type { Level } from '../model/plan.js';
import type { Addressing } from '../check/types.js';
import type { Mark, PlanInfo } from './types.js';

/** One cell of the coverage matrix, worst first when several marks apply (docs/reports.md). */
export const CELL_STATUSES = ['missing', 'late', 'weakened', 'other-agency', 'cannot-compare', 'not-carried', 'done'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface AuditCell {
  status: CellStatus;
  /** Every mark of the diff row, of which status is the worst. */
  marks: Mark[];
  /** Child task keys matched to the parent task. */
  childTasks: string[];
  addressing: Addressing | null;
}

export interface AuditGroup {
  /** A parent plan and those of its children inside the audit's depth. */
  parent: string;
  children: string[];
  tasks: { key: string; label: string; title: string; deadline: string | null }[];
  /** cells[task][child], in the order of `tasks` and `children`. */
  cells: AuditCell[][];
}

export interface ChildSummary<F = Finding> {
  plan: string;
  parent: string;
  /** Cells per status; a cell with two deviations (late and other agency) counts under both. */
  counts: Record<CellStatus, number>;
  /** Child tasks matched to no parent task: added, or not checkable against a partial parent. */
  added: number;
  cannotCheck: number;
  /** Cells that enter the score, and the points they earned (see `score`). */
  scored: number;
  points: number;
  /** 100 × points / scored, rounded; null when no cell is scored. */
  score: number | null;
  /** What the score and the errors amount to (score.ts `band`): good, fair, poor; null when nothing was scored or found. */
  band: 'good' | 'fair' | 'poor' | null;
  findings: { error: number; warning: number; info: number; waived: number };
  /** The check's findings on this child: against this parent, and about the plan alone. */
  list: F[];
}

/** A plan of the audit as its graph draws it, before layout. */
export interface ReviewNode {
  id: string;
  /** The plan's printed number, when it has one. */
  number: string | null;
  issuer: string | null;
  level: Level;
  depth: number;
  /** Score against the parent it is drawn under (its first parent in the audit); null for the root. */
  score: number | null;
  /** Its band against that parent (score.ts); null for the root. */
  band: 'good' | 'fair' | 'poor' | null;
}

export interface AuditReview<F = Finding> {
  root: string;
  depth: number;
  /** Every plan in the audit, root first, then in derivation order. */
  plans: PlanInfo[];
  groups: AuditGroup[];
  summaries: ChildSummary<F>[];
  graph: { nodes: ReviewNode[]; edges: { from: string; to: string }[] };
}
