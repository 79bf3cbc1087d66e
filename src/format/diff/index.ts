/** Diff formats by name: pure functions from a DiffReport to text. */
import type { DiffReport } from '../review-types.js';
import { formatDiffHtml } from './html.js';
import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffText } from './text.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function formatDiff(format: DiffFormat, d: DiffReport, opts: { color: boolean }): string {
  switch (format) {
    case 'text':
      return formatDiffText(d, opts);
    case 'markdown':
      return formatDiffMarkdown(d);
    case 'json':
      return formatDiffJson(d);
    case 'html':
      return formatDiffHtml(d);
  }
}
