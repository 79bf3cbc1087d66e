/**
 * What the check engine computes once per plan and per edge, as plain data: rules read
 * these and return raw findings. Nothing here formats prose.
 */
import type { Level, Plan, Task } from '../model/plan.js';
import type { Finding, Severity } from '../model/finding.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import type { AgencyRef } from '../domain/agencies.js';
import type { Deadline } from '../domain/deadline.js';
import type { DeadlineComparison } from '../domain/deadline-compare.js';
import type { FeatureCounts } from './feature-ids.js';

export interface DutyAnalysis {
  /** Owners of this duty (the task's lead/implementers, or a "+" bullet's owner). */
  owners: AgencyRef[];
  request: boolean;
  /** Index in task.duties, or null for the task-level duty. */
  bullet: number | null;
}

export interface TaskAnalysis {
  index: number;
  key: string;
  label: string;
  task: Task;
  /** Title features (features.ts) as numbers (feature-ids.ts), in sorted feature order. */
  featureIds: Int32Array;
  lead: AgencyRef[];
  implement: AgencyRef[];
  coordinate: AgencyRef[];
  /** lead, else implement: who owns the task as a whole. */
  owners: AgencyRef[];
  duties: DutyAnalysis[];
  deadline: Deadline;
  /** Organisation-section duty (III/IV/V…), as opposed to a section II content task. */
  organisation: boolean;
  /** The level the task is done at: named in its title ("tại quận, huyện"), else its owners' one level; null when neither tells. */
  level: Level | null;
  /** Every clause asks for the child's own plan: the child carries it by existing (checking.md). */
  fulfilledByPlan: boolean;
  /** A standing instruction, owed when its condition arises ("nếu có khó khăn, vướng mắc …"): never missing. */
  standing: boolean;
}

export interface PlanAnalysis {
  id: string;
  level: Level;
  /** The date the plan is judged on (issue date, else parent's, else earliest deadline). */
  on: string | null;
  jurisdiction: string | null;
  partial: boolean;
  reconstructed: boolean;
  tasks: TaskAnalysis[];
  byKey: Map<string, TaskAnalysis>;
  /** In how many of the plan's tasks each title feature occurs (for rarity weights). */
  df: FeatureCounts;
}

export type Addressing = 'addressed' | 'optional' | 'mirrored' | 'not-addressed';

export interface Match {
  parentTask: string;
  childTask: string;
  method: 'explicit' | 'auto';
  score: number;
}

export interface Uncertain {
  childTask: string | null;
  parentTask: string | null;
  kind: 'weak' | 'ambiguous';
  score: number;
  candidates: { task: string; score: number }[];
}

export interface PairContext {
  parent: PlanAnalysis;
  child: PlanAnalysis;
  parentPlan: LoadedPlan;
  childPlan: LoadedPlan;
  matches: Match[];
  uncertain: Uncertain[];
  /** Broken explicit links (unknown task key, changed fingerprint). */
  /**
   * Explicit links that do not hold: to a task the parent lacks, to a parent task changed since,
   * or (reported once, in the pair of the child's first parent) to a plan that is not a parent
   * of the child or to the child itself; `linkedPlan` names that plan.
   */
  links: { childTask: string; parentTask: string; problem: 'no-such-task' | 'changed' | 'not-a-parent' | 'self'; stored?: string; current?: string; linkedPlan?: string }[];
  /** For each parent task key: how its duties address the child. */
  addressing: Map<string, Addressing>;
  /** Deadline comparison of each matched pair, keyed `${parentTask}\u0000${childTask}`. */
  deadlines: Map<string, DeadlineComparison>;
}

export interface PlanContext {
  plan: PlanAnalysis;
  loaded: LoadedPlan;
}

/** A finding as a rule returns it: the engine adds plan, parent, position and message. */
export interface RawFinding {
  severity: Severity;
  task: string | null;
  parentTask: string | null;
  /** Which field of the child task to point at (deadline, lead…); the task itself when absent. */
  field?: string;
  /** An exact position, when the finding is about something other than a task (a waiver). */
  at?: { line: number; column: number } | undefined;
  data: Record<string, unknown>;
}

interface RuleBase {
  id: string;
  defaultSeverity: Severity;
  /** Graded rules are the reviewer's findings proper (checking.md). */
  graded: boolean;
  /**
   * One defect, one finding (checking.md): rules whose finding on the same pair of tasks
   * (child task and parent task) this rule's finding replaces.
   */
  supersedes?: readonly string[];
  /** The mark a finding of this rule puts on its row of a diff (docs/reports.md). */
  mark?: 'later' | 'weakened' | 'other-agency';
}

export interface PlanRule extends RuleBase {
  scope: 'plan';
  check(ctx: PlanContext): RawFinding[];
}

export interface PairRule extends RuleBase {
  scope: 'pair';
  check(ctx: PairContext): RawFinding[];
}

/** Runs after the others, on the findings of one plan (waivers). */
export interface ReportRule extends RuleBase {
  scope: 'report';
  check(ctx: { loaded: LoadedPlan; findings: readonly Finding[]; today: string; ruleIds: ReadonlySet<string> }): RawFinding[];
}

export type Rule = PlanRule | PairRule | ReportRule;

export type { Plan };
