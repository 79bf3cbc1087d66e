/**
 * The diff review: one parent plan and one child side by side, as plain data with the check's
 * findings (no prose, no language). The formatters render it as the diff report
 * (src/format/review-types.ts, `kehoach diff --format json`, docs/reports.md), with every
 * finding's message in the reader's language. Everything a formatter shows is here;
 * formatters compute nothing.
 */
import type { Level } from '../model/plan.js';
import type { Finding } from '../model/finding.js';
import type { Addressing } from '../check/types.js';
import type { DeadlineKind, DueDay } from '../domain/deadline.js';
import type { Verdict } from '../domain/deadline-compare.js';

/** Marks of a row, in the order formatters show them (docs/reports.md). */
export const MARKS = ['missing', 'later', 'weakened', 'other-agency', 'cannot-compare', 'not-carried', 'added', 'same'] as const;
export type Mark = (typeof MARKS)[number];

export interface PlanInfo {
  id: string;
  /** "172/KH-UBND (thanh-hoa-172-2023)", or the id alone when the copy has no number. */
  name: string;
  number: string | null;
  title: string;
  issuer: string | null;
  level: Level;
  /** As the document states it (YYYY, YYYY-MM or YYYY-MM-DD), null when it does not. */
  issued: string | null;
  file: string;
  partial: boolean;
  /** Partial plans: the last task the known text reaches. */
  knownUntil: string | null;
  reconstructed: boolean;
  /** The plan's own note (synthetic plans say so there). */
  note: string | null;
}

export interface DeadlineView {
  /** As written; null when the task states none. */
  text: string | null;
  /** "Thời gian thực hiện" (execution) or "Thời gian hoàn thành" (completion), when the plan says. */
  deadlineKind: 'execution' | 'completion' | null;
  kind: DeadlineKind;
  start: string | null;
  end: string | null;
  due: DueDay[];
  qualifiers: string[];
  condition: string | null;
}

export interface TaskSide {
  key: string;
  /** Numbering as printed. */
  label: string;
  title: string;
  /** Lead agencies as written, else the implementing ones (see ownerRole). */
  owners: string[];
  ownerRole: 'lead' | 'implement' | null;
  coordinate: string[];
  /** The task is a request ("Đề nghị …"). */
  request: boolean;
  deadline: DeadlineView;
}

export interface ChildCell {
  task: TaskSide;
  /** How the child task was matched to the row's parent task; null on child-only rows. */
  match: { method: 'explicit' | 'auto'; score: number } | null;
  /** The engine's deadline comparison of the pair; null on child-only rows. */
  comparison: { verdict: Verdict; delayDays: number | null } | null;
  marks: Mark[];
}

export interface DiffRow<F = Finding> {
  kind: 'parent' | 'child-only';
  /** The parent task (null on child-only rows). */
  parent: TaskSide | null;
  /** How the parent task reaches the child; null on child-only rows. */
  addressing: Addressing | null;
  /** Child tasks matched to the parent task (any number), or the one child-only task. */
  children: ChildCell[];
  /** Union of the cells' marks ("same" only when nothing else applies). */
  marks: Mark[];
  findings: F[];
}

export interface DiffReview<F = Finding> {
  parent: PlanInfo;
  child: PlanInfo;
  rows: DiffRow<F>[];
  /** Findings of the check tied to no row (about the child plan as a whole). */
  general: F[];
  summary: {
    /** Rows carrying each mark. */
    marks: Record<Mark, number>;
    /** Findings attached to this diff, by severity (waived ones counted apart). */
    findings: { error: number; warning: number; info: number; waived: number };
  };
}
