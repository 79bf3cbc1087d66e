/** Audit formats by name: pure functions from an AuditReport to text, whole or in pieces as it is written. */
import type { AuditReport } from '../review-types.js';
import { auditHtml, formatAuditHtml } from './html.js';
import { auditJson, formatAuditJson } from './json.js';
import { formatAuditMarkdown } from './markdown.js';

export const AUDIT_FORMATS = ['html', 'markdown', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditFormatOptions {
  /** Most plans one picture of the graph shows (HTML only; rules/config.yaml `audit.graphLimit`, default 300). */
  graphLimit?: number;
}

/** The shipped default of rules/config.yaml `audit.graphLimit`, for callers without a configuration. */
export const DEFAULT_GRAPH_LIMIT = 300;

export function formatAudit(format: AuditFormat, a: AuditReport, opts: AuditFormatOptions = {}): string {
  switch (format) {
    case 'html':
      return formatAuditHtml(a, { graphLimit: opts.graphLimit ?? DEFAULT_GRAPH_LIMIT });
    case 'markdown':
      return formatAuditMarkdown(a);
    case 'json':
      return formatAuditJson(a);
  }
}

/** The same text in pieces (their concatenation is `formatAudit`'s), for a writer that writes them as they come. */
export function auditChunks(format: AuditFormat, a: AuditReport, opts: AuditFormatOptions = {}): Iterable<string> {
  switch (format) {
    case 'html':
      return auditHtml(a, { graphLimit: opts.graphLimit ?? DEFAULT_GRAPH_LIMIT });
    case 'markdown':
      return [formatAuditMarkdown(a)];
    case 'json':
      return auditJson(a);
  }
}
