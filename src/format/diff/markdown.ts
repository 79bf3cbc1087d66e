/**
 * `kehoach diff --format markdown`: a summary table (one line per row), then each row as a
 * two-sided table with its findings. Every piece of plan text goes through `md()`.
 */
import type { Lang } from '../messages.js';
import type { DiffReport, DiffRow, Mark, TaskSide } from '../review-types.js';
import { rt } from '../terms.js';
import { addressingLabel, hasResolved, findingLine, marksLabel, matchLabel, ownersLine, coordinateNames, planFacts, showDeadlineText, showResolved } from '../display.js';
import { md } from '../escape.js';
import { pushAll } from '../lines.js';

const cells = (xs: readonly string[]): string => `| ${xs.join(' | ')} |`;
const labels = (row: DiffRow): { parent: string; child: string } => ({
  parent: row.parent ? md(row.parent.label) : '—',
  child: row.children.map((c) => md(c.task.label)).join(', ') || '—',
});

export function formatDiffMarkdown(d: DiffReport): string {
  const lang = d.lang;
  const out: string[] = [`# ${rt('diff.title', lang)}`, ''];
  for (const [role, p] of [['parent', d.parent], ['child', d.child]] as const) {
    out.push(`- **${rt(role, lang)}:** ${md(p.name)} — ${md(p.title)}. ${planFacts(p, lang).map(md).join('; ')}.`);
  }
  out.push('', `## ${rt('heading.summary', lang)}`, '');
  out.push(cells([rt('parent', lang), rt('child', lang), rt('marks', lang), `${rt('deadline', lang)} (${rt('parent', lang).toLowerCase()})`, `${rt('deadline', lang)} (${rt('child', lang).toLowerCase()})`]));
  out.push(cells(['---', '---', '---', '---', '---']));
  for (const row of d.rows) {
    const l = labels(row);
    const pd = row.parent ? md(showDeadlineText(row.parent.deadline, lang)) : '—';
    const cd = row.children.map((c) => md(showDeadlineText(c.task.deadline, lang))).join('<br>') || '—';
    out.push(cells([l.parent, l.child, md(marksLabel(row.marks, lang)), pd, cd]));
  }
  const s = d.summary;
  const marks = (Object.keys(s.marks) as Mark[]).filter((m) => s.marks[m] > 0).map((m) => `${md(marksLabel([m], lang))} ${s.marks[m]}`);
  out.push('', `**${rt('marks', lang)}:** ${marks.join(', ') || rt('none', lang)}. **${rt('findings', lang)}:** ${s.findings.error} ${rt('error', lang)}, ${s.findings.warning} ${rt('warning', lang)}, ${s.findings.info} ${rt('info', lang)}, ${s.findings.waived} ${rt('waived', lang)}.`);
  out.push('', `## ${rt('details', lang)}`);
  for (const row of d.rows) pushAll(out, ['', ...rowSection(row, d, lang)]);
  if (d.general.length) {
    out.push('', `## ${rt('general-findings', lang)}`, '');
    for (const f of d.general) out.push(`- ${md(findingLine(f, lang))}`);
  }
  return out.join('\n') + '\n';
}

function column(t: TaskSide | null, lang: Lang): string[] {
  if (!t) return [md(rt('no-counterpart', lang)), '', '', '', ''];
  return [
    `${md(t.label)} ${md(t.title)}`,
    md(ownersLine(t, lang)),
    md(coordinateNames(t, lang)),
    md(showDeadlineText(t.deadline, lang)),
    !hasResolved(t.deadline) ? '' : md(showResolved(t.deadline, lang)),
  ];
}

function rowSection(row: DiffRow, d: DiffReport, lang: Lang): string[] {
  const l = labels(row);
  const out = [`### ${l.parent} ▸ ${l.child} — ${md(marksLabel(row.marks, lang))}`, ''];
  const extra = [
    ...(row.addressing ? [md(addressingLabel(row.addressing, lang))] : []),
    ...row.children.filter((c) => c.match).map((c) => `${rt('match', lang)} ${md(c.task.label)}: ${md(matchLabel(c, lang))}`),
  ];
  if (extra.length) out.push(extra.join(' · '), '');
  const childCols = row.children.length ? row.children.map((c) => column(c.task, lang)) : [column(null, lang)];
  const parentCol = column(row.parent, lang);
  out.push(cells(['', md(d.parent.name), ...childCols.map(() => md(d.child.name))]));
  out.push(cells(['---', '---', ...childCols.map(() => '---')]));
  const names = [rt('task', lang), `${rt('column.lead', lang)} / ${rt('column.implement', lang)}`, rt('column.coordinate', lang), rt('deadline', lang), rt('dates', lang)];
  names.forEach((name, i) => out.push(cells([`**${name}**`, parentCol[i]!, ...childCols.map((c) => c[i]!)])));
  if (row.findings.length) {
    out.push('', `**${rt('findings', lang)}**`, '');
    for (const f of row.findings) out.push(`- ${md(findingLine(f, lang))}`);
  }
  return out;
}
