/** The diff review as the diff report: each finding in the contract's JSON form, its message in the reader's language. */
import { findingJson, type Finding } from '../../core/model/finding.js';
import { messageOf, type Lang } from '../messages.js';
import type { DiffReview } from '../../core/review/types.js';
import type { DiffReport, ReportFinding } from '../review-types.js';

/** Findings in reports take the check's JSON contract form (one shape everywhere), the message in the report's language. */
export const reportFinding = (f: Finding, lang: Lang): ReportFinding => findingJson(f, messageOf(f, lang));

export function renderDiff(review: DiffReview, lang: Lang): DiffReport {
  const show = (f: Finding): ReportFinding => reportFinding(f, lang);
  return {
    version: 1,
    kind: 'diff',
    lang,
    parent: review.parent,
    child: review.child,
    rows: review.rows.map((r) => ({ ...r, findings: r.findings.map(show) })),
    general: review.general.map(show),
    summary: review.summary,
  };
}
