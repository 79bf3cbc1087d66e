/**
 * Words the review formats (Markdown, JUnit, SARIF, GitHub) need beyond the message
 * catalogue's terms (rules/messages.yaml), and shared helpers that name plans
 * and tasks from the corpus, so every format names them the same way.
 */
import type { Finding, Severity } from '../../model/finding.js';
import type { Corpus } from '../../load/corpus.js';
import { labelOf } from '../../model/plan.js';
import { term, type Lang } from '../../check/messages.js';
import { rt } from '../../report/terms.js';

/** The review formats' own words are the terms `review.*` of rules/messages.yaml. */
export type LabelKey = 'title' | 'severity' | 'rule' | 'task' | 'parentTask' | 'finding' | 'location' | 'expires' | 'waivedFindings' | 'rulesUsed' | 'plan' | 'none' | 'generatedBy';

export function label(key: LabelKey, lang: Lang): string {
  return rt(`review.${key}`, lang);
}

/** "error" → "lỗi" (the catalogue's own severity terms). */
export const severityName = (s: Severity, lang: Lang): string => term(s, lang);

/** How a plan is named to a reader: its printed number and title when the corpus has them. */
export function planTitle(corpus: Corpus, id: string): string {
  const p = corpus.plans.get(id)?.plan;
  if (!p) return id;
  return p.number ? `${p.number} — ${p.title} (${id})` : `${p.title} (${id})`;
}

/** A task as printed in its plan ("II.1.d" for a key II.1.d-2), or the key when unknown. */
export function taskLabel(corpus: Corpus, planId: string | null, key: string | null): string | null {
  if (key === null) return null;
  const task = planId === null ? undefined : corpus.plans.get(planId)?.plan.tasks.find((t) => t.key === key);
  return task ? labelOf(task) : key;
}

/** `file:line:column`, the form editors and terminals turn into a link. */
export function where(f: Finding): string {
  return `${f.file ?? '?'}:${f.line ?? 0}:${f.column ?? 0}`;
}

/** Findings grouped by (plan, parent), in report order (the report is already sorted). */
export function groupByEdge(findings: readonly Finding[]): { plan: string; parent: string | null; findings: Finding[] }[] {
  const groups: { plan: string; parent: string | null; findings: Finding[] }[] = [];
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && last.plan === f.plan && last.parent === f.parent) last.findings.push(f);
    else groups.push({ plan: f.plan, parent: f.parent, findings: [f] });
  }
  return groups;
}
