/**
 * Words the review formats (Markdown, JUnit, SARIF, GitHub) need beyond the message
 * catalogue's terms (rules/messages.yaml), and shared helpers that name plans from the
 * report, so every format names them the same way.
 */
import type { Finding, Report, Severity } from '../../core/model/finding.js';
import { term, type Lang } from '../messages.js';
import { rt } from '../terms.js';

/** The review formats' own words are the terms `review.*` of rules/messages.yaml. */
export type LabelKey = 'title' | 'severity' | 'rule' | 'task' | 'parentTask' | 'finding' | 'location' | 'expires' | 'waivedFindings' | 'rulesUsed' | 'plan' | 'none' | 'generatedBy';

export function label(key: LabelKey, lang: Lang): string {
  return rt(`review.${key}`, lang);
}

/** "error" → "lỗi" (the catalogue's own severity terms). */
export const severityName = (s: Severity, lang: Lang): string => term(s, lang);

/** How a plan is named to a reader: its printed number and title when the report read the plan. */
export function planTitle(report: Report, id: string): string {
  const p = report.plans.find((x) => x.id === id);
  if (!p) return id;
  return p.number ? `${p.number} — ${p.title} (${id})` : `${p.title} (${id})`;
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
