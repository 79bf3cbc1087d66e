/**
 * The shell of the report pages: one self-contained UTF-8 file with inline CSS, system
 * fonts only (no network), readable on a laptop and printable (reviewers attach it to their
 * letter). No script: the page is static, so nothing can run even if escaping failed.
 */
import type { Lang } from './messages.js';
import type { Mark } from './review-types.js';
import type { CellStatus } from './review-types.js';
import { html } from './escape.js';
import { rt } from './terms.js';

const CSS = `
:root { --fg: #1a1a1a; --muted: #5c5c5c; --line: #c9c9c9; --bg-head: #f2f2f2;
  --bad: #b3261e; --bad-bg: #fde7e5; --warn: #8a5300; --warn-bg: #fff1d6; --ok: #1e6b2f; --ok-bg: #e3f4e6;
  --note: #0b5394; --note-bg: #e4eef9; --none: #555; --none-bg: #ececec; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, Arial, sans-serif; color: var(--fg);
  margin: 0 auto; padding: 1.5rem; max-width: 78rem; font-size: 15px; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--bg-head); }
th[scope=row] { background: var(--bg-head); width: 9rem; font-weight: 600; }
.facts { margin: 0 0 .3rem; color: var(--muted); }
.plan { margin-bottom: .8rem; } .plan strong { color: var(--fg); }
.mark { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .85em; white-space: nowrap; margin: 0 .15rem .15rem 0; }
.bad { color: var(--bad); background: var(--bad-bg); } .warn { color: var(--warn); background: var(--warn-bg); }
.ok { color: var(--ok); background: var(--ok-bg); } .note { color: var(--note); background: var(--note-bg); }
.none { color: var(--none); background: var(--none-bg); }
.meta { color: var(--muted); font-size: .9em; margin: 0 0 .3rem; }
.dates { color: var(--muted); font-size: .9em; }
ul.findings { margin: .2rem 0 .8rem; padding-left: 1.2rem; } ul.findings li { margin: .15rem 0; }
.sev-error { color: var(--bad); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--note); } .waived { color: var(--muted); text-decoration: line-through; }
.matrix td { text-align: center; } .matrix td.task { text-align: left; }
.graph { overflow-x: auto; border: 1px solid var(--line); padding: .5rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } section.row, tr { break-inside: avoid; }
  .mark, thead th, th[scope=row] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .graph { overflow: visible; border: none; }
}`;

export const MARK_CLASS: Record<Mark, string> = {
  missing: 'bad', later: 'bad', weakened: 'bad', 'other-agency': 'warn', 'cannot-compare': 'note', 'not-carried': 'none', added: 'note', same: 'ok',
};
export const CELL_CLASS: Record<CellStatus, string> = {
  missing: 'bad', late: 'bad', weakened: 'bad', 'other-agency': 'warn', 'cannot-compare': 'note', 'not-carried': 'none', done: 'ok',
};

/** A self-contained HTML document: its language, title (escaped here), style sheet and body markup. */
export function htmlDocument(lang: Lang, title: string, style: string, body: string): string {
  const [head, tail] = documentShell(lang, title, style);
  return head + body + tail;
}

/** What comes before and after the body markup of `htmlDocument`: a page written as it is produced goes between the two. */
export function documentShell(lang: Lang, title: string, style: string): [head: string, tail: string] {
  return [
    `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kehoach">
<title>${html(title)}</title>
<style>${style}
</style>
</head>
<body>
`,
    `
</body>
</html>
`,
  ];
}

/** A whole report page. `body` is markup the formatter built (plan text already escaped). */
export function page(lang: Lang, title: string, body: string, opts: { landscape?: boolean; css?: string } = {}): string {
  const [head, tail] = pageShell(lang, title, opts);
  return head + body + tail;
}

/** `page` around a body given in pieces: the markup before the body and after it (the footer with it). */
export function pageShell(lang: Lang, title: string, opts: { landscape?: boolean; css?: string } = {}): [head: string, tail: string] {
  const size = opts.landscape ? 'A4 landscape' : 'A4';
  const [head, tail] = documentShell(lang, title, `${CSS}\n@page { size: ${size}; margin: 14mm; }${opts.css ? `\n${opts.css}` : ''}`);
  return [head, `\n<footer>${html(rt('generated', lang))}</footer>${tail}`];
}

/** Plan text inside an English page is still Vietnamese: say so for screen readers and hyphenation. */
export function planText(s: string, lang: Lang): string {
  return lang === 'vi' ? html(s) : `<span lang="vi">${html(s)}</span>`;
}
