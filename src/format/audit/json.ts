/** `kehoach audit --format json`: the AuditReport as is (documented in docs/reports.md), byte-stable. */
import type { AuditReport } from '../review-types.js';

export function formatAuditJson(a: AuditReport): string {
  return JSON.stringify(a, null, 2) + '\n';
}
