/**
 * `kehoach audit --format markdown`: the summary per child, one coverage matrix per parent,
 * the derivation graph as a Mermaid block (Markdown cannot carry inline SVG on most hosts;
 * GitHub and GitLab draw Mermaid), and each child's findings. Plan text goes through md().
 */
import type { Lang } from '../messages.js';
import type { AuditGroup, AuditReport } from '../review-types.js';
import { rt } from '../terms.js';
import { cellLabel, findingLine, planFacts, writtenDeadline } from '../display.js';
import { md, mermaidText } from '../escape.js';
import { pushAll } from '../lines.js';
import { cellText, hasSynthetic, planOf, shortTitle, summaryHead, summaryNumbers, SUMMARY_STATUSES } from './common.js';

const cells = (xs: readonly string[]): string => `| ${xs.join(' | ')} |`;

export function formatAuditMarkdown(a: AuditReport): string {
  const lang = a.lang;
  const root = planOf(a, a.root);
  const out = [`# ${rt('audit.title', lang)}`, '', `- **${rt('parent', lang)}:** ${md(root.name)} — ${md(root.title)}. ${planFacts(root, lang).map(md).join('; ')}.`];
  if (hasSynthetic(a)) out.push(`- **${md(rt('synthetic', lang))}**`);
  if (!a.summaries.length) return [...out, '', md(rt('no-children', lang)), ''].join('\n');
  out.push('', `## ${rt('graph', lang)}`, '', '```mermaid', 'graph TD');
  const idx = new Map(a.graph.nodes.map((n, i) => [n.id, `n${i}`]));
  for (const n of a.graph.nodes) out.push(`  ${idx.get(n.id)}["${n.lines.map(mermaidText).join('<br/>')}"]`);
  for (const e of a.graph.edges) out.push(`  ${idx.get(e.from)} --> ${idx.get(e.to)}`);
  out.push('```', '', `## ${rt('per-child', lang)}`, '');
  const head = summaryHead(lang);
  out.push(cells(head), cells(head.map((_, i) => (i < 2 ? '---' : '---:'))));
  for (const s of a.summaries) out.push(cells([md(planOf(a, s.plan).name), md(planOf(a, s.parent).name), ...summaryNumbers(s)]));
  out.push('', md(rt('score-note', lang)));
  for (const g of a.groups) pushAll(out, ['', `## ${rt('matrix', lang)} — ${md(planOf(a, g.parent).name)}`, '', ...matrix(a, g, lang)]);
  out.push('', `${rt('legend', lang)}: ${SUMMARY_STATUSES.map((s) => md(cellLabel(s, lang))).join(' · ')}`);
  out.push('', `## ${rt('child-findings', lang)}`);
  for (const s of a.summaries) {
    const p = planOf(a, s.plan);
    out.push('', `### ${md(p.name)} ${rt('versus', lang)} ${md(planOf(a, s.parent).name)}`, '');
    if (p.note) out.push(`_${md(p.note)}_`, '');
    if (!s.list.length) out.push(md(rt('no-findings', lang)));
    for (const f of s.list) out.push(`- ${md(findingLine(f, lang))}`);
  }
  return out.join('\n') + '\n';
}

function matrix(a: AuditReport, g: AuditGroup, lang: Lang): string[] {
  const out = [cells([rt('task', lang), rt('deadline', lang), ...g.children.map((c) => md(planOf(a, c).name))]), cells(['---', '---', ...g.children.map(() => '---')])];
  g.tasks.forEach((t, i) => {
    const row = g.cells[i]!.map((c) => `${md(cellText(c, lang))}${c.childTasks.length ? ` (${md(c.childTasks.join(', '))})` : ''}`);
    out.push(cells([`**${md(t.label)}** ${md(shortTitle(t.title))}`, md(writtenDeadline(t.deadline, lang)), ...row]));
  });
  return out;
}
