/**
 * Plan text is untrusted: a draft may carry "<script>" or '"><img onerror=…>' in a title, an
 * escape sequence or a bidi override in an agency name, a backtick or a line break in its file
 * name. Every format sends plan text through one function of this file, and only the formatters'
 * own markup is written raw:
 *
 * - terminal (`check --format text`, `graph --format text`): `terminalText`, every control
 *   character shown escaped ("\x1b", "\n", "\u{202e}"); `check` applies it to the whole report
 *   once (`shownReport`), before anything is formatted;
 * - GitHub workflow commands (`check --format github`): `workflowText`, the same but for CR and
 *   LF, which the command's own escaping (escapeData, escapeProperty) percent-encodes;
 * - HTML: `html`; Markdown: `md` (diff, audit), `mdCell` and `mdCode` (the check's tables and
 *   their `file:line:column` code spans), `mermaidText` (Mermaid labels); the side-by-side text
 *   diff: `clean`.
 *
 * What counts as a control character is defined once, by `visibleControls` (src/core/load/errors.ts,
 * which prints load errors with it too).
 */
import type { Report } from '../core/model/finding.js';
import { visibleControls } from '../core/load/errors.js';

export { visibleControls };

/** For a terminal: every control character shown escaped, line breaks and tabs too (the format writes its own). */
export const terminalText = (s: string): string => visibleControls(s);

/** For GitHub workflow commands: control characters shown escaped, except CR and LF (percent-encoded by the command escaping). */
export const workflowText = (s: string): string => visibleControls(s, '\r\n');

/** Tabs become spaces, line breaks stay (the text diff wraps on them), other control characters are shown escaped. */
export function clean(s: string): string {
  return visibleControls(s.replace(/\t/g, ' '), '\n');
}

/** Finding data nests a few levels; deeper values (none today) are shown as "…" rather than walked. */
const MAX_DEPTH = 16;

function mapStrings(v: unknown, f: (s: string) => string, depth: number): unknown {
  if (typeof v === 'string') return f(v);
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f, depth + 1)]));
}

/**
 * The report with every string of its findings (file, labels, data the message is filled from,
 * waiver) and of its plans passed through `f`: a format that applies it first can write the rest
 * as it likes. Ids, rule names and dates have no control characters, so they pass unchanged.
 */
export function shownReport(report: Report, f: (s: string) => string): Report {
  return {
    ...report,
    findings: report.findings.map((x) => mapStrings(x, f, 0) as Report['findings'][number]),
    plans: report.plans.map((p) => mapStrings(p, f, 0) as Report['plans'][number]),
  };
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function html(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Text for Markdown, inline or inside a table cell: HTML-significant characters become
 * entities (Markdown renders raw HTML), Markdown punctuation is backslash-escaped, and
 * line breaks become spaces (a newline would end a table row).
 */
export function md(s: string): string {
  return clean(s.replace(/[\r\n]+/g, ' '))
    .replace(/[&<>"]/g, (c) => HTML[c]!)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+#=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A table cell or heading of the check's Markdown report: one line, control characters shown
 * escaped, and the characters that end a cell, start inline markup or open an HTML tag ("<")
 * backslash-escaped (CommonMark shows an escaped character as itself).
 */
export function mdCell(s: string): string {
  return visibleControls(s.replace(/\r?\n/g, ' '))
    .replace(/([\\|*_`<>[\]~])/g, '\\$1')
    .trim();
}

/**
 * Text as a Markdown code span inside a table cell, which nothing in it can end: the fence is
 * one backtick longer than the longest run of backticks inside (CommonMark), padded with a space
 * on each side when the text starts or ends with a backtick (or starts and ends with a space,
 * which CommonMark would strip); control characters are shown escaped and "|" is written "\|"
 * (GFM splits a row into cells before it reads code spans).
 */
export function mdCode(s: string): string {
  const t = visibleControls(s).replace(/\|/g, '\\|');
  if (!t) return '` `';
  let longest = 0;
  for (const run of t.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A Mermaid label (a quoted string): one line, control characters shown escaped, quotes and angle brackets as Mermaid entities. */
export function mermaidText(s: string): string {
  return visibleControls(s.replace(/[\r\n]+/g, ' '))
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}
