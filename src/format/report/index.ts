/** Report formats by name: pure functions from a report to text. */
import type { Report } from '../../model/finding.js';
import type { Corpus } from '../../load/corpus.js';
import type { Lang } from '../../check/messages.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  corpus: Corpus;
}

export function formatReport(format: ReportFormat, report: Report, opts: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'text':
      return formatText(report, opts);
  }
}
