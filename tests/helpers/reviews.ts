/** The diff and audit reports as the commands make them: the review, rendered in a language. */
import type { Corpus } from '../../src/core/load/corpus.js';
import type { CheckConfig } from '../../src/core/check/config.js';
import type { Lang } from '../../src/format/messages.js';
import { reviewDiff, type DiffOptions } from '../../src/core/review/diff.js';
import { reviewAudit, type AuditOptions } from '../../src/core/review/audit.js';
import { renderDiff } from '../../src/format/diff/render.js';
import { renderAudit } from '../../src/format/audit/render.js';
import type { AuditReport, DiffReport } from '../../src/format/review-types.js';

export function buildDiff(corpus: Corpus, parentId: string, childId: string, cfg: CheckConfig, lang: Lang, opts: DiffOptions = {}): DiffReport {
  return renderDiff(reviewDiff(corpus, parentId, childId, cfg, opts), lang);
}

export function buildAudit(corpus: Corpus, parentId: string, opts: AuditOptions, cfg: CheckConfig, lang: Lang): AuditReport {
  return renderAudit(reviewAudit(corpus, parentId, opts, cfg), lang);
}
