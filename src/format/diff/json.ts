/** `kehoach diff --format json`: the DiffReport as is (documented in docs/reports.md), byte-stable. */
import type { DiffReport } from '../review-types.js';

export function formatDiffJson(d: DiffReport): string {
  return JSON.stringify(d, null, 2) + '\n';
}
