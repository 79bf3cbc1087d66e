/**
 * Report formats by name: pure functions from a report to text. Each is imported only when
 * asked for: the XML and SARIF builders need not load for a drafter's terminal check.
 */
import type { Report } from '../../core/model/finding.js';
import type { Lang } from '../messages.js';
import type { CheckConfig } from '../../core/check/config.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Errors only, in text, Markdown and GitHub output (--quiet). */
  quiet?: boolean;
  /** What fails the run (--fail-on): JUnit marks those findings as failures. */
  failOn?: CheckConfig['failOn'];
}

export async function formatReport(format: ReportFormat, report: Report, opts: FormatOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(report, opts.lang);
    case 'text':
      return (await import('./text.js')).formatText(report, opts);
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(report, opts);
    case 'junit':
      return (await import('./junit.js')).formatJunit(report, opts);
    case 'github':
      return (await import('./github.js')).formatGithub(report, opts);
    case 'markdown':
      return (await import('./markdown.js')).formatMarkdown(report, opts);
  }
}
