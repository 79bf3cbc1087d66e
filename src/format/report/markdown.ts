/**
 * `--format markdown`: a review a reviewer can paste into a letter (công văn góp ý) or a
 * pull request. Vietnamese by default. Grouped by child plan, then by parent (or the plan
 * alone); a table of active findings per group with the tasks as printed; waived findings
 * in a separate table with their reasons; the summary first, the rules explained last.
 * Plan text goes through `cell` (src/format/escape.ts `mdCell`), a location through `mdCode`.
 */
import type { Finding, Report } from '../../core/model/finding.js';
import { mdCell as cell, mdCode } from '../escape.js';
import { pushAll } from '../lines.js';
import { messageOf, readerDate, ruleDescription, term, type Lang } from '../messages.js';
import { groupByEdge, label, severityName, where } from './labels.js';
import { planHeading, planNamer, ruleName, type PlanNamer } from '../reader.js';
import { summaryLine } from './text.js';

export interface MarkdownOptions {
  lang: Lang;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function tasks(f: Finding): [string, string] {
  const { task, parentTask } = f.labels;
  return [task ? cell(task) : '—', parentTask ? cell(parentTask) : '—'];
}

function activeTable(findings: Finding[], opts: MarkdownOptions, name: PlanNamer): string[] {
  const L = (k: Parameters<typeof label>[0]): string => label(k, opts.lang);
  const rows = findings.map((f, i) => [
    String(i + 1),
    severityName(f.severity, opts.lang),
    cell(ruleName(f.rule, opts.lang)),
    ...tasks(f),
    cell(messageOf(f, opts.lang, name)),
    mdCode(where(f)),
  ]);
  return table(['#', L('severity'), L('rule'), L('task'), L('parentTask'), L('finding'), L('location')], rows);
}

function waivedTable(findings: Finding[], opts: MarkdownOptions, name: PlanNamer): string[] {
  const L = (k: Parameters<typeof label>[0]): string => label(k, opts.lang);
  const rows = findings.map((f, i) => [
    String(i + 1),
    cell(ruleName(f.rule, opts.lang)),
    ...tasks(f),
    cell(messageOf(f, opts.lang, name)),
    cell(f.waived?.reason ?? ''),
    f.waived?.expires ? cell(readerDate(f.waived.expires)) : '—',
  ]);
  return table(['#', L('rule'), L('task'), L('parentTask'), L('finding'), capital(term('reason', opts.lang)), L('expires')], rows);
}

export function formatMarkdown(report: Report, opts: MarkdownOptions): string {
  const { lang } = opts;
  const name = planNamer(report.plans, lang);
  const out: string[] = [`# ${label('title', lang)}`, '', `**${summaryLine(report, lang)}**`];
  if (!report.findings.length) out.push('', term('no-findings', lang));
  // Errors first, then warnings, then notes, in the report's order within each (quiet: errors only).
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const shown = report.findings.filter((f) => !opts.quiet || (f.severity === 'error' && !f.waived));
  let plan = '';
  for (const g of groupByEdge(shown)) {
    if (g.plan !== plan) {
      out.push('', `## ${label('plan', lang)} ${cell(planHeading(report, g.plan))}`);
      plan = g.plan;
    }
    const heading = g.parent ? `${term('versus', lang)} ${planHeading(report, g.parent)}` : term('plan-alone', lang);
    out.push('', `### ${cell(capital(heading))}`, '');
    const active = g.findings.filter((f) => !f.waived).sort((a, b) => rank[a.severity] - rank[b.severity]);
    const waived = g.findings.filter((f) => f.waived);
    pushAll(out, active.length ? activeTable(active, opts, name) : [label('none', lang)]);
    if (waived.length) pushAll(out, ['', `#### ${label('waivedFindings', lang)}`, '', ...waivedTable(waived, opts, name)]);
  }
  // The legend: each rule's name, its id (as the JSON and the configuration name it) and what it means.
  const used = [...new Set(shown.map((f) => f.rule))].sort();
  if (used.length) {
    out.push('', `## ${label('rulesUsed', lang)}`, '');
    for (const id of used) out.push(`- ${cell(ruleName(id, lang))} (\`${id}\`): ${cell(ruleDescription(id, lang))}`);
  }
  out.push('', `_${label('generatedBy', lang)}_`);
  return out.join('\n') + '\n';
}
