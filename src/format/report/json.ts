/** `--format json`: checking.md's output contract, version 1, byte-stable. */
import type { Report } from '../../model/finding.js';

export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    plan: f.plan,
    parent: f.parent,
    task: f.task,
    parentTask: f.parentTask,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    data: f.data,
    ...(f.waived ? { waived: f.waived } : {}),
  }));
  return JSON.stringify({ version: 1, findings, summary: report.summary }, null, 2) + '\n';
}
