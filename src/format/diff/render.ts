/** The diff review as the diff report: each finding in the contract's JSON form, its message in the reader's language. */
import { findingJson, type Finding } from '../../core/model/finding.js';
import { messageOf, type Lang } from '../messages.js';
import { planNamer, readerName, type PlanNamer } from '../reader.js';
import type { PlanInfo } from '../../core/review/types.js';
import type { DiffReview } from '../../core/review/types.js';
import type { DiffReport, ReportFinding } from '../review-types.js';

/**
 * Findings in reports take the check's JSON contract form (one shape everywhere), the message in
 * the report's language naming plans as a reader does (`name`; the engine's labels without it).
 */
export const reportFinding = (f: Finding, lang: Lang, name?: PlanNamer): ReportFinding => findingJson(f, messageOf(f, lang, name));

/**
 * A plan as a report shows it: named as a reader names it (number, issuer or title: never the
 * id, which stays in `id`), and its note — written for the project in English — only in English.
 */
export const shownPlan = (p: PlanInfo, lang: Lang): PlanInfo => ({ ...p, name: readerName(p, lang), note: lang === 'en' ? p.note : null });

export function renderDiff(review: DiffReview, lang: Lang): DiffReport {
  const name = planNamer([review.parent, review.child], lang);
  const show = (f: Finding): ReportFinding => reportFinding(f, lang, name);
  return {
    version: 1,
    kind: 'diff',
    lang,
    parent: shownPlan(review.parent, lang),
    child: shownPlan(review.child, lang),
    rows: review.rows.map((r) => ({ ...r, findings: r.findings.map(show) })),
    general: review.general.map(show),
    summary: review.summary,
  };
}
