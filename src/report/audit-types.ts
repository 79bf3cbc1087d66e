/**
 * The audit report (`kehoach audit --format json`), version 1, documented in
 * docs/reports.md: for a parent plan, every child (and deeper levels with --depth), a
 * coverage matrix per parent, a summary and score per child, the derivation graph laid out,
 * and each child's findings. Fields may be added, none removed or renamed.
 */
import type { Lang } from '../check/messages.js';
import type { Level } from '../model/plan.js';
import type { Addressing } from '../check/types.js';
import type { Mark, PlanInfo, ReportFinding } from './types.js';

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

export interface ChildSummary {
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
  findings: { error: number; warning: number; info: number; waived: number };
  /** The check's findings on this child: against this parent, and about the plan alone. */
  list: ReportFinding[];
}

export interface GraphNode {
  id: string;
  /** Number (or id) and issuer, as drawn. */
  lines: string[];
  level: Level;
  depth: number;
  /** Score against the parent it is drawn under (its first parent in the audit); null for the root. */
  score: number | null;
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

export interface AuditReport {
  version: 1;
  kind: 'audit';
  lang: Lang;
  root: string;
  depth: number;
  /** Every plan in the audit, root first, then in derivation order. */
  plans: PlanInfo[];
  groups: AuditGroup[];
  summaries: ChildSummary[];
  graph: { width: number; height: number; nodes: GraphNode[]; edges: GraphEdge[] };
}
