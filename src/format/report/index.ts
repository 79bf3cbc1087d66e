/** Report formats by name: pure functions from a report to text. */
import type { Report } from '../../model/finding.js';
import type { Corpus } from '../../load/corpus.js';
import type { Lang } from '../../check/messages.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  corpus: Corpus;
  /** The plans that were checked (check --plan); every plan of the corpus when absent. */
  only?: ReadonlySet<string> | undefined;
}

export function formatReport(format: ReportFormat, report: Report, opts: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'text':
      return formatText(report, opts);
    case 'sarif':
      return formatSarif(report, opts);
    case 'junit':
      return formatJunit(report, opts);
    case 'github':
      return formatGithub(report, opts);
    case 'markdown':
      return formatMarkdown(report, opts);
  }
}
