/** `--format json`: checking.md's output contract, version 1, byte-stable. */
import { findingJson, type Report } from '../../model/finding.js';

export function formatJson(report: Report): string {
  return JSON.stringify({ version: 1, findings: report.findings.map(findingJson), summary: report.summary }, null, 2) + '\n';
}
