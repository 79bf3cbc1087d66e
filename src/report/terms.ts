/**
 * The words of the diff and audit reports (rules/report-terms.yaml), in Vietnamese and
 * English. Kept apart from rules/messages.yaml, which belongs to the check: reports only add
 * words, never rule messages. Every key the code uses is listed here, so a missing or
 * misspelt key fails at load (and in the type checker), never as a blank in a report.
 */
import { rawTable } from '../table-source.js';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../check/messages.js';

export const TERM_KEYS = [
  'mark.missing', 'mark.later', 'mark.weakened', 'mark.other-agency', 'mark.cannot-compare', 'mark.not-carried', 'mark.added', 'mark.same',
  'cell.done', 'cell.late', 'cell.weakened', 'cell.other-agency', 'cell.missing', 'cell.not-carried', 'cell.cannot-compare',
  'addressing.addressed', 'addressing.optional', 'addressing.mirrored', 'addressing.not-addressed',
  'deadline.window', 'deadline.open-ended', 'deadline.continuous', 'deadline.periodic', 'deadline.yearly', 'deadline.unknown',
  'deadline.unreadable', 'deadline.none', 'deadline.by', 'deadline.condition', 'deadline.qualifiers',
  'diff.title', 'audit.title', 'parent', 'child', 'issuer', 'issued', 'not-stated', 'partial', 'reconstructed',
  'label', 'task', 'lead', 'implement', 'coordinate', 'deadline', 'dates', 'marks', 'match', 'match.explicit', 'match.auto',
  'findings', 'general-findings', 'child-only', 'no-counterpart', 'summary', 'details', 'none', 'request',
  'error', 'warning', 'info', 'waived', 'matrix', 'per-child', 'score', 'score-note', 'graph', 'child-findings', 'legend',
  'added-tasks', 'no-findings', 'no-children', 'versus', 'synthetic', 'generated',
  'review.title', 'review.severity', 'review.rule', 'review.task', 'review.parentTask', 'review.finding', 'review.location', 'review.expires', 'review.waivedFindings', 'review.rulesUsed', 'review.plan', 'review.none', 'review.generatedBy',
  'link.versus', 'link.auto', 'link.score', 'link.linked', 'link.uncertain', 'link.none', 'link.dryRun', 'link.wrote', 'link.nothing', 'link.refused', 'link.refusedDocument', 'link.documentDryRun',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

const Text = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
const Terms = z
  .object({ terms: z.record(z.string(), Text) })
  .strict()
  .superRefine((v, ctx) => {
    const have = new Set(Object.keys(v.terms));
    for (const k of TERM_KEYS) if (!have.has(k)) ctx.addIssue({ code: 'custom', path: ['terms', k], message: 'required term is missing' });
    const known = new Set<string>(TERM_KEYS);
    for (const k of have) if (!known.has(k)) ctx.addIssue({ code: 'custom', path: ['terms', k], message: 'unknown term (add it to TERM_KEYS or remove it)' });
  });

let cached: Record<string, { vi: string; en: string }> | undefined;

/** Parses and validates a terms file's text; throws a readable error on a broken table. */
export function parseTerms(text: string): Record<string, { vi: string; en: string }> {
  return validateTerms(parse(text));
}

function validateTerms(raw: unknown): Record<string, { vi: string; en: string }> {
  const r = Terms.safeParse(raw);
  if (!r.success) throw new Error(`rules/report-terms.yaml is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data.terms;
}

function table(): Record<string, { vi: string; en: string }> {
  cached ??= validateTerms(rawTable('report-terms').data);
  return cached;
}

/** A report word in one language, with {name} placeholders filled from vars. */
export function rt(key: TermKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  const text = table()[key]![lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
