/**
 * `--format text`: findings grouped by plan and parent, for a terminal. Colour only when asked.
 * Plan text reaches the terminal only through `terminalText` (the report is shown once, first):
 * no escape sequence, bidi override or line break from a plan acts on the terminal.
 */
import type { Finding, Report } from '../../core/model/finding.js';
import { shownReport, terminalText } from '../escape.js';
import { messageOf, term, type Lang } from '../messages.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', waived: '\x1b[90m', reset: '\x1b[0m', bold: '\x1b[1m' };

export function summaryLine(report: Report, lang: Lang): string {
  const s = report.summary;
  return `${term('summary', lang)}: ${s.error} ${term('error', lang)}, ${s.warning} ${term('warning', lang)}, ${s.info} ${term('info', lang)}, ${s.waived} ${term('waived', lang)}, ${s.unchecked} ${term('unchecked', lang)}`;
}

/** Rules whose finding means the plan was compared with no parent plan at all. */
const NOTHING_COMPARED = new Set(['no-parent', 'empty-plan']);

/** "N plans were compared with nothing" (plans with a no-parent or empty-plan finding), or null when none was. */
export function nothingComparedLine(report: Report, lang: Lang): string | null {
  const n = new Set(report.findings.filter((f) => NOTHING_COMPARED.has(f.rule)).map((f) => f.plan)).size;
  return n ? `${n} ${term(n === 1 ? 'nothing-compared-one' : 'nothing-compared-many', lang)}` : null;
}

export function formatText(plain: Report, opts: TextOptions): string {
  const report = shownReport(plain, terminalText);
  const c = (k: keyof typeof COLORS, s: string): string => (opts.color ? COLORS[k] + s + COLORS.reset : s);
  const lines: string[] = [];
  let group = '';
  for (const f of report.findings) {
    const g = `${f.plan}\u0000${f.parent ?? ''}`;
    if (g !== group) {
      if (group) lines.push('');
      lines.push(c('bold', f.parent ? `${f.plan} ${term('versus', opts.lang)} ${f.parent}` : `${f.plan} (${term('plan-alone', opts.lang)})`));
      group = g;
    }
    lines.push(line(f, opts, c));
  }
  if (!report.findings.length) lines.push(term('no-findings', opts.lang));
  lines.push('', summaryLine(report, opts.lang));
  const nothing = nothingComparedLine(report, opts.lang);
  if (nothing) lines.push(nothing);
  return lines.join('\n') + '\n';
}

function line(f: Finding, opts: TextOptions, c: (k: keyof typeof COLORS, s: string) => string): string {
  const where = `${f.file ?? '?'}:${f.line ?? 0}:${f.column ?? 0}`;
  const sev = f.waived ? c('waived', `${term('waived', opts.lang)}`) : c(f.severity, term(f.severity, opts.lang));
  const head = `  ${where}  ${sev}  ${f.rule}`;
  const waived = f.waived ? `\n      (${term('waived', opts.lang)}; ${term('reason', opts.lang)}: ${f.waived.reason}${f.waived.expires ? `; → ${f.waived.expires}` : ''})` : '';
  return `${head}\n      ${messageOf(f, opts.lang)}${waived}`;
}
