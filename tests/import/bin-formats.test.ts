/**
 * Every seed in every form plans travel in, made by the real tools (tests/helpers/office.ts):
 * the text itself, a .docx with the numbering typed (LibreOffice), a .docx numbered by Word's
 * own lists (pandoc writes numbering.xml), a .docx with the tasks of section II in a table
 * (LibreOffice), a PDF printed by Chromium with page numbers and one written by pdfkit with a
 * running header. Each is imported through the built bin, as a user runs it, and must give the
 * curated plan's task keys, agencies and deadline texts (tests/import/compare.ts), with only the
 * differences listed in INTENDED (tests/import/intended.ts) and here, each with its reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan } from '../../src/core/model/plan.js';
import { readDocx } from '../../src/core/import/docx.js';
import { chromiumPdfs, FORMATS, renderAll, sofficeHtmlToDocx, type Format, type Rendered } from '../helpers/office.js';
import { compareTasks } from './compare.js';
import { curated, rewrap, ROOT, SEEDS, seedText } from './helpers.js';
import { INTENDED } from './intended.js';

const BIN = join(ROOT, 'dist/bundle/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-bin-formats-'));

/**
 * A seed as a word processor holds it: one paragraph a line, without the markdown some seeds
 * carry ("**" bold, "- a)" list marks, escapes), which no Word or PDF file has.
 */
export function plainParagraphs(seed: string): string {
  return rewrap(seedText(seed), 100_000)
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').replace(/^#+\s*/, '').replace(/^-\s+(?=(?:[a-zđ][.)]|\+)\s)/u, '').replace(/\\([.\-+*_#()[\]!>])/g, '$1').trim())
    .filter(Boolean)
    .join('\n');
}

function kehoach(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, KEHOACH_LANG: 'en' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => done({ code: code ?? -1, out, err }));
  });
}

/**
 * What a form changes by its nature, by seed and format, with the reason: `keys` maps the keys
 * the form gives to the curated keys they stand for.
 */
const FORM_INTENDED: Partial<Record<string, Partial<Record<Format, { keys: Record<string, string>; why: string }>>>> = {
  '000_25e4ce0a9e6b60bb.txt': {
    'docx-list': {
      keys: { 'II.1.e': 'II.1.d-2', 'II.1.f': 'II.1.e' },
      why: 'Thái Nguyên prints "d)" twice; a list numbered by Word cannot (its counter gives d, e, f), so the second d) and the e) are e) and f) as Word prints them',
    },
  },
};

/** The plan with its keys renamed as FORM_INTENDED says. */
function rekeyed(plan: Plan, keys: Record<string, string> | undefined): Plan {
  if (!keys) return plan;
  return { ...plan, tasks: plan.tasks.map((t) => ({ ...t, key: keys[t.key] ?? t.key })) };
}

let rendered: Rendered[];
const imported = new Map<string, { code: number; err: string; plan: Plan | null }>();
let reference: Awaited<ReturnType<typeof curated>>;

beforeAll(async () => {
  expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
  reference = await curated();
  rendered = await renderAll(SEEDS.map((s) => ({ name: s.replace(/\.txt$/, ''), text: plainParagraphs(s) })), dir);
  // Two at a time: the CI has two cores.
  const queue = [...rendered];
  await Promise.all(
    [0, 1].map(async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const res = await kehoach(['import', r.file, '--plans', join(ROOT, 'plans')]);
        let plan: Plan | null = null;
        try {
          plan = parse(res.out) as Plan;
        } catch {
          plan = null;
        }
        imported.set(`${r.plan}/${r.format}`, { code: res.code, err: res.err, plan });
      }
    }),
  );
}, 600_000);

describe.each(SEEDS)('%s through the bin', (seed) => {
  const name = seed.replace(/\.txt$/, '');
  it.each([...FORMATS])('%s imports with the curated keys, agencies and deadlines', (format) => {
    const r = imported.get(`${name}/${format}`);
    expect(r, `${name}/${format} was rendered and imported`).toBeDefined();
    expect(r!.err).not.toMatch(/\n\s+at |internal error/);
    expect(r!.plan, r!.err).not.toBeNull();
    const curatedPlan = reference.bySource.get(seed)!;
    const allowed = INTENDED[seed] ?? [];
    const plan = rekeyed(r!.plan!, FORM_INTENDED[seed]?.[format]?.keys);
    const diffs = compareTasks(plan, curatedPlan).filter((d) => !allowed.some((a) => a.task === d.task && a.field === d.field));
    expect(diffs, `${name}/${format}:\n${r!.err}`).toEqual([]);
    expect(parentsOf(r!.plan!)).toEqual(parentsOf(curatedPlan));
  });
});

const parentsOf = (p: Plan): string[] => (p.basedOn ?? []).filter((b): b is string => typeof b === 'string');

describe('the renderers made what they claim', () => {
  it('the list-numbered .docx carries its numbering in numbering.xml, not in the text', async () => {
    const JSZip = (await import('jszip')).default;
    const docx = rendered.find((r) => r.format === 'docx-list')!;
    const zip = await JSZip.loadAsync(readFileSync(docx.file));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(await zip.file('word/numbering.xml')!.async('string')).toMatch(/upperRoman/);
    expect(body).toMatch(/<w:numPr>/);
    expect(body).not.toMatch(/<w:t[^>]*>II\. /);
  });

  it('the table .docx holds a table whose header names the columns', async () => {
    const JSZip = (await import('jszip')).default;
    const docx = rendered.find((r) => r.format === 'docx-table')!;
    const body = await (await JSZip.loadAsync(readFileSync(docx.file))).file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:tbl>/);
    expect(body).toMatch(/Cơ quan chủ trì/);
  });
});

describe('Word list numbers, as LibreOffice prints them', () => {
  /** LibreOffice's own text export indents list paragraphs and writes their labels: an independent reading. */
  function officeLabels(docx: string): string[] {
    const out = join(dir, 'lo-text');
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, docx], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    const text = readFileSync(join(out, basename(docx).replace(/\.docx$/, '.txt')), 'utf8');
    return text
      .split('\n')
      .map((l) => /^\s+(•|[-+]|(?:[IVXLC]+|\d+|[a-z]+)[.)])(?=\s)/u.exec(l)?.[1])
      .filter((l): l is string => l !== undefined)
      .map((l) => (l === '•' || l === '-' || l === '+' ? '•' : l));
  }
  async function ourLabels(docx: string): Promise<string[]> {
    const blocks = await readDocx(readFileSync(docx));
    return blocks.flatMap((b) => (b.kind === 'p' && b.label && b.text ? [b.label === '-' || b.label === '+' ? '•' : b.label] : []));
  }

  // Numbers only: pandoc's paragraphs inside a list item carry a blank bullet (lvlText " "), which
  // Word shows as nothing and LibreOffice's text export as "•"; their dashes are typed.
  it.each(SEEDS)('%s: the pandoc list .docx', async (seed) => {
    const docx = rendered.find((r) => r.format === 'docx-list' && r.plan === seed.replace(/\.txt$/, ''))!.file;
    const numbers = (ls: string[]): string[] => ls.filter((l) => l !== '•');
    expect(numbers(await ourLabels(docx))).toEqual(numbers(officeLabels(docx)));
  });

  it('LibreOffice\'s own nested lists (roman, decimal, letters, bullets, a list restarted) read as it prints them, and import', async () => {
    const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>
<p>KẾ HOẠCH</p><p>Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Bỉm Sơn</p>
<p>Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa, UBND thị xã Bỉm Sơn ban hành Kế hoạch như sau:</p>
<ol type="I"><li>MỤC ĐÍCH, YÊU CẦU<ol><li>Mục đích</li><li>Yêu cầu</li></ol></li>
<li>NỘI DUNG<ol><li>Tổ chức quán triệt<ol type="a">
<li>Tổ chức Hội nghị quán triệt Luật<ul><li>Cơ quan chủ trì: Phòng Nội vụ.</li><li>Thời gian thực hiện: Quý III năm 2023.</li></ul></li>
<li>Tổ chức tuyên truyền Luật<ul><li>Cơ quan chủ trì: Phòng Văn hóa và Thông tin.</li><li>Thời gian thực hiện: Thường xuyên.</li></ul></li></ol></li>
<li>Tổ chức rà soát văn bản quy phạm pháp luật<ul><li>Cơ quan chủ trì: Phòng Tư pháp.</li><li>Thời gian hoàn thành: Tháng 10 năm 2023.</li></ul></li></ol></li></ol>
<p>III. TỔ CHỨC THỰC HIỆN</p>
<ol><li>Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện Kế hoạch.</li><li>Phòng Nội vụ theo dõi, báo cáo kết quả thực hiện.</li></ol>
<p>Trên đây là Kế hoạch.</p></body></html>\n`;
    const file = join(dir, 'lo-lists.html');
    writeFileSync(file, html);
    const [docx] = sofficeHtmlToDocx([file], dir);
    const ours = await ourLabels(docx!);
    expect(ours).toEqual(officeLabels(docx!));
    // The list under the typed "III." starts again at 1 (LibreOffice prints it so; so do we).
    expect(ours.slice(-2)).toEqual(['1.', '2.']);
    const res = await kehoach(['import', docx!, '--plans', join(ROOT, 'plans')]);
    expect(res.err).toContain('tasks found: 5 (II.1.a, II.1.b, II.2, III.1, III.2)');
    const plan = parse(res.out) as Plan;
    expect(plan.tasks.map((t) => [t.key, t.lead, t.deadline])).toEqual([
      ['II.1.a', ['Phòng Nội vụ'], 'Quý III năm 2023'],
      ['II.1.b', ['Phòng Văn hóa và Thông tin'], 'Thường xuyên'],
      ['II.2', ['Phòng Tư pháp'], 'Tháng 10 năm 2023'],
      ['III.1', undefined, undefined],
      ['III.2', undefined, undefined],
    ]);
    expect(plan.tasks.slice(3).map((t) => t.implement)).toEqual([['Phòng Tài chính - Kế hoạch'], ['Phòng Nội vụ']]);
  });
});

describe('a PDF whose tasks stand in a table', () => {
  it('is recognised and reported, and the import fails with the reason instead of passing with what it read', async () => {
    const pdf = rendered.find((r) => r.format === 'pdf-chromium' && r.plan === '002_e36d209b1b3f8de2')!;
    const tablePdf = join(dir, 'bim-son-table.pdf');
    await chromiumPdfs([{ html: readFileSync(pdf.file.replace(/-chromium\.pdf$/, '-table.html'), 'utf8'), outFile: tablePdf }]);
    const r = await kehoach(['import', tablePdf, '--plans', join(ROOT, 'plans')]);
    expect(r.err).toMatch(/bim-son-table\.pdf:\d+: warning: the tasks stand in a table here, whose rows cannot be read from a PDF/);
    expect(r.err).toMatch(/kehoach import: the tasks in the table at line \d+ were not read .*import the Word \(\.docx\) file/);
    expect(r.code).toBe(1);
  });
});

describe('a task table in an appendix, with merged cells (LibreOffice)', () => {
  it('reads section rows, a lead merged down over two rows, a row of column numbers, and keys the tasks PL', async () => {
    const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>
<p>ỦY BAN NHÂN DÂN</p><p>THỊ XÃ BỈM SƠN</p>
<p>KẾ HOẠCH</p><p>Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Bỉm Sơn</p>
<p>Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa, UBND thị xã Bỉm Sơn ban hành Kế hoạch như sau:</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p><p>1. Mục đích</p><p>Triển khai kịp thời, đồng bộ.</p>
<p>II. NỘI DUNG</p><p>Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.</p>
<p>Trên đây là Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã.</p>
<p>Nơi nhận:</p><p>- UBND tỉnh (b/c);</p><p>- Lưu: VT.</p><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p>
<p>PHỤ LỤC</p><p>NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ</p><p>(Kèm theo Kế hoạch của UBND thị xã Bỉm Sơn)</p>
<table border="1">
<tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th><th>Sản phẩm</th></tr>
<tr><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td><td>(6)</td></tr>
<tr><td>I</td><td colspan="5">Tuyên truyền, phổ biến Luật</td></tr>
<tr><td>1</td><td>Tổ chức Hội nghị quán triệt, phổ biến Luật</td><td rowspan="2">Phòng Nội vụ</td><td>Phòng Tư pháp</td><td>Quý III năm 2023</td><td>Hội nghị</td></tr>
<tr><td>2</td><td><p>Tổ chức tập huấn chuyên sâu về Luật</p><p>+ Đề nghị Ủy ban Mặt trận Tổ quốc thị xã tổ chức tập huấn cho cán bộ Mặt trận.</p></td><td>Ủy ban nhân dân các phường, xã</td><td>Quý IV năm 2023</td><td>Lớp tập huấn</td></tr>
<tr><td>II</td><td colspan="5">Rà soát văn bản</td></tr>
<tr><td>1</td><td>Rà soát các văn bản quy phạm pháp luật liên quan đến thực hiện dân chủ ở cơ sở</td><td>Phòng Tư pháp</td><td>Các cơ quan, đơn vị liên quan</td><td>Tháng 10 năm 2023</td><td>Báo cáo</td></tr>
</table></body></html>\n`;
    const file = join(dir, 'appendix.html');
    writeFileSync(file, html);
    const [docx] = sofficeHtmlToDocx([file], dir);
    const body = await (await (await import('jszip')).default.loadAsync(readFileSync(docx!))).file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:vMerge/); // LibreOffice wrote the rowspan as Word's vertical merge
    const res = await kehoach(['import', docx!, '--plans', join(ROOT, 'plans')]);
    expect(res.code, res.err).toBe(0);
    expect(res.err).toMatch(/tasks read from the table at line \d+/);
    const plan = parse(res.out) as Plan;
    expect(plan.tasks.map((t) => [t.key, t.lead, t.coordinate, t.deadline, t.deadlineKind])).toEqual([
      ['PL.I.1', ['Phòng Nội vụ'], ['Phòng Tư pháp'], 'Quý III năm 2023', 'completion'],
      ['PL.I.2', ['Phòng Nội vụ'], ['Ủy ban nhân dân các phường, xã'], 'Quý IV năm 2023', 'completion'],
      ['PL.II.1', ['Phòng Tư pháp'], ['Các cơ quan, đơn vị liên quan'], 'Tháng 10 năm 2023', 'completion'],
    ]);
    expect(plan.tasks[1]!.duties).toEqual([expect.objectContaining({ owner: 'Ủy ban Mặt trận Tổ quốc thị xã', request: true })]);
    expect(plan.tasks[1]!.details).toBe('Sản phẩm: Lớp tập huấn');
  });
});
