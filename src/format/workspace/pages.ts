/**
 * The pages of the reviewer's workspace (`kehoach serve`), rendered on the server by pure
 * functions from plain data: no script (plain HTML forms), every piece of plan text and every
 * file name escaped, plans named as readers name them (src/format/reader.ts), dates dd/mm/yyyy.
 * The audit matrix, the diff and the findings are the report formatters' own markup
 * (src/format/audit/html.ts, src/format/diff/html.ts) with links and forms added.
 */
import type { Said } from '../../core/load/errors.js';
import { saidText } from '../said.js';
import type { Level } from '../../core/model/plan.js';
import { html } from '../escape.js';
import { page, planText } from '../html-page.js';
import { readerDate, term, type Lang } from '../messages.js';
import { rt } from '../terms.js';
import type { AuditReport, DiffReport, ReportFinding } from '../review-types.js';
import { matrix, summaryTable } from '../audit/html.js';
import { graphSvg } from '../audit/svg.js';
import { layoutGraph } from '../layout.js';
import { planOf } from '../audit/common.js';
import { diffParts, planBlock } from '../diff/html.js';

/** A link inside the workspace: the path and its query, URI-encoded (escape it for an attribute with html()). */
export function href(path: string, params: Record<string, string | undefined> = {}, hash = ''): string {
  const q = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${path}${q ? `?${q}` : ''}${hash}`;
}

const CSS = `
nav.top { display: flex; gap: 1rem; align-items: baseline; border-bottom: 1px solid var(--line); margin-bottom: 1rem; padding-bottom: .4rem; }
nav.top .brand { font-weight: 700; margin-right: auto; }
form.upload { border: 2px dashed var(--line); padding: 1rem; border-radius: .5rem; background: #fafafa; }
form.upload input[type=file] { display: block; width: 100%; padding: 1.5rem; border: 1px dashed var(--line); background: #fff; margin: .5rem 0; }
form.waive { display: inline-flex; gap: .3rem; margin-left: .5rem; }
form.waive input[type=text] { min-width: 16rem; }
.flash { padding: .5rem .8rem; border-radius: .3rem; background: var(--ok-bg); color: var(--ok); }
.flash.bad { background: var(--bad-bg); color: var(--bad); }
.status-bad { color: var(--bad); } .status-warn { color: var(--warn); } .status-ok { color: var(--ok); }
details.warnings { font-size: .9em; color: var(--muted); }
ul.levels { list-style: none; padding: 0; } ul.levels li { margin: .2rem 0; }
@media print { nav.top, form { display: none; } }`;

export interface Chrome {
  lang: Lang;
  /** This page's address with the other language (the switch). */
  otherLang: string;
}

function shell(c: Chrome, title: string, body: string, landscape = false): string {
  const nav = `<nav class="top"><span class="brand">${html(rt('workspace.title', c.lang))}</span><a href="/">${html(rt('workspace.home', c.lang))}</a><a href="${html(c.otherLang)}" lang="${c.lang === 'vi' ? 'en' : 'vi'}" data-switch="lang">${html(rt('workspace.lang.switch', c.lang))}</a></nav>`;
  return page(c.lang, title, `${nav}\n${body}`, { landscape, css: CSS });
}

/** A page that only says something (an error, a refusal), with a way back. */
export function messagePage(c: Chrome, message: string, bad = true): string {
  return shell(c, rt('workspace.title', c.lang), `<p class="flash${bad ? ' bad' : ''}" role="alert">${html(message)}</p>\n<p><a href="/">${html(rt('workspace.home', c.lang))}</a></p>`);
}

export type ReceivedStatus = 'checked' | 'no-tasks' | 'no-parent' | 'ambiguous' | 'legal-only' | 'error' | 'superseded';

export interface ReceivedView {
  stored: string;
  name: string;
  /** ISO instant. */
  received: string;
  planId: string | null;
  planName: string | null;
  /** The parent it was checked against (named), when one. */
  parentId: string | null;
  parentName: string | null;
  tasks: number;
  status: ReceivedStatus;
  error?: string;
  errorSaid?: Said[] | undefined;
  warnings: { line: number; message: string; said?: Said | undefined }[];
  /** Plans to choose the parent from (ambiguous: the candidates; not found: the plans a level up). */
  choices: { id: string; name: string }[];
}

export interface PlanEntry {
  id: string;
  name: string;
  title: string;
  level: Level;
  children: number;
  inWorkspace: boolean;
}

export interface HomeView {
  maxUploadMb: number;
  received: readonly ReceivedView[];
  /** Names of the workspace plans that replace corpus plans. */
  replaced: readonly string[];
  plans: readonly PlanEntry[];
  /** The derivation graph(s), drawn from the roots. */
  graphs: readonly AuditReport[];
  loadErrors: readonly string[];
  skipped: readonly string[];
  flash?: { text: string; bad: boolean } | undefined;
}

const LEVELS: Level[] = ['national', 'province', 'department', 'district', 'commune'];

const STATUS_CLASS: Record<ReceivedStatus, string> = {
  checked: 'status-ok', 'no-tasks': 'status-bad', 'no-parent': 'status-bad', ambiguous: 'status-warn', 'legal-only': 'status-ok', error: 'status-bad', superseded: '',
};

function statusText(r: ReceivedView, lang: Lang): string {
  switch (r.status) {
    case 'checked':
      return rt('workspace.status.checked', lang, { n: r.tasks });
    case 'no-tasks':
      return rt('workspace.status.noTasks', lang);
    case 'no-parent':
      return rt('workspace.status.noParent', lang);
    case 'ambiguous':
      return rt('workspace.status.ambiguous', lang);
    case 'legal-only':
      return rt('workspace.status.legalOnly', lang);
    case 'superseded':
      return rt('workspace.status.superseded', lang);
    case 'error':
      return rt('workspace.status.error', lang, { why: lang === 'en' || !r.errorSaid?.length ? (r.error ?? '') : r.errorSaid.map((s) => saidText(s, lang)).join('; ') });
  }
}

function receivedRow(r: ReceivedView, lang: Lang): string {
  const plan = r.planId && r.planName
    ? (r.parentId ? `<a href="${html(href('/district', { parent: r.parentId, child: r.planId }))}">${planText(r.planName, lang)}</a>` : planText(r.planName, lang))
    : '—';
  const against = r.parentName && r.status === 'checked' ? `<br><small>${html(rt('versus', lang))} ${planText(r.parentName, lang)}</small>` : '';
  const choose = r.choices.length && (r.status === 'no-parent' || r.status === 'ambiguous')
    ? `<form method="post" action="/parent" class="choose"><input type="hidden" name="stored" value="${html(r.stored)}"><label>${html(rt('workspace.chooseParent', lang))} <select name="parent">${r.choices.map((c) => `<option value="${html(c.id)}">${planText(c.name, lang)}</option>`).join('')}</select></label> <button type="submit">${html(rt('workspace.choose', lang))}</button></form>`
    : '';
  const warnings = r.warnings.length
    ? `<details class="warnings"><summary>${html(rt('workspace.warnings', lang, { n: r.warnings.length }))}</summary><ul>${r.warnings.map((w) => `<li>${html(rt('workspace.warning.line', lang, { line: w.line }))}: ${html(lang === 'en' || !w.said ? w.message : saidText(w.said, lang))}</li>`).join('')}</ul></details>`
    : '';
  return `<tr data-status="${r.status}"><td>${html(r.name)}</td><td>${html(readerDate(r.received.slice(0, 10)))}</td><td>${plan}${against}</td><td><span class="${STATUS_CLASS[r.status]}">${html(statusText(r, lang))}</span>${choose}${warnings}</td></tr>`;
}

export function homePage(c: Chrome, v: HomeView): string {
  const lang = c.lang;
  const parts: string[] = [`<h1>${html(rt('workspace.title', lang))}</h1>`, `<p class="meta">${html(rt('workspace.subtitle', lang))}</p>`];
  if (v.flash) parts.push(`<p class="flash${v.flash.bad ? ' bad' : ''}" role="status">${html(v.flash.text)}</p>`);
  if (v.loadErrors.length) parts.push(`<div class="flash bad"><p>${html(rt('workspace.error.load', lang))}</p><ul>${v.loadErrors.map((e) => `<li>${html(e)}</li>`).join('')}</ul></div>`);
  if (v.skipped.length) parts.push(`<div class="flash bad"><p>${html(rt('workspace.error.skipped', lang))}</p><ul>${v.skipped.map((e) => `<li>${html(e)}</li>`).join('')}</ul></div>`);
  parts.push(
    `<h2>${html(rt('workspace.upload.heading', lang))}</h2>`,
    `<form class="upload" method="post" action="/upload" enctype="multipart/form-data"><p>${html(rt('workspace.upload.hint', lang, { mb: v.maxUploadMb }))}</p><input type="file" name="files" multiple accept=".docx,.pdf,.txt,.md,.yaml,.yml"><label>${html(rt('workspace.upload.folder', lang))} <input type="file" name="folder" webkitdirectory multiple></label> <button type="submit">${html(rt('workspace.upload.button', lang))}</button></form>`,
  );
  parts.push(`<h2>${html(rt('workspace.received.heading', lang))}</h2>`);
  if (!v.received.length) parts.push(`<p>${html(rt('workspace.received.none', lang))}</p>`);
  else {
    const head = [rt('workspace.col.file', lang), rt('workspace.col.received', lang), rt('workspace.col.plan', lang), rt('workspace.col.status', lang)].map((h) => `<th scope="col">${html(h)}</th>`).join('');
    parts.push(`<table class="received"><thead><tr>${head}</tr></thead><tbody>\n${[...v.received].reverse().map((r) => receivedRow(r, lang)).join('\n')}\n</tbody></table>`);
  }
  if (v.replaced.length) parts.push(`<p class="meta" data-replaced>${html(rt('workspace.replaces', lang, { plans: v.replaced.join('; ') }))}</p>`);
  parts.push(`<h2>${html(rt('workspace.parents.heading', lang))}</h2>`);
  for (const g of v.graphs) parts.push(`<div class="graph">${graphSvg(layoutGraph(g.graph), g.root, rt('graph', lang))}</div>`);
  for (const level of LEVELS) {
    const here = v.plans.filter((p) => p.level === level);
    if (!here.length) continue;
    parts.push(`<h3>${html(term(level, lang))}</h3>`, `<ul class="levels">${here.map((p) => {
      const name = p.children ? `<a href="${html(href('/audit', { parent: p.id }))}">${planText(p.name, lang)}</a>` : planText(p.name, lang);
      return `<li data-plan="${html(p.id)}">${name} — ${planText(p.title, lang)} <small>(${html(rt('workspace.parents.children', lang, { n: p.children }))}${p.inWorkspace ? `; ${html(rt('workspace.inWorkspace', lang))}` : ''})</small></li>`;
    }).join('')}</ul>`);
  }
  return shell(c, rt('workspace.title', lang), parts.join('\n'));
}

export interface AuditView {
  audit: AuditReport;
  /** Plans the parent's level addresses that have sent nothing yet is not known; the scaffold form takes any unit. */
  canScaffold: boolean;
}

export function auditPage(c: Chrome, v: AuditView): string {
  const a = v.audit;
  const lang = c.lang;
  const root = planOf(a, a.root);
  const parts = [`<h1>${html(rt('audit.title', lang))}</h1>`, planBlock('parent', root, lang)];
  const links = {
    cell: (child: string, task: string): string => href('/district', { parent: a.root, child, task }),
    child: (child: string): string => href('/district', { parent: planOf(a, child) ? (a.summaries.find((s) => s.plan === child)?.parent ?? a.root) : a.root, child }),
  };
  if (!a.summaries.length) parts.push(`<p>${html(rt('no-children', lang))}</p>`);
  else {
    parts.push(`<h2>${html(rt('graph', lang))}</h2>`, `<div class="graph">${graphSvg(layoutGraph(a.graph), a.root, rt('graph', lang))}</div>`);
    parts.push(`<h2>${html(rt('per-child', lang))}</h2>`, summaryTable(a, lang, links), `<p class="meta">${html(rt('score-note', lang))}</p>`);
    for (const g of a.groups) parts.push(`<h2>${html(rt('matrix', lang))} — ${planText(planOf(a, g.parent).name, lang)}</h2>`, matrix(a, g, lang, links));
  }
  if (v.canScaffold) {
    parts.push(
      `<h2>${html(rt('workspace.scaffold.heading', lang))}</h2>`,
      `<form method="get" action="/download/scaffold"><input type="hidden" name="parent" value="${html(a.root)}"><label>${html(rt('workspace.scaffold.unit', lang))} <input type="text" name="unit" required></label> <button type="submit">${html(rt('workspace.scaffold.button', lang))}</button></form>`,
    );
  }
  return shell(c, `${rt('audit.title', lang)}: ${root.name}`, parts.join('\n'), true);
}

export interface DistrictView {
  diff: DiffReport;
  parentId: string;
  childId: string;
  flash?: { text: string; bad: boolean } | undefined;
}

export function districtPage(c: Chrome, v: DistrictView): string {
  const lang = c.lang;
  const d = v.diff;
  const accept = (f: ReportFinding): string => {
    if (f.waived || f.plan !== v.childId) return '';
    return `<form class="waive" method="post" action="/waive"><input type="hidden" name="plan" value="${html(f.plan)}"><input type="hidden" name="parent" value="${html(v.parentId)}"><input type="hidden" name="rule" value="${html(f.rule)}">${f.task ? `<input type="hidden" name="task" value="${html(f.task)}">` : ''}${f.parentTask ? `<input type="hidden" name="parentTask" value="${html(f.parentTask)}">` : ''}<input type="text" name="reason" required maxlength="2000" placeholder="${html(rt('workspace.reason', lang))}" aria-label="${html(rt('workspace.reason', lang))}"><button type="submit">${html(rt('workspace.accept', lang))}</button></form>`;
  };
  const parts: string[] = [];
  if (v.flash) parts.push(`<p class="flash${v.flash.bad ? ' bad' : ''}" role="status">${html(v.flash.text)}</p>`);
  parts.push(
    `<p><a href="${html(href('/audit', { parent: v.parentId }))}">${html(rt('workspace.audit.back', lang))}</a></p>`,
    `<p class="downloads">${html(rt('workspace.district.links', lang))}: <a href="${html(href('/download/yaml', { plan: v.childId }))}" data-download="yaml">${html(rt('workspace.download.yaml', lang))}</a> · <a href="${html(href('/download/letter', { plan: v.childId }))}" data-download="letter">${html(rt('workspace.download.letter', lang))}</a> · <a href="${html(href('/download/diff', { parent: v.parentId, child: v.childId }))}" data-download="diff">${html(rt('workspace.download.diff', lang))}</a></p>`,
    ...diffParts(d, accept),
    letterForm(lang, v.childId),
  );
  return shell(c, `${rt('diff.title', lang)}: ${d.child.name} ${rt('versus', lang)} ${d.parent.name}`, parts.join('\n'));
}

/** Who writes and signs the letter: the letter's header and signature (blanks where not given). */
function letterForm(lang: Lang, childId: string): string {
  const field = (name: string, key: Parameters<typeof rt>[0]): string => `<p><label>${html(rt(key, lang))}<br><input type="text" name="${name}" maxlength="300" size="50"></label></p>`;
  return `<h2>${html(rt('workspace.letter.heading', lang))}</h2>
<form class="letter" method="get" action="/download/letter"><input type="hidden" name="plan" value="${html(childId)}">
<p class="meta">${html(rt('workspace.letter.hint', lang))}</p>
${field('superior', 'workspace.letter.superior')}${field('issuer', 'workspace.letter.issuer')}${field('number', 'workspace.letter.number')}${field('place', 'workspace.letter.place')}${field('title', 'workspace.letter.title')}${field('title2', 'workspace.letter.title2')}${field('signer', 'workspace.letter.signer')}
<button type="submit">${html(rt('workspace.letter.button', lang))}</button></form>`;
}

/** The upload's progress page, sent in pieces as the work goes: its head, a line per file, its end. */
export function progressHead(c: Chrome, n: number): string {
  const full = shell(c, rt('workspace.upload.heading', c.lang), `<h1>${html(rt('workspace.upload.heading', c.lang))}</h1>\n<p>${html(rt('workspace.progress.start', c.lang, { n }))}</p>\n<ol class="progress">\n@@BODY@@`);
  return full.slice(0, full.indexOf('@@BODY@@'));
}

export function progressLine(c: Chrome, done: number, total: number, name: string, status: string): string {
  return `<li data-done="${done}">${html(rt('workspace.progress', c.lang, { done, total, name }))} — ${html(status)}</li>\n`;
}

export function progressEnd(c: Chrome): string {
  return `</ol>\n<p><a href="/" id="done">${html(rt('workspace.progress.done', c.lang))}</a></p>\n</body>\n</html>\n`;
}

