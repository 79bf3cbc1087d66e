/**
 * Renders a plan's source text (typed numbering, one paragraph a line: the evaluation set's
 * eval/*.txt, or a seed's paragraphs) into the forms plans travel in, by real tools:
 *   txt           the source itself
 *   docx-typed    LibreOffice from HTML paragraphs (the numbering typed in the text)
 *   docx-list     pandoc from markdown with fancy lists: "I.", "1.", "a)" / "a." are Word list
 *                 numbering (numbering.xml), not text; the "-" and "+" lines stay typed
 *   docx-table    LibreOffice from HTML: the tasks of section II in a table
 *                 STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện
 *   pdf-chromium  Chromium's print to PDF (playwright-core), page numbers in the footer
 *   pdf-pdfkit    pdfkit (tests/import/build-docs.ts pdfOf), running header and page numbers
 * A missing binary (soffice, pandoc, chromium) throws: a test or the evaluation fails, it never
 * skips (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pdfOf } from '../import/build-docs.js';

export const FORMATS = ['txt', 'docx-typed', 'docx-list', 'docx-table', 'pdf-chromium', 'pdf-pdfkit'] as const;
export type Format = (typeof FORMATS)[number];
export const EXT: Record<Format, string> = {
  txt: 'txt',
  'docx-typed': 'docx',
  'docx-list': 'docx',
  'docx-table': 'docx',
  'pdf-chromium': 'pdf',
  'pdf-pdfkit': 'pdf',
};

// ------------------------------------------------------------------ structure of a source text

export interface Item {
  depth: 0 | 1 | 2; // 0 Roman section, 1 "1.", 2 "a)" / "a."
  label: string; // "II", "1", "a"
  delim: '.' | ')';
  text: string; // the heading text after the marker
  body: string[]; // following lines that carry no number ("- …", "+ …", prose)
  children: Item[];
}

export interface Doc {
  head: string[]; // before "I."
  sections: Item[];
  tail: string[]; // from "Trên đây …" on
}

const ROMAN = /^(I|II|III|IV|V|VI)\.\s+(.*)$/;
const NUM = /^(\d+)\.\s+(.*)$/;
const LET = /^([a-zđ])([.)])\s+(.*)$/;

export function parseSource(text: string): Doc {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const doc: Doc = { head: [], sections: [], tail: [] };
  let i = 0;
  while (i < lines.length && !ROMAN.test(lines[i]!)) doc.head.push(lines[i++]!);
  let sec: Item | undefined;
  let num: Item | undefined;
  let let_: Item | undefined;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^Trên đây/.test(l)) {
      doc.tail = lines.slice(i);
      break;
    }
    let m: RegExpMatchArray | null;
    if ((m = l.match(ROMAN))) {
      sec = { depth: 0, label: m[1]!, delim: '.', text: m[2]!, body: [], children: [] };
      doc.sections.push(sec);
      num = let_ = undefined;
    } else if ((m = l.match(NUM)) && sec) {
      num = { depth: 1, label: m[1]!, delim: '.', text: m[2]!, body: [], children: [] };
      sec.children.push(num);
      let_ = undefined;
    } else if ((m = l.match(LET)) && num) {
      let_ = { depth: 2, label: m[1]!, delim: m[2] as '.' | ')', text: m[3]!, body: [], children: [] };
      num.children.push(let_);
    } else (let_ ?? num ?? sec)!.body.push(l);
  }
  return doc;
}

/** The source again, as typed text: one paragraph a line, the numbering in the text. */
export function typedLines(doc: Doc): string[] {
  const out = [...doc.head];
  const walk = (it: Item): void => {
    out.push(`${it.label}${it.delim} ${it.text}`, ...it.body);
    it.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return [...out, ...doc.tail];
}

// ------------------------------------------------------------------ HTML and markdown

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (s: string): string => `<p>${esc(s)}</p>`;

function htmlPage(body: string, css = ''): string {
  return `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title><style>
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 13pt; }
p { margin: 0 0 6pt 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 3pt; vertical-align: top; font-size: 11pt; }
${css}</style></head><body>
${body}
</body></html>\n`;
}

export function typedHtml(doc: Doc): string {
  return htmlPage(typedLines(doc).map(p).join('\n'));
}

/** Fields of a task: "- Cơ quan chủ trì: …" or, in Cần Thơ's layout, lettered "a) Cơ quan chủ trì: …". */
const FIELD = /^(?:-\s*)?(Cơ quan (?:chủ trì|thực hiện|phối hợp)|Thời gian(?: thực hiện| hoàn thành)?|Thời hạn)\s*:\s*(.*)$/i;

interface Row {
  stt: string;
  content: string[];
  lead: string;
  implement: string;
  coordinate: string;
  when: string;
}

function rowOf(stt: string, title: string, lines: string[]): Row {
  const row: Row = { stt, content: [title], lead: '', implement: '', coordinate: '', when: '' };
  for (const l of lines) {
    const m = l.match(FIELD);
    // A label with its value on the lines below ("- Cơ quan thực hiện:" then "+" duties) stays in the content.
    if (!m || !m[2]!.trim()) {
      row.content.push(l);
      continue;
    }
    const label = m[1]!.toLowerCase();
    const value = m[2]!.replace(/\.$/, '');
    if (label.includes('phối hợp')) row.coordinate = value;
    else if (label.includes('chủ trì')) row.lead = value;
    else if (label.startsWith('cơ quan')) row.implement = value;
    else row.when = value;
  }
  return row;
}

const isFieldItem = (it: Item): boolean => FIELD.test(it.text);
const CUT = /^\[\s*(\.\.\.|…)\s*\]$/;

/**
 * Section II as a table (STT | Nội dung công việc | Cơ quan chủ trì | [Cơ quan thực hiện, when a
 * task names one] | Cơ quan phối hợp | Thời gian thực hiện); the other sections as typed paragraphs.
 */
export function tableHtml(doc: Doc): string {
  const parts = doc.head.map(p);
  for (const sec of doc.sections) {
    parts.push(p(`${sec.label}. ${sec.text}`), ...sec.body.map(p));
    if (sec.label !== 'II') {
      const walk = (it: Item): void => {
        parts.push(p(`${it.label}${it.delim} ${it.text}`), ...it.body.map(p));
        it.children.forEach(walk);
      };
      sec.children.forEach(walk);
      continue;
    }
    const rows: Row[] = [];
    const heads: [number, string, string][] = [];
    for (const num of sec.children) {
      const taskChildren = num.children.filter((c) => !isFieldItem(c));
      if (taskChildren.length > 0) {
        // A heading row for the group, then one row per lettered task.
        heads.push([rows.length, num.label, num.text]);
        for (const c of num.children) rows.push(rowOf(c.label, c.text, c.body));
      } else {
        // One task: its fields are dash lines or lettered "a) Cơ quan chủ trì: …" lines.
        const fields = [...num.body, ...num.children.map((c) => c.text)];
        rows.push(rowOf(num.label, num.text, fields));
      }
    }
    const withImplement = rows.some((r) => r.implement);
    const cols = withImplement ? 6 : 5;
    const tr = (r: Row): string =>
      `<tr><td>${esc(r.stt)}</td><td>${r.content.map(p).join('')}</td><td>${p(r.lead)}</td>${withImplement ? `<td>${p(r.implement)}</td>` : ''}<td>${p(r.coordinate)}</td><td>${p(r.when)}</td></tr>`;
    const html: string[] = [
      `<tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th>${withImplement ? '<th>Cơ quan thực hiện</th>' : ''}<th>Cơ quan phối hợp</th><th>Thời gian thực hiện</th></tr>`,
    ];
    // A cut-off text ("[...]" inside a task) ends the table there; the mark follows it.
    const cutAt = rows.findIndex((r) => r.content.some((c) => CUT.test(c)));
    if (cutAt >= 0) rows[cutAt]!.content = rows[cutAt]!.content.filter((c) => !CUT.test(c));
    rows.slice(0, cutAt >= 0 ? cutAt + 1 : rows.length).forEach((r, i) => {
      for (const [at, label, text] of heads) if (at === i) html.push(`<tr><td><b>${esc(label)}</b></td><td colspan="${cols - 1}"><b>${esc(text)}</b></td></tr>`);
      html.push(tr(r));
    });
    parts.push(`<table>\n${html.join('\n')}\n</table>`);
    if (cutAt >= 0) parts.push(p('[...]'));
  }
  parts.push(...doc.tail.map(p));
  return htmlPage(parts.join('\n'));
}

/** Markdown for pandoc: the numbered items as fancy lists, everything else as escaped paragraphs. */
export function listMarkdown(doc: Doc): string {
  const escMd = (s: string): string =>
    s.replace(/([\\`*_[\]<>#|~^])/g, '\\$1').replace(/^([-+])/, '\\$1').replace(/^(\d+)\./, '$1\\.').replace(/^([a-zA-Z]{1,4})([.)])(\s)/, '$1\\$2$3').replace(/^\(/, '\\(');
  const out: string[] = doc.head.map(escMd);
  const walk = (it: Item, indent: string): void => {
    // "I." needs two spaces after it, or pandoc reads an initial.
    const marker = it.depth === 0 ? `${it.label}.  ` : `${it.label}${it.delim} `;
    out.push(`${indent}${marker}${escMd(it.text)}`);
    // Continuation blocks start at the item's content column (deeper would be a code block).
    const inner = indent + ' '.repeat(marker.length);
    for (const b of it.body) out.push(`${inner}${escMd(b)}`);
    for (const c of it.children) walk(c, inner);
  };
  doc.sections.forEach((s) => walk(s, ''));
  out.push(...doc.tail.map(escMd));
  return out.join('\n\n') + '\n';
}

// ------------------------------------------------------------------ the tools

function run(cmd: string, args: string[], timeout = 180_000): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message} (install it: .ci/run installs what the tests use)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

/** LibreOffice converts HTML files (Writer's HTML filter) to .docx, all in one run. */
export function sofficeHtmlToDocx(htmlFiles: string[], outDir: string): string[] {
  run('soffice', [
    '--headless',
    `-env:UserInstallation=file://${join(outDir, 'lo-profile')}`,
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'docx:MS Word 2007 XML',
    '--outdir',
    outDir,
    ...htmlFiles,
  ]);
  return htmlFiles.map((f) => {
    const out = join(outDir, basename(f).replace(/\.html$/, '.docx'));
    if (!existsSync(out)) throw new Error(`soffice wrote no ${out}`);
    return out;
  });
}

export function pandocDocx(markdown: string, outFile: string): void {
  const md = outFile.replace(/\.docx$/, '.md');
  writeFileSync(md, markdown);
  run('pandoc', ['-f', 'markdown+fancy_lists+startnum-smart', '-t', 'docx', '-o', outFile, md], 60_000);
}

/** Chromium's print to PDF, A4, with "Trang N/M" in the footer; one browser for all the pages given. */
export async function chromiumPdfs(jobs: { html: string; outFile: string }[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const { html, outFile } of jobs) {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({
        path: outFile,
        format: 'A4',
        margin: { top: '20mm', bottom: '20mm', left: '25mm', right: '20mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">Trang <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------ one run

export interface Rendered {
  plan: string; // source name without .txt
  format: Format;
  file: string;
}

/** Every plan in every format, each document made once, in `dir`; sources are files or { name, text }. */
export async function renderAll(sources: (string | { name: string; text: string })[], dir: string): Promise<Rendered[]> {
  mkdirSync(dir, { recursive: true });
  const docs = sources.map((src) => (typeof src === 'string' ? { name: basename(src).replace(/\.txt$/, ''), text: readFileSync(src, 'utf8') } : src));
  const out: Rendered[] = [];
  const html: string[] = [];
  const pdfJobs: { html: string; outFile: string }[] = [];
  for (const { name, text } of docs) {
    const doc = parseSource(text);
    const txt = join(dir, `${name}.txt`);
    writeFileSync(txt, text);
    out.push({ plan: name, format: 'txt', file: txt });
    writeFileSync(join(dir, `${name}-typed.html`), typedHtml(doc));
    writeFileSync(join(dir, `${name}-table.html`), tableHtml(doc));
    html.push(join(dir, `${name}-typed.html`), join(dir, `${name}-table.html`));
    const list = join(dir, `${name}-list.docx`);
    pandocDocx(listMarkdown(doc), list);
    out.push({ plan: name, format: 'docx-list', file: list });
    const pk = join(dir, `${name}-pdfkit.pdf`);
    const header = doc.head.find((l) => /^(HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ)\s/.test(l)) ?? 'Kế hoạch';
    writeFileSync(pk, await pdfOf(typedLines(doc), { runningHeader: `Kế hoạch - Ủy ban nhân dân ${header.toLowerCase()}`, pageNumbers: true }));
    out.push({ plan: name, format: 'pdf-pdfkit', file: pk });
    const cr = join(dir, `${name}-chromium.pdf`);
    pdfJobs.push({ html: typedHtml(doc), outFile: cr });
    out.push({ plan: name, format: 'pdf-chromium', file: cr });
  }
  await chromiumPdfs(pdfJobs);
  sofficeHtmlToDocx(html, dir);
  for (const { name } of docs) {
    out.push({ plan: name, format: 'docx-typed', file: join(dir, `${name}-typed.docx`) });
    out.push({ plan: name, format: 'docx-table', file: join(dir, `${name}-table.docx`) });
  }
  const order = (r: Rendered): number => docs.findIndex((d) => d.name === r.plan) * 10 + FORMATS.indexOf(r.format);
  return out.sort((a, b) => order(a) - order(b));
}
