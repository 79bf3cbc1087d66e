/**
 * The catalogue of bad documents (issue 16: nothing lost, nothing overwritten, no input that
 * hangs or crashes it), run through the built bin as a user runs it (dist/bundle/cli.js, built
 * by `npm test`), in a child process: a V8 abort or an endless read must not take the test
 * runner down, and what the process itself prints is seen. Each row is one input and what the
 * program must answer:
 * - `refused`: exit 2, nothing on stdout, and on stderr exactly the listed line (one line, naming
 *   the file), then for `check` its one-line summary;
 * - `imported`: the document imports (exit 0, or 1 when the plan cannot be checked as it stands)
 *   and its YAML is printed.
 * No run may print a stack trace, an "internal error" or a V8 fatal error. The inputs are made at
 * test time in a temporary directory: /dev/zero and a .txt link to it, a zip bomb whose headers
 * lie about its size, Word files with a DTD, broken or nested XML, texts of thousands of
 * paragraphs. The run times are not asserted (the bench measures them), only the outcome: the
 * old importer read /dev/zero until memory ran out, spent minutes on the long texts and died of
 * a V8 out-of-memory abort on the bomb.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planText } from '../../tools/bench/plan-text.js';
import { ROOT } from '../import/helpers.js';
import { manyEntriesDocx, zipBombDocx } from '../helpers/zip-bomb.js';

const BIN = join(ROOT, 'dist/bundle/cli.js');
const PLANS = join(ROOT, 'plans');
/** Generated inputs live here (a real path: messages name the paths given). */
const TMP = mkdtempSync(join(realpathSync(tmpdir()), 'kehoach-import-catalogue-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const at = (name: string): string => join(TMP, name);

interface Run {
  code: number;
  out: string;
  err: string;
}

function kehoach(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: TMP, timeout: 120_000, maxBuffer: 1 << 28, env: { ...process.env, KEHOACH_CACHE_DIR: at('.cache'), NO_COLOR: '1', KEHOACH_LANG: 'en' } });
  return { code: r.status ?? (r.signal ? 128 : -1), out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? `\n(spawn: ${r.error.message})` : ''}` };
}

function noCrash(r: Run): void {
  expect(r.err, 'a stack trace').not.toMatch(/^\s+at /m);
  expect(r.err, 'an internal error or a V8 abort').not.toMatch(/internal error|FATAL ERROR|Maximum call stack|heap out of memory|\(spawn:/);
}

// ---------------------------------------------------------------------------------------
// Inputs, made at test time.

const DOC_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A .docx whose word/document.xml is `xml`. */
async function docxWith(xml: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  z.file('word/document.xml', xml);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const paragraph = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const body = (inner: string, prolog = ''): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document ${DOC_NS}><w:body>${inner}</w:body></w:document>`;

const INPUTS: Record<string, () => Promise<void> | void> = {
  'zero.txt': () => symlinkSync('/dev/zero', at('zero.txt')),
  'plan-4500.txt': () => writeFileSync(at('plan-4500.txt'), planText(4500).text),
  'plan-2mb.txt': () => writeFileSync(at('plan-2mb.txt'), planText(30_000).text),
  'one-paragraph.txt': () =>
    writeFileSync(at('one-paragraph.txt'), `ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nKẾ HOẠCH\nTriển khai thi hành Luật\nII. NỘI DUNG\n1. Tổ chức ${'các cơ quan, đơn vị thực hiện '.repeat(100_000)}\n`),
  'dashes.txt': () => writeFileSync(at('dashes.txt'), `KẾ HOẠCH\nTriển khai\nII. NỘI DUNG\n1. Tổ chức\n${'- '.repeat(200_000)}x\n`),
  'eleven-million.txt': () => writeFileSync(at('eleven-million.txt'), `KẾ HOẠCH\nTriển khai\n${`${'x'.repeat(99)}\n`.repeat(110_000)}`),
  'bomb.docx': async () => writeFileSync(at('bomb.docx'), await zipBombDocx(400, true)),
  'bomb-honest.docx': async () => writeFileSync(at('bomb-honest.docx'), await zipBombDocx(100, false)),
  'many-files.docx': () => writeFileSync(at('many-files.docx'), manyEntriesDocx(6000)),
  'dtd.docx': async () =>
    writeFileSync(at('dtd.docx'), await docxWith(body(paragraph('&b;'), '<!DOCTYPE w:document [<!ENTITY a "KẾ HOẠCH KẾ HOẠCH"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'))),
  'malformed.docx': async () => writeFileSync(at('malformed.docx'), await docxWith(body('<w:p><w:r><w:t>KẾ HOẠCH</w:p>'))),
  'nested.docx': async () => writeFileSync(at('nested.docx'), await docxWith(body(`${'<w:sdt><w:sdtContent>'.repeat(5000)}${paragraph('x')}${'</w:sdtContent></w:sdt>'.repeat(5000)}`))),
  'list-at-infinity.docx': async () => {
    // A list restarted at 1e999 (Infinity) in upper Roman numerals, and one at a billion in letters.
    const z = new JSZip();
    z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    const lvl = (fmt: string): string => `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl>`;
    z.file(
      'word/numbering.xml',
      `<?xml version="1.0"?><w:numbering ${DOC_NS}><w:abstractNum w:abstractNumId="0">${lvl('upperRoman')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl('lowerLetter')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1e999"/></w:lvlOverride></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1000000000"/></w:lvlOverride></w:num></w:numbering>`,
    );
    const listed = (numId: number, t: string): string => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    z.file('word/document.xml', body(`${paragraph('KẾ HOẠCH')}${paragraph('Triển khai thi hành Luật')}${listed(1, 'NỘI DUNG')}${listed(2, 'Sở Nội vụ tổ chức tập huấn')}`));
    writeFileSync(at('list-at-infinity.docx'), await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  },
  'garbage.pdf': () => writeFileSync(at('garbage.pdf'), Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000))),
};

beforeAll(async () => {
  for (const [name, make] of Object.entries(INPUTS)) if (!existsSync(at(name))) await make();
}, 120_000);

// ---------------------------------------------------------------------------------------
// The catalogue.

interface Row {
  id: string;
  covers: string;
  args: () => string[];
  expect: { refused: RegExp | string } | { imported: 0 | 1; tasks?: number };
}

const importOf = (name: string, ...extra: string[]): (() => string[]) => () => ['import', at(name), '--plans', PLANS, ...extra];
const checkOf = (name: string, ...extra: string[]): (() => string[]) => () => ['check', at(name), '--plans', PLANS, '--format', 'json', '--no-cache', ...extra];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const line = (file: string, message: string): RegExp => new RegExp(`^${escape(file)}: error: ${message}$`);

const CATALOGUE: Row[] = [
  { id: 'dev-zero', covers: '/dev/zero as import input', args: () => ['import', '/dev/zero', '--plans', PLANS], expect: { refused: line('/dev/zero', 'unsupported file type "\\(none\\)": import a \\.txt, \\.md, \\.docx, \\.pdf file') } },
  {
    id: 'dev-zero-txt',
    covers: '/dev/zero as a .txt symlink',
    args: importOf('zero.txt'),
    expect: { refused: line(at('zero.txt'), 'more than 100 MB were read from it \\(it is not a regular file\\), over the 100 MB limit for documents \\(raise it with --max-file-size <MB>\\)') },
  },
  {
    id: 'dev-zero-txt-limit',
    covers: '/dev/zero as a .txt symlink, --max-file-size 1',
    args: importOf('zero.txt', '--max-file-size', '1'),
    expect: { refused: line(at('zero.txt'), 'more than 1 MB were read from it \\(it is not a regular file\\), over the 1 MB limit for documents \\(raise it with --max-file-size <MB>\\)') },
  },
  {
    id: 'dev-zero-check',
    covers: '/dev/zero as a .txt symlink given to check',
    args: checkOf('zero.txt', '--max-file-size', '2'),
    expect: { refused: new RegExp(`^${escape(at('zero.txt'))}:1:1: error: more than 2 MB were read from it \\(it is not a regular file\\), over the 2 MB limit for documents .*\\[too-large\\]$`) },
  },
  { id: 'plan-4500', covers: 'a generated text of 4,500 paragraphs', args: importOf('plan-4500.txt'), expect: { imported: 0, tasks: planText(4500).tasks } },
  { id: 'plan-2mb', covers: 'a generated text of 2 MB (30,000 paragraphs)', args: importOf('plan-2mb.txt'), expect: { imported: 0, tasks: planText(30_000).tasks } },
  { id: 'one-paragraph', covers: 'one paragraph of 3 MB', args: importOf('one-paragraph.txt'), expect: { imported: 1, tasks: 1 } },
  { id: 'dashes', covers: 'a line of 200,000 dashes (it overflowed the stack)', args: importOf('dashes.txt'), expect: { imported: 1, tasks: 1 } },
  {
    id: 'eleven-million',
    covers: 'a text of 11 million characters',
    args: importOf('eleven-million.txt'),
    expect: { refused: new RegExp(`^${escape(at('eleven-million.txt'))}:1: error: the text is 11 million characters long, more than a plan can be \\(at most 10 million are imported\\)$`) },
  },
  {
    id: 'zip-bomb',
    covers: 'a zip bomb .docx whose headers lie (1 MB unpacking to 400 MB)',
    args: importOf('bomb.docx'),
    expect: { refused: line(at('bomb.docx'), "cannot read this Word file: word/document\\.xml unpacks to more than 20 MB, more than a plan's text can be \\(a zip bomb\\?\\)") },
  },
  {
    id: 'zip-bomb-honest',
    covers: 'a zip bomb .docx that declares its size',
    args: importOf('bomb-honest.docx'),
    expect: { refused: line(at('bomb-honest.docx'), "cannot read this Word file: word/document\\.xml unpacks to more than 20 MB, more than a plan's text can be \\(a zip bomb\\?\\)") },
  },
  {
    id: 'zip-bomb-check',
    covers: 'a zip bomb .docx given to check',
    args: checkOf('bomb.docx'),
    expect: { refused: new RegExp(`^${escape(at('bomb.docx'))}:1:1: error: cannot read this Word file: word/document\\.xml unpacks to more than 20 MB.* \\[unreadable\\]$`) },
  },
  {
    id: 'many-files',
    covers: 'a .docx of 6,000 files',
    args: importOf('many-files.docx'),
    expect: { refused: line(at('many-files.docx'), 'cannot read this Word file: the package holds more than 5,000 files \\(a Word document holds a few dozen\\)') },
  },
  {
    id: 'dtd',
    covers: 'a .docx with DTD entities',
    args: importOf('dtd.docx'),
    expect: { refused: line(at('dtd.docx'), 'cannot read this Word file: word/document\\.xml declares a DTD \\(<!DOCTYPE …>\\), which Word never writes: refused') },
  },
  { id: 'malformed', covers: 'a .docx whose XML is not well-formed', args: importOf('malformed.docx'), expect: { refused: line(at('malformed.docx'), 'cannot read this Word file: word/document\\.xml is not well-formed XML: .+') } },
  {
    id: 'nested',
    covers: 'a .docx with content controls nested 5,000 deep',
    args: importOf('nested.docx'),
    expect: { refused: line(at('nested.docx'), 'cannot read this Word file: its XML nests containers more than 100 deep, which Word does not write') },
  },
  { id: 'list-at-infinity', covers: 'a .docx whose list starts at 1e999 (Roman numerals: the loop never ended)', args: importOf('list-at-infinity.docx'), expect: { imported: 1 } },
  { id: 'garbage-pdf', covers: 'a .pdf that is not one', args: importOf('garbage.pdf'), expect: { refused: line(at('garbage.pdf'), 'cannot read this PDF: .+') } },
];

describe('catalogue of bad documents, through the built bin', () => {
  beforeAll(() => expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true));

  it('covers every input the issue names', () => {
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    for (const n of ['/dev/zero as import input', '/dev/zero as a .txt symlink', 'a generated text of 4,500 paragraphs', 'a zip bomb .docx', 'a .docx with DTD entities']) {
      expect(CATALOGUE.some((r) => r.covers.startsWith(n)), n).toBe(true);
    }
  });

  for (const row of CATALOGUE) {
    it(`${row.id} (${row.covers})`, () => {
      const args = row.args();
      const r = kehoach(args);
      noCrash(r);
      const lines = r.err.split('\n').filter(Boolean);
      if ('refused' in row.expect) {
        expect(r.code, r.err).toBe(2);
        expect(r.out).toBe('');
        const want = row.expect.refused;
        expect(lines[0]).toMatch(typeof want === 'string' ? new RegExp(`^${escape(want)}$`) : want);
        // import: the one line; check: the located line and its summary.
        expect(lines.slice(1), 'other stderr lines').toEqual(args[0] === 'check' ? ['kehoach: 1 load error; nothing was checked'] : []);
      } else {
        expect(r.code, r.err.slice(0, 2000)).toBe(row.expect.imported);
        expect(r.out).toMatch(/^# yaml-language-server/);
        if (row.expect.tasks !== undefined) expect(r.err).toMatch(new RegExp(`^tasks found: ${row.expect.tasks}\\b`, 'm'));
        expect(r.err).not.toMatch(/ error: /);
      }
    }, 180_000);
  }
});
