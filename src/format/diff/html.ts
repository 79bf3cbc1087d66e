/**
 * `kehoach diff --format html`: one self-contained page (see format/html-page.ts). The
 * summary table carries data-parent / data-child / data-marks attributes so tests (and
 * reviewers' own tools) can find a row without parsing prose. Plan text is escaped.
 */
import type { Lang } from '../messages.js';
import type { DiffReport, DiffRow, Mark, PlanInfo, ReportFinding, TaskSide } from '../review-types.js';
import { rt } from '../terms.js';
import { addressingLabel, hasResolved, marksLabel, matchLabel, ownersLine, coordinateNames, planFacts, severityLabel, showDeadlineText, showResolved } from '../display.js';
import { html } from '../escape.js';
import { pushAll } from '../lines.js';
import { MARK_CLASS, page, planText } from '../html-page.js';

export const markBadges = (marks: readonly Mark[], lang: Lang): string =>
  marks.map((m) => `<span class="mark ${MARK_CLASS[m]}" data-mark="${m}">${html(marksLabel([m], lang))}</span>`).join('');

export function planBlock(role: 'parent' | 'child', p: PlanInfo, lang: Lang): string {
  return `<div class="plan" data-plan="${html(p.id)}"><strong>${html(rt(role, lang))}:</strong> ${planText(p.name, lang)} — ${planText(p.title, lang)}
<p class="facts">${planFacts(p, lang).map((f) => planText(f, lang)).join(' · ')}</p></div>`;
}

/** `extra`: markup after a finding (the workspace page's "accept" form); none in the report file. */
export type FindingExtra = (f: ReportFinding) => string;

export function findingItems(fs: readonly ReportFinding[], lang: Lang, extra?: FindingExtra): string {
  if (!fs.length) return '';
  const items = fs.map((f) => {
    const cls = f.waived ? 'waived' : `sev-${f.severity}`;
    const where = f.task ?? f.parentTask;
    return `<li data-rule="${html(f.rule)}"><span class="${cls}">${html(severityLabel(f, lang))}</span> · <code>${html(f.rule)}</code>${where ? ` · ${html(where)}` : ''}: ${planText(f.message, lang)}${f.waived ? ` <em>(${html(rt('waived', lang))}: ${planText(f.waived.reason, lang)})</em>` : ''}${extra ? extra(f) : ''}</li>`;
  });
  return `<ul class="findings">\n${items.join('\n')}\n</ul>`;
}

export function formatDiffHtml(d: DiffReport): string {
  return page(d.lang, `${rt('diff.title', d.lang)}: ${d.child.name} ${rt('versus', d.lang)} ${d.parent.name}`, diffParts(d).join('\n'));
}

/** The diff page's body, in parts; `extra` adds markup after each finding. */
export function diffParts(d: DiffReport, extra?: FindingExtra): string[] {
  const lang = d.lang;
  const parts: string[] = [`<h1>${html(rt('diff.title', lang))}</h1>`, planBlock('parent', d.parent, lang), planBlock('child', d.child, lang)];
  parts.push(`<h2>${html(rt('heading.summary', lang))}</h2>`, summaryTable(d, lang));
  const s = d.summary.findings;
  parts.push(`<p>${html(rt('findings', lang))}: ${s.error} ${html(rt('error', lang))}, ${s.warning} ${html(rt('warning', lang))}, ${s.info} ${html(rt('info', lang))}, ${s.waived} ${html(rt('waived', lang))}.</p>`);
  pushAll(parts, [`<h2>${html(rt('details', lang))}</h2>`, ...d.rows.map((r, i) => rowSection(r, i, d, lang, extra))]);
  if (d.general.length) parts.push(`<h2>${html(rt('general-findings', lang))}</h2>`, findingItems(d.general, lang, extra));
  return parts;
}

function summaryTable(d: DiffReport, lang: Lang): string {
  const head = [rt('parent', lang), rt('child', lang), rt('marks', lang), `${rt('deadline', lang)} (${rt('parent', lang).toLowerCase()})`, `${rt('deadline', lang)} (${rt('child', lang).toLowerCase()})`];
  const rows = d.rows.map((r, i) => {
    const pl = r.parent ? planText(r.parent.label, lang) : '—';
    const cl = r.children.map((c) => planText(c.task.label, lang)).join(', ') || '—';
    const pd = r.parent ? planText(showDeadlineText(r.parent.deadline, lang), lang) : '—';
    const cd = r.children.map((c) => planText(showDeadlineText(c.task.deadline, lang), lang)).join('<br>') || '—';
    const attrs = `data-row="${i}" data-parent="${html(r.parent?.key ?? '')}" data-child="${html(r.children.map((c) => c.task.key).join(' '))}" data-marks="${r.marks.join(' ')}"`;
    return `<tr ${attrs}><td class="label"><a href="#row-${i}">${pl}</a></td><td class="label">${cl}</td><td class="marks">${markBadges(r.marks, lang)}</td><td class="deadline">${pd}</td><td class="deadline">${cd}</td></tr>`;
  });
  return `<table class="summary">\n<thead><tr>${head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function column(t: TaskSide | null, lang: Lang): string[] {
  if (!t) return [`<em>${html(rt('no-counterpart', lang))}</em>`, '', '', '', ''];
  return [
    `<strong>${planText(t.label, lang)}</strong> ${planText(t.title, lang)}`,
    planText(ownersLine(t, lang), lang),
    planText(coordinateNames(t, lang), lang),
    planText(showDeadlineText(t.deadline, lang), lang),
    !hasResolved(t.deadline) ? '' : `<span class="dates">${planText(showResolved(t.deadline, lang), lang)}</span>`,
  ];
}

function rowSection(r: DiffRow, i: number, d: DiffReport, lang: Lang, extra?: FindingExtra): string {
  const title = `${r.parent ? planText(r.parent.label, lang) : '—'} ▸ ${r.children.map((c) => planText(c.task.label, lang)).join(', ') || '—'}`;
  const meta = [
    ...(r.addressing ? [html(addressingLabel(r.addressing, lang))] : []),
    ...r.children.filter((c) => c.match).map((c) => `${html(rt('match', lang))} ${planText(c.task.label, lang)}: ${html(matchLabel(c, lang))}`),
  ];
  const childCols = r.children.length ? r.children.map((c) => column(c.task, lang)) : [column(null, lang)];
  const parentCol = column(r.parent, lang);
  const names = [rt('task', lang), `${rt('column.lead', lang)} / ${rt('column.implement', lang)}`, rt('column.coordinate', lang), rt('deadline', lang), rt('dates', lang)];
  const head = `<tr><th></th><th scope="col">${planText(d.parent.name, lang)}</th>${childCols.map(() => `<th scope="col">${planText(d.child.name, lang)}</th>`).join('')}</tr>`;
  const body = names.map((n, j) => `<tr><th scope="row">${html(n)}</th><td>${parentCol[j]}</td>${childCols.map((c) => `<td>${c[j]}</td>`).join('')}</tr>`);
  return `<section class="row" id="row-${i}">
<h3>${title} ${markBadges(r.marks, lang)}</h3>
${meta.length ? `<p class="meta">${meta.join(' · ')}</p>` : ''}
<table class="pair">
<thead>${head}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
${findingItems(r.findings, lang, extra)}
</section>`;
}
