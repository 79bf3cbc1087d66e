/**
 * Findings are plain data (checking.md's output contract, version 1). Rules return them;
 * formatters turn them into text: the message is rendered at the edge from the rule's template
 * (rules/messages.yaml), the finding's `data` and its `labels`, in the reader's language.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  rule: string;
  severity: Severity;
  /** Plan the finding is about (the child for pair rules). */
  plan: string;
  /** Direct parent for pair rules; null for rules about one plan. */
  parent: string | null;
  task: string | null;
  parentTask: string | null;
  /**
   * How the finding names things to a reader: the plans as "172/KH-UBND (thanh-hoa-172-2023)"
   * (the id when a plan has no number), the tasks by their printed numbering ("II.1.d" for a
   * key II.1.d-2). Formatters need no corpus.
   */
  labels: { plan: string; parent: string | null; task: string | null; parentTask: string | null };
  file: string | null;
  line: number | null;
  column: number | null;
  data: Record<string, unknown>;
  /** Present when a waiver in the child plan covers this finding. */
  waived?: { reason: string; expires?: string } | undefined;
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
  waived: number;
  unchecked: number;
}

/** What a report says of each rule the engine knows (its metadata, from the rule's own file): formatters need no rule code. */
export interface RuleInfo {
  id: string;
  scope: 'plan' | 'pair' | 'report';
  defaultSeverity: Severity;
  graded: boolean;
}

/** A plan as a report names it; `checked` when the run checked it (not only read it as a parent). */
export interface PlanRef {
  id: string;
  number: string | null;
  title: string;
  /** The issuing body as written ("Ủy ban nhân dân thị xã Bỉm Sơn"), when stated. */
  issuer: string | null;
  parents: string[];
  checked: boolean;
}

export interface Report {
  version: 1;
  findings: Finding[];
  summary: Summary;
  /** The rules the engine ran, in id order. */
  rules: RuleInfo[];
  /** The plans the run read, in derivation order: what formatters name and group by. */
  plans: PlanRef[];
}

/** A finding as the JSON contract prints it (check --format json, and the diff and audit reports), keys in contract order; `message` rendered by the caller. */
export function findingJson(f: Finding, message: string) {
  return {
    rule: f.rule,
    severity: f.severity,
    plan: f.plan,
    parent: f.parent,
    task: f.task,
    parentTask: f.parentTask,
    message,
    file: f.file,
    line: f.line,
    column: f.column,
    data: f.data,
    ...(f.waived ? { waived: f.waived } : {}),
  };
}

export type FindingJson = ReturnType<typeof findingJson>;
