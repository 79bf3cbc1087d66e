/** Audit formats by name: pure functions from an AuditReport to text. */
import type { AuditReport } from '../review-types.js';
import { formatAuditHtml } from './html.js';
import { formatAuditJson } from './json.js';
import { formatAuditMarkdown } from './markdown.js';

export const AUDIT_FORMATS = ['html', 'markdown', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function formatAudit(format: AuditFormat, a: AuditReport): string {
  switch (format) {
    case 'html':
      return formatAuditHtml(a);
    case 'markdown':
      return formatAuditMarkdown(a);
    case 'json':
      return formatAuditJson(a);
  }
}
