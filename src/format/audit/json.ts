/** `kehoach audit --format json`: the AuditReport as is (documented in docs/reports.md), byte-stable, in pieces as it is written. */
import type { AuditReport } from '../review-types.js';
import { jsonChunks } from '../json-stream.js';

/** Its pieces' concatenation is `JSON.stringify(a, null, 2) + '\n'`: plans, groups, summaries and the graph's nodes one by one. */
export function* auditJson(a: AuditReport): Generator<string> {
  yield* jsonChunks(a, 3);
  yield '\n';
}

export function formatAuditJson(a: AuditReport): string {
  return JSON.stringify(a, null, 2) + '\n';
}
