/**
 * The diff report (`kehoach diff --format json`), version 1: plain JSON, documented in
 * docs/reports.md. Fields may be added, none removed or renamed, as with the check's
 * output contract. Everything a formatter shows is here; formatters compute nothing.
 */
import type { Level } from '../model/plan.js';
import type { FindingJson } from '../model/finding.js';
import type { Addressing } from '../check/types.js';
import type { DeadlineKind, DueDay } from '../text/deadline.js';
import type { Verdict } from '../text/deadline-compare.js';
import type { Lang } from '../check/messages.js';

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

/** A finding as the check's JSON contract prints it (src/model/finding.ts findingJson). */
export type ReportFinding = FindingJson;

export interface ChildCell {
  task: TaskSide;
  /** How the child task was matched to the row's parent task; null on child-only rows. */
  match: { method: 'explicit' | 'auto'; score: number } | null;
  /** The engine's deadline comparison of the pair; null on child-only rows. */
  comparison: { verdict: Verdict; delayDays: number | null } | null;
  marks: Mark[];
}

export interface DiffRow {
  kind: 'parent' | 'child-only';
  /** The parent task (null on child-only rows). */
  parent: TaskSide | null;
  /** How the parent task reaches the child; null on child-only rows. */
  addressing: Addressing | null;
  /** Child tasks matched to the parent task (any number), or the one child-only task. */
  children: ChildCell[];
  /** Union of the cells' marks ("same" only when nothing else applies). */
  marks: Mark[];
  findings: ReportFinding[];
}

export interface DiffReport {
  version: 1;
  kind: 'diff';
  lang: Lang;
  parent: PlanInfo;
  child: PlanInfo;
  rows: DiffRow[];
  /** Findings of the check tied to no row (about the child plan as a whole). */
  general: ReportFinding[];
  summary: {
    /** Rows carrying each mark. */
    marks: Record<Mark, number>;
    /** Findings attached to this diff, by severity (waived ones counted apart). */
    findings: { error: number; warning: number; info: number; waived: number };
  };
}
