/**
 * `kehoach audit --format html`: one self-contained, printable page (landscape: the
 * matrix is wide). Cells carry data-task / data-child / data-status attributes for tests.
 * Every piece of plan text is escaped.
 *
 * The page is produced in pieces (`auditHtml`, a generator of strings), so that a national audit
 * is written as it is made and never held whole in memory; `formatAuditHtml` joins them.
 */
import type { Lang } from '../messages.js';
import type { AuditGroup, AuditReport, ChildSummary } from '../review-types.js';
import { rt } from '../terms.js';
import { cellLabel, marksLabel, writtenDeadline } from '../display.js';
import { html } from '../escape.js';
import { CELL_CLASS, pageShell, planText } from '../html-page.js';
import { findingItems, planBlock } from '../diff/html.js';
import { graphSvg } from './svg.js';
import { graphPictures } from './graph.js';
import { cellText, hasSynthetic, planOf, shortTitle, summaryHead, summaryNumbers, SUMMARY_STATUSES } from './common.js';

export interface AuditHtmlOptions {
  /** Most plans drawn in one picture (rules/config.yaml `audit.graphLimit`). */
  graphLimit: number;
  /** The pages of a split report (`--split`), listed on its index page: file name and the plan at its top. */
  pages?: readonly { file: string; plan: string }[];
  /** A page of a split report: the index page's file name, linked at the top. */
  index?: string;
  /** Lay the graph out in plain rows, never with dagre (graph.ts `graphPictures`): the pages of a split report. */
  rows?: boolean;
}

/** A piece of the page: markup, or markup in pieces. */
type Part = string | Iterable<string>;

export function formatAuditHtml(a: AuditReport, opts: AuditHtmlOptions): string {
  let out = '';
  for (const s of auditHtml(a, opts)) out += s;
  return out;
}

/** The page in pieces, in order; their concatenation is the page. */
export function* auditHtml(a: AuditReport, opts: AuditHtmlOptions): Generator<string> {
  const lang = a.lang;
  const root = planOf(a, a.root);
  const [head, tail] = pageShell(lang, `${rt('audit.title', lang)}: ${root.name}`, { landscape: true });
  yield head;
  let first = true;
  for (const part of body(a, lang, opts)) {
    if (!first) yield '\n';
    first = false;
    if (typeof part === 'string') yield part;
    else yield* part;
  }
  yield tail;
}

function* body(a: AuditReport, lang: Lang, opts: AuditHtmlOptions): Generator<Part> {
  if (opts.index !== undefined) yield `<p class="meta"><a href="${html(opts.index)}">${html(rt('audit.back', lang))}</a></p>`;
  yield `<h1>${html(rt('audit.title', lang))}</h1>`;
  yield planBlock('parent', planOf(a, a.root), lang);
  if (hasSynthetic(a)) yield `<p class="meta"><strong>${html(rt('synthetic', lang))}</strong></p>`;
  if (opts.pages?.length) yield* pageList(a, lang, opts.pages);
  if (!a.summaries.length) {
    yield `<p>${html(rt('no-children', lang))}</p>`;
    return;
  }
  yield* graph(a, lang, opts.graphLimit, opts.rows ?? false);
  yield `<h2>${html(rt('per-child', lang))}</h2>`;
  yield summaryRows(a, lang);
  yield `<p class="meta">${html(rt('score-note', lang))}</p>`;
  for (const g of a.groups) {
    yield `<h2>${html(rt('matrix', lang))} — ${planText(planOf(a, g.parent).name, lang)}</h2>`;
    yield matrixRows(a, g, lang);
  }
  yield `<p class="meta">${html(rt('legend', lang))}: ${SUMMARY_STATUSES.map((s) => `<span class="mark ${CELL_CLASS[s]}">${html(cellLabel(s, lang))}</span>`).join(' ')}</p>`;
  yield `<h2>${html(rt('child-findings', lang))}</h2>`;
  for (const s of a.summaries) yield* childFindings(a, s, lang);
}

/** The graph: one picture, or one per direct child with plans below it, or none; the page says which. */
function* graph(a: AuditReport, lang: Lang, limit: number, rows: boolean): Generator<Part> {
  const title = rt('graph', lang);
  yield `<h2>${html(title)}</h2>`;
  const g = graphPictures(a.graph, a.root, limit, rows);
  if (g.whole) {
    yield `<div class="graph">${graphSvg(g.pictures[0]!.layout(), a.root, title)}</div>`;
    return;
  }
  const vars = { plans: g.plans, limit, pictures: g.pictures.length, omitted: g.omitted };
  const note = [rt(g.pictures.length ? 'audit.graph-split' : 'audit.graph-none', lang, vars), ...(g.omitted ? [rt('audit.graph-omitted', lang, vars)] : [])];
  yield `<p class="meta">${html(note.join(' '))}</p>`;
  let n = 0;
  for (const p of g.pictures) {
    const name = planOf(a, p.plan!).name;
    yield `<h3>${planText(name, lang)}</h3>`;
    yield `<div class="graph">${graphSvg(p.layout(), a.root, `${title} — ${name}`, `kh-arrow-${++n}`)}</div>`;
  }
}

function* pageList(a: AuditReport, lang: Lang, pages: readonly { file: string; plan: string }[]): Generator<string> {
  yield `<h2>${html(rt('audit.pages', lang))}</h2>`;
  yield `<p class="meta">${html(rt('audit.pages-note', lang, { pages: pages.length }))}</p>`;
  yield `<ul class="pages">\n${pages.map((p) => `<li><a href="${html(p.file)}">${planText(planOf(a, p.plan).name, lang)}</a></li>`).join('\n')}\n</ul>`;
}

function* childFindings(a: AuditReport, s: ChildSummary, lang: Lang): Generator<string> {
  const p = planOf(a, s.plan);
  yield `<h3 id="findings-${html(s.plan)}">${planText(p.name, lang)} ${html(rt('versus', lang))} ${planText(planOf(a, s.parent).name, lang)}</h3>`;
  if (p.note) yield `<p class="meta">${planText(p.note, lang)}</p>`;
  yield s.list.length ? findingItems(s.list, lang) : `<p>${html(rt('no-findings', lang))}</p>`;
}

/** Where a matrix cell or a child's name leads (the workspace page links them; the report file does not). */
export interface AuditLinks {
  cell?: (child: string, taskKey: string) => string;
  child?: (child: string) => string;
}

/** The per-child summary table, whole (the workspace page); the report writes it in pieces. */
export function summaryTable(a: AuditReport, lang: Lang, links: AuditLinks = {}): string {
  return [...summaryRows(a, lang, links)].join('');
}

/** One parent's coverage matrix, whole (the workspace page); the report writes it in pieces. */
export function matrix(a: AuditReport, g: AuditGroup, lang: Lang, links: AuditLinks = {}): string {
  return [...matrixRows(a, g, lang, links)].join('');
}

function* summaryRows(a: AuditReport, lang: Lang, links: AuditLinks = {}): Generator<string> {
  const head = summaryHead(lang).map((h) => `<th scope="col">${html(h)}</th>`).join('');
  yield `<table class="per-child">\n<thead><tr>${head}</tr></thead>\n<tbody>\n`;
  let first = true;
  for (const s of a.summaries) {
    const nums = summaryNumbers(s).map((n) => `<td class="num">${html(n)}</td>`).join('');
    yield `${first ? '' : '\n'}<tr data-plan="${html(s.plan)}" data-parent="${html(s.parent)}" data-score="${s.score ?? ''}"><th scope="row"><a href="${html(links.child ? links.child(s.plan) : `#findings-${s.plan}`)}">${planText(planOf(a, s.plan).name, lang)}</a></th><td>${planText(planOf(a, s.parent).name, lang)}</td>${nums}</tr>`;
    first = false;
  }
  yield `\n</tbody>\n</table>`;
}

function* matrixRows(a: AuditReport, g: AuditGroup, lang: Lang, links: AuditLinks = {}): Generator<string> {
  const head = `<th scope="col">${html(rt('task', lang))}</th>${g.children.map((c) => `<th scope="col">${planText(planOf(a, c).name, lang)}</th>`).join('')}`;
  yield `<table class="matrix" data-parent="${html(g.parent)}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n`;
  for (let i = 0; i < g.tasks.length; i++) {
    const t = g.tasks[i]!;
    const cells = g.cells[i]!.map((cell, j) => {
      const tip = `${marksLabel(cell.marks, lang)}${cell.childTasks.length ? ` (${cell.childTasks.join(', ')})` : ''}`;
      return `<td data-task="${html(t.key)}" data-child="${html(g.children[j]!)}" data-status="${cell.status}" title="${html(tip)}">${links.cell ? `<a href="${html(links.cell(g.children[j]!, t.key))}">` : ''}<span class="mark ${CELL_CLASS[cell.status]}">${html(cellText(cell, lang))}</span>${links.cell ? '</a>' : ''}${cell.childTasks.length ? `<br><small>${planText(cell.childTasks.join(', '), lang)}</small>` : ''}</td>`;
    });
    yield `${i ? '\n' : ''}<tr><td class="task"><strong>${planText(t.label, lang)}</strong> ${planText(shortTitle(t.title), lang)}${t.deadline ? `<br><small>${html(rt('deadline', lang))}: ${planText(writtenDeadline(t.deadline, lang), lang)}</small>` : ''}</td>${cells.join('')}</tr>`;
  }
  yield `\n</tbody>\n</table>`;
}
