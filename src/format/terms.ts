/**
 * The words of the reports (diff, audit, review, link), from the one dictionary of terms
 * (rules/messages.yaml `terms`, shared with the check's messages). Every key the reports use is
 * listed here, so a missing or misspelt key fails at load (and in the type checker), never as a
 * blank in a report.
 */
import { catalogue, termText, type Lang } from './messages.js';
import { LETTER_TERM_KEYS } from './letter/term-keys.js';
import { WORKSPACE_TERM_KEYS } from './workspace/term-keys.js';

export const TERM_KEYS = [
  'mark.missing', 'mark.later', 'mark.weakened', 'mark.other-agency', 'mark.cannot-compare', 'mark.not-carried', 'mark.added', 'mark.same',
  'cell.done', 'cell.late', 'cell.weakened', 'cell.other-agency', 'cell.missing', 'cell.not-carried', 'cell.cannot-compare',
  'addressing.addressed', 'addressing.optional', 'addressing.mirrored', 'addressing.not-addressed',
  'deadline.window', 'deadline.open-ended', 'deadline.continuous', 'deadline.periodic', 'deadline.yearly', 'deadline.unknown',
  'deadline.unreadable', 'deadline.none', 'deadline.by', 'deadline.condition', 'deadline.qualifiers',
  'diff.title', 'audit.title', 'parent', 'child', 'issuer', 'issued', 'not-stated', 'partial', 'reconstructed',
  'label', 'task', 'column.lead', 'column.implement', 'column.coordinate', 'deadline', 'dates', 'marks', 'match', 'match.explicit', 'match.auto',
  'findings', 'general-findings', 'child-only', 'no-counterpart', 'heading.summary', 'details', 'none', 'request',
  'error', 'warning', 'info', 'waived', 'matrix', 'per-child', 'score', 'score-note', 'graph', 'child-findings', 'legend',
  'added-tasks', 'no-findings', 'no-children', 'versus', 'synthetic', 'generated',
  'audit.graph-split', 'audit.graph-none', 'audit.graph-omitted', 'audit.pages', 'audit.pages-note', 'audit.back', 'audit.splitHtml',
  'review.title', 'review.severity', 'review.rule', 'review.task', 'review.parentTask', 'review.finding', 'review.location', 'review.expires', 'review.waivedFindings', 'review.rulesUsed', 'review.plan', 'review.none', 'review.generatedBy',
  'link.versus', 'link.auto', 'link.score', 'link.linked', 'link.uncertain', 'link.none', 'link.dryRun', 'link.wrote', 'link.nothing', 'link.refused', 'link.refusedDocument', 'link.documentDryRun',
  ...LETTER_TERM_KEYS,
  ...WORKSPACE_TERM_KEYS,
  'scaffold.summary', 'scaffold.required', 'scaffold.optional', 'scaffold.mirrored', 'scaffold.standing', 'scaffold.unknown', 'scaffold.agenciesUnknown', 'scaffold.deadlinesUnknown', 'scaffold.reportsEarlier', 'scaffold.notConcerned', 'scaffold.fulfilled', 'scaffold.cascadeNone', 'scaffold.reconstructed', 'scaffold.partial', 'scaffold.wrote', 'scaffold.empty', 'scaffold.docxNeedsOutput', 'scaffold.problem.empty-unit', 'scaffold.problem.level-not-below', 'scaffold.problem.no-level-below', 'scaffold.problem.unit-kind', 'scaffold.problem.unit-level', 'scaffold.problem.other-province', 'scaffold.problem.not-a-department', 'scaffold.yaml.header', 'scaffold.yaml.number', 'scaffold.yaml.issued', 'scaffold.note.optional', 'scaffold.note.mirrored', 'scaffold.note.standing', 'scaffold.note.agencies-unknown', 'scaffold.note.owner-unknown', 'scaffold.note.no-counterpart', 'scaffold.note.ambiguous', 'scaffold.note.unknown-agency', 'scaffold.note.request', 'scaffold.note.moved-to-coordinate', 'scaffold.note.duty-dropped', 'scaffold.note.deadline-cut', 'scaffold.note.deadline-unknown', 'scaffold.note.deadline-silent', 'scaffold.note.deadline-unreadable', 'scaffold.note.report-earlier', 'scaffold.note.report-kept', 'scaffold.note.partial', 'scaffold.note.reconstructed', 'scaffold.note.fulfilled',
  'write.input', 'write.EACCES', 'write.ENOSPC', 'write.ENOENT', 'write.EISDIR', 'write.ELOCKED', 'write.other', 'write.stdout', 'workers.capped',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

/** Every term the reports use is in the one dictionary (rules/messages.yaml `terms`): checked once, at load. */
export function missingTerms(terms: Record<string, unknown>): string[] {
  return TERM_KEYS.filter((k) => !(k in terms));
}

let checked = false;

/** A report word in one language, with {name} placeholders filled from vars. */
export function rt(key: TermKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  if (!checked) {
    const missing = missingTerms(catalogue().terms);
    if (missing.length) throw new Error(`rules/messages.yaml lacks the report terms ${missing.join(', ')}`);
    checked = true;
  }
  const text = termText(key, lang);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
