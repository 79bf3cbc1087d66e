/**
 * `kehoach audit --format html`: one self-contained, printable page (landscape: the
 * matrix is wide). Cells carry data-task / data-child / data-status attributes for tests.
 * Every piece of plan text is escaped.
 */
import type { Lang } from '../messages.js';
import type { AuditGroup, AuditReport } from '../review-types.js';
import { rt } from '../terms.js';
import { cellLabel, marksLabel, writtenDeadline } from '../display.js';
import { html } from '../escape.js';
import { CELL_CLASS, page, planText } from '../html-page.js';
import { findingItems, planBlock } from '../diff/html.js';
import { graphSvg } from './svg.js';
import { cellText, hasSynthetic, planOf, shortTitle, summaryHead, summaryNumbers, SUMMARY_STATUSES } from './common.js';

export function formatAuditHtml(a: AuditReport): string {
  const lang = a.lang;
  const root = planOf(a, a.root);
  const title = `${rt('audit.title', lang)}: ${root.name}`;
  const parts = [`<h1>${html(rt('audit.title', lang))}</h1>`, planBlock('parent', root, lang)];
  if (hasSynthetic(a)) parts.push(`<p class="meta"><strong>${html(rt('synthetic', lang))}</strong></p>`);
  if (!a.summaries.length) {
    parts.push(`<p>${html(rt('no-children', lang))}</p>`);
    return page(lang, title, parts.join('\n'), { landscape: true });
  }
  parts.push(`<h2>${html(rt('graph', lang))}</h2>`, `<div class="graph">${graphSvg(a, rt('graph', lang))}</div>`);
  parts.push(`<h2>${html(rt('per-child', lang))}</h2>`, summaryTable(a, lang), `<p class="meta">${html(rt('score-note', lang))}</p>`);
  for (const g of a.groups) parts.push(`<h2>${html(rt('matrix', lang))} — ${planText(planOf(a, g.parent).name, lang)}</h2>`, matrix(a, g, lang));
  parts.push(`<p class="meta">${html(rt('legend', lang))}: ${SUMMARY_STATUSES.map((s) => `<span class="mark ${CELL_CLASS[s]}">${html(cellLabel(s, lang))}</span>`).join(' ')}</p>`);
  parts.push(`<h2>${html(rt('child-findings', lang))}</h2>`);
  for (const s of a.summaries) {
    const p = planOf(a, s.plan);
    parts.push(`<h3 id="findings-${html(s.plan)}">${planText(p.name, lang)} ${html(rt('versus', lang))} ${planText(planOf(a, s.parent).name, lang)}</h3>`);
    if (p.note) parts.push(`<p class="meta">${planText(p.note, lang)}</p>`);
    parts.push(s.list.length ? findingItems(s.list, lang) : `<p>${html(rt('no-findings', lang))}</p>`);
  }
  return page(lang, title, parts.join('\n'), { landscape: true });
}

/** Where a matrix cell or a child's name leads (the workspace page links them; the report file does not). */
export interface AuditLinks {
  cell?: (child: string, taskKey: string) => string;
  child?: (child: string) => string;
}

export function summaryTable(a: AuditReport, lang: Lang, links: AuditLinks = {}): string {
  const head = summaryHead(lang).map((h) => `<th scope="col">${html(h)}</th>`).join('');
  const rows = a.summaries.map((s) => {
    const nums = summaryNumbers(s).map((n) => `<td class="num">${html(n)}</td>`).join('');
    return `<tr data-plan="${html(s.plan)}" data-parent="${html(s.parent)}" data-score="${s.score ?? ''}"><th scope="row"><a href="${html(links.child ? links.child(s.plan) : `#findings-${s.plan}`)}">${planText(planOf(a, s.plan).name, lang)}</a></th><td>${planText(planOf(a, s.parent).name, lang)}</td>${nums}</tr>`;
  });
  return `<table class="per-child">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function matrix(a: AuditReport, g: AuditGroup, lang: Lang, links: AuditLinks = {}): string {
  const head = `<th scope="col">${html(rt('task', lang))}</th>${g.children.map((c) => `<th scope="col">${planText(planOf(a, c).name, lang)}</th>`).join('')}`;
  const rows = g.tasks.map((t, i) => {
    const cells = g.cells[i]!.map((cell, j) => {
      const tip = `${marksLabel(cell.marks, lang)}${cell.childTasks.length ? ` (${cell.childTasks.join(', ')})` : ''}`;
      return `<td data-task="${html(t.key)}" data-child="${html(g.children[j]!)}" data-status="${cell.status}" title="${html(tip)}">${links.cell ? `<a href="${html(links.cell(g.children[j]!, t.key))}">` : ''}<span class="mark ${CELL_CLASS[cell.status]}">${html(cellText(cell, lang))}</span>${links.cell ? '</a>' : ''}${cell.childTasks.length ? `<br><small>${planText(cell.childTasks.join(', '), lang)}</small>` : ''}</td>`;
    });
    return `<tr><td class="task"><strong>${planText(t.label, lang)}</strong> ${planText(shortTitle(t.title), lang)}${t.deadline ? `<br><small>${html(rt('deadline', lang))}: ${planText(writtenDeadline(t.deadline, lang), lang)}</small>` : ''}</td>${cells.join('')}</tr>`;
  });
  return `<table class="matrix" data-parent="${html(g.parent)}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
