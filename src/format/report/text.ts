/**
 * `--format text`: findings grouped by plan and parent, for a terminal. Colour only when asked.
 * Plan text reaches the terminal only through `terminalText` (the report is shown once, first):
 * no escape sequence, bidi override or line break from a plan acts on the terminal.
 */
import type { Finding, Report } from '../../core/model/finding.js';
import { shownReport, terminalText } from '../escape.js';
import { messageOf, readerDate, ruleMessage, term, type Lang } from '../messages.js';
import { planNamer, ruleName, type PlanNamer } from '../reader.js';
import { groupByEdge } from './labels.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
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

/**
 * The findings a reader takes in, most serious first: errors, then warnings, then infos, then
 * the waived ones, each section grouped by plan and parent in the report's order. With
 * `quiet`, errors only (the summary still counts everything). Plans are named as documents
 * (src/format/reader.ts), rules by their names; `cannot-check` findings of one plan and parent,
 * which all say the same thing, are said once with their tasks listed.
 */
export function formatText(plain: Report, opts: TextOptions): string {
  const report = shownReport(plain, terminalText);
  const name = planNamer(report.plans, opts.lang);
  const c = (k: keyof typeof COLORS, s: string): string => (opts.color ? COLORS[k] + s + COLORS.reset : s);
  const lines: string[] = [];
  const sections: [keyof typeof COLORS, Finding[]][] = [
    ['error', report.findings.filter((f) => !f.waived && f.severity === 'error')],
    ['warning', opts.quiet ? [] : report.findings.filter((f) => !f.waived && f.severity === 'warning')],
    ['info', opts.quiet ? [] : report.findings.filter((f) => !f.waived && f.severity === 'info')],
    ['waived', opts.quiet ? [] : report.findings.filter((f) => f.waived)],
  ];
  for (const [kind, findings] of sections) {
    if (!findings.length) continue;
    if (lines.length) lines.push('');
    lines.push(c('bold', c(kind, `${capital(term(kind === 'waived' ? 'waived-section' : `${kind}-section`, opts.lang))} (${findings.length})`)));
    for (const g of groupByEdge(findings)) {
      lines.push(c('bold', g.parent ? `  ${name(g.plan)} ${term('versus', opts.lang)} ${name(g.parent)}` : `  ${name(g.plan)} (${term('plan-alone', opts.lang)})`));
      for (const item of collapsed(g.findings)) lines.push(entry(item, opts, name, c));
    }
  }
  if (!report.findings.length) lines.push(term('no-findings', opts.lang));
  else if (!lines.length) lines.push(term('no-errors', opts.lang));
  lines.push('', summaryLine(report, opts.lang));
  const nothing = nothingComparedLine(report, opts.lang);
  if (nothing) lines.push(nothing);
  return lines.join('\n') + '\n';
}

const capital = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** One finding, or the cannot-check findings of a group taken together (the first one's place, every task). */
type Item = { f: Finding; tasks?: string[] };

function collapsed(findings: readonly Finding[]): Item[] {
  const items: Item[] = [];
  let unchecked: Item | null = null;
  for (const f of findings) {
    if (f.rule !== 'cannot-check' || f.waived) {
      items.push({ f });
      continue;
    }
    if (unchecked) unchecked.tasks!.push(f.labels.task ?? f.task ?? '?');
    else items.push((unchecked = { f, tasks: [f.labels.task ?? f.task ?? '?'] }));
  }
  return items;
}

function entry(item: Item, opts: TextOptions, name: PlanNamer, c: (k: keyof typeof COLORS, s: string) => string): string {
  const { f } = item;
  const where = `${f.file ?? '?'}:${f.line ?? 0}:${f.column ?? 0}`;
  const sev = f.waived ? c('waived', term('waived', opts.lang)) : c(f.severity, term(f.severity, opts.lang));
  const head = `    ${where}  ${sev}  ${ruleName(f.rule, opts.lang)}`;
  const waived = f.waived ? `\n        (${term('waived', opts.lang)}; ${term('reason', opts.lang)}: ${f.waived.reason}${f.waived.expires ? `; → ${readerDate(f.waived.expires)}` : ''})` : '';
  const message =
    item.tasks && item.tasks.length > 1
      ? ruleMessage(f.rule, { variant: 'many', tasks: item.tasks.join(', '), count: item.tasks.length, plan: name(f.plan), parent: f.parent ? name(f.parent) : null }, opts.lang)
      : messageOf(f, opts.lang, name);
  return `${head}\n        ${message}${waived}`;
}
