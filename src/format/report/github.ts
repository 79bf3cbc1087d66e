/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding, so a
 * pull request that edits a plan shows each finding on the YAML line it is about.
 * error → ::error, warning → ::warning, info → ::notice. A waived finding is still listed
 * (never silently dropped) as a ::notice whose title says it is waived and why.
 *
 * Escaping follows @actions/core's toCommandValue/escape rules: in the message % \r \n are
 * percent-encoded; in property values : and , are as well (they delimit properties). Before
 * that, plan text goes through `workflowText` once (the whole report): its other control
 * characters are shown escaped, so none reaches the workflow log.
 */
import type { Finding, Report, Severity } from '../../core/model/finding.js';
import { shownReport, workflowText } from '../escape.js';
import { messageOf, readerDate, term, type Lang } from '../messages.js';
import { planNamer, ruleName, type PlanNamer } from '../reader.js';
import { summaryLine } from './text.js';

export interface GithubOptions {
  lang: Lang;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding, lang: Lang, name: PlanNamer): string {
  const scope = f.parent ? `${name(f.plan)} ${term('versus', lang)} ${name(f.parent)}` : name(f.plan);
  const rule = ruleName(f.rule, lang);
  const title = f.waived ? `${rule} (${term('waived', lang)}) — ${scope}` : `${rule} — ${scope}`;
  const props: [string, string | number | null][] = [
    ['file', f.file],
    ['line', f.line],
    ['col', f.column],
    ['title', title],
  ];
  const propText = props
    .filter((p): p is [string, string | number] => p[1] !== null && p[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  const waived = f.waived
    ? `\n${term('waived', lang)}; ${term('reason', lang)}: ${f.waived.reason}${f.waived.expires ? ` (→ ${readerDate(f.waived.expires)})` : ''}`
    : '';
  const command = f.waived ? 'notice' : COMMAND[f.severity];
  return `::${command}${propText ? ' ' + propText : ''}::${escapeData(messageOf(f, lang, name) + waived)}`;
}

export function formatGithub(plain: Report, opts: GithubOptions): string {
  const report = shownReport(plain, workflowText);
  const name = planNamer(report.plans, opts.lang);
  const lines = report.findings.filter((f) => !opts.quiet || (f.severity === 'error' && !f.waived)).map((f) => annotation(f, opts.lang, name));
  // A plain line (not a command) ends the log with the counts a reader looks for.
  lines.push(`kehoach: ${summaryLine(report, opts.lang)}`);
  return lines.join('\n') + '\n';
}
