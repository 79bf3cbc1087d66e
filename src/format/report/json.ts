/** `--format json`: checking.md's output contract, version 1, byte-stable; messages in the report's language. */
import { messageOf, type Lang } from '../messages.js';
import { findingJson, type Report } from '../../core/model/finding.js';

export function formatJson(report: Report, lang: Lang): string {
  return JSON.stringify({ version: 1, findings: report.findings.map((f) => findingJson(f, messageOf(f, lang))), summary: report.summary }, null, 2) + '\n';
}
