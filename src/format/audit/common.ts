/** What the audit's Markdown and HTML share: column order, names, and lookups. */
import { byIdOf } from '../reader.js';
import type { Lang } from '../messages.js';
import type { AuditCell, AuditReport, CellStatus, ChildSummary } from '../review-types.js';
import { cellStatuses } from '../../core/review/score.js';
import type { PlanInfo } from '../review-types.js';
import { cellLabel } from '../display.js';
import { rt } from '../terms.js';

/** Summary columns, best first (the matrix shows the worst first: reviewers scan for problems). */
export const SUMMARY_STATUSES: readonly CellStatus[] = ['done', 'late', 'weakened', 'other-agency', 'missing', 'cannot-compare', 'not-carried'];

/** A plan of the report by id: an index built once per report's plan list, not a scan per lookup. */
export function planOf(a: Pick<AuditReport, 'plans'>, id: string): PlanInfo {
  return byIdOf(a.plans).get(id)!;
}

export function summaryHead(lang: Lang): string[] {
  return [rt('child', lang), rt('parent', lang), ...SUMMARY_STATUSES.map((s) => cellLabel(s, lang)), rt('added-tasks', lang), rt('error', lang), rt('warning', lang), rt('info', lang), rt('score', lang)];
}

/** The numbers of one summary row, after the two plan names. */
export function summaryNumbers(s: ChildSummary): string[] {
  return [...SUMMARY_STATUSES.map((st) => String(s.counts[st])), String(s.added + s.cannotCheck), String(s.findings.error), String(s.findings.warning), String(s.findings.info), s.score === null ? '—' : String(s.score)];
}

/** Synthetic demonstration plans say so in their id; the report repeats it so no one mistakes them for real ones. */
export const hasSynthetic = (a: AuditReport): boolean => a.plans.some((p) => p.id.startsWith('synthetic-'));

/** A long task title shortened for a matrix row (the diff shows it whole). */
export function shortTitle(s: string, max = 90): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** A cell in words: every status it amounts to ("muộn, khác cơ quan"), worst first. */
export const cellText = (c: AuditCell, lang: Lang): string => cellStatuses(c.marks).map((s) => cellLabel(s, lang)).join(', ');
