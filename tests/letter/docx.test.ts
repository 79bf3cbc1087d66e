/**
 * The Word letter read back: its paragraphs (read by mammoth) hold the parts of a công văn in the
 * decree's order, each observation's document numbering, and no plan id, rule id, ISO date or
 * English word; the page is A4 with the decree's margins and Times New Roman is named. Then the
 * file as people open it: LibreOffice renders it to PDF (1–3 A4 pages, the Quốc hiệu and the
 * trích yếu in its text) and poppler to a PNG that is not blank.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { numberingPhrase } from '../../src/format/letter/numbering.js';
import { checked, docxPart, docxParagraphs, englishIn, forbiddenIn, idsIn } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kehoach-letter-docx-'));
const CORPUS = ['plans/national/qd-346-ttg-2023.yaml', 'plans/province/thanh-hoa-172-2023.yaml', 'plans/province/thai-nguyen-2023.yaml', 'plans/province/can-tho-2023.yaml', 'plans/province/hoa-binh-hoi-nghi-2023.yaml', 'plans/district/thanh-hoa/bim-son-2023.yaml'];
const EXAMPLES = ['examples/thanh-hoa/synthetic-an-lac-2023.yaml', 'examples/thanh-hoa/synthetic-binh-hoa-2023.yaml', 'examples/thanh-hoa/synthetic-tan-phong-2023.yaml'];

interface Case {
  name: string;
  child: string;
  id: string;
  files: string[];
  province: string;
  recipient: string;
  subject: string;
}
const CASES: Case[] = [
  { name: 'bim-son', child: 'bim-son-2023', id: 'bim-son-2023', files: [], province: 'Thanh Hóa', recipient: 'Ủy ban nhân dân thị xã Bỉm Sơn', subject: 'V/v góp ý Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Bỉm Sơn của UBND thị xã Bỉm Sơn' },
  { name: 'tan-phong', child: 'examples/thanh-hoa/synthetic-tan-phong-2023.yaml', id: 'synthetic-tan-phong-2023', files: ['examples/thanh-hoa/synthetic-tan-phong-2023.yaml'], province: 'Thanh Hóa', recipient: 'Ủy ban nhân dân thị xã Tân Phong', subject: 'V/v góp ý Kế hoạch [SYNTHETIC] Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Tân Phong của UBND thị xã Tân Phong' },
  { name: 'dai-tu', child: 'eval/dev/dai-tu.txt', id: 'dai-tu-168-2023', files: ['eval/dev/dai-tu.txt'], province: 'Thái Nguyên', recipient: 'Ủy ban nhân dân huyện Đại Từ', subject: 'V/v góp ý Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Đại Từ của UBND huyện Đại Từ' },
  { name: 'ninh-kieu', child: 'eval/dev/ninh-kieu.txt', id: 'ninh-kieu-205-2023', files: ['eval/dev/ninh-kieu.txt'], province: 'Cần Thơ', recipient: 'Ủy ban nhân dân quận Ninh Kiều', subject: 'V/v góp ý Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn quận Ninh Kiều của UBND quận Ninh Kiều' },
];

const docxOf = (c: Case): string => join(dir, `${c.name}.docx`);
const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');

beforeAll(async () => {
  for (const c of CASES) {
    const sign = ['--issuer', `Sở Nội vụ tỉnh ${c.province}`, '--superior', `UBND tỉnh ${c.province}`, '--number', '…/SNV-XDCQ', '--place', c.province, '--title', 'GIÁM ĐỐC', '--signer', 'Nguyễn Văn A', '--today', '2026-12-03'];
    const r = await runCli(['letter', c.child, '--plans', 'plans', '-o', docxOf(c), ...sign]);
    if (r.code !== 0) throw new Error(`${c.name}: ${r.err}`);
  }
}, 120_000);

describe('the .docx read back', () => {
  for (const c of CASES) {
    it(`${c.name}: the decree's parts in order, each observation's numbering, nothing that is not Vietnamese for a reader`, async () => {
      const bytes = readFileSync(docxOf(c));
      const paragraphs = await docxParagraphs(bytes);
      const text = paragraphs.join('\n');
      const parts = [
        `UBND TỈNH ${c.province.toLocaleUpperCase('vi')}`,
        `SỞ NỘI VỤ TỈNH ${c.province.toLocaleUpperCase('vi')}`,
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: …/SNV-XDCQ',
        `${c.province}, ngày 03 tháng 12 năm 2026`,
        c.subject,
        `Kính gửi: ${c.recipient}.`,
        `Sở Nội vụ tỉnh ${c.province} nhận được`,
        '1. Về ',
        'Trên đây là ý kiến',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT, XDCQ.',
        'GIÁM ĐỐC',
        'Nguyễn Văn A',
      ];
      let at = -1;
      for (const p of parts) {
        const i = paragraphs.findIndex((x, k) => k > at && x.includes(p));
        expect(i, `"${p}" after paragraph ${at}`).toBeGreaterThan(at);
        at = i;
      }
      // Every graded finding is cited by the numbering of the document it is about.
      const ch = await checked(c.child.includes('/') ? [c.child, '--plans', 'plans'] : ['plans']);
      const graded = ch.findings.filter((f) => f.plan === c.id && !f.waived && f.severity !== 'info');
      expect(graded.length).toBeGreaterThan(0);
      for (const f of graded) {
        const label = f.rule === 'missing-task' ? f.data['parentLabel'] : (f.data['childLabel'] ?? f.data['label']);
        const phrase = typeof label === 'string' ? numberingPhrase(label) : null;
        if (phrase) expect(text, `${f.rule} ${String(label)}`).toContain(phrase);
      }
      expect(forbiddenIn(text, [...idsIn([...CORPUS, ...EXAMPLES]), c.id], ch.rules)).toEqual([]);
      expect(englishIn(text, [...CORPUS, ...c.files])).toEqual([]);
    });
  }

  it('A4, the decree\'s margins, Times New Roman named, the header a two-column table', async () => {
    const bytes = readFileSync(docxOf(CASES[0]!));
    const doc = await docxPart(bytes, 'word/document.xml');
    const attr = (tag: string, name: string): number => Number(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(doc)?.[1]);
    expect([attr('pgSz', 'w'), attr('pgSz', 'h')]).toEqual([11906, 16838]);
    const mm = (twips: number): number => twips / 56.7;
    expect(mm(attr('pgMar', 'top'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr('pgMar', 'top'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr('pgMar', 'bottom'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr('pgMar', 'bottom'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr('pgMar', 'left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(attr('pgMar', 'left'))).toBeLessThanOrEqual(35.1);
    expect(mm(attr('pgMar', 'right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(attr('pgMar', 'right'))).toBeLessThanOrEqual(20.1);
    const styles = await docxPart(bytes, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    expect(doc).toContain('w:ascii="Times New Roman"');
    // The header: a table whose first row holds the issuing body beside the Quốc hiệu.
    const firstRow = /<w:tbl>[\s\S]*?<w:tr\b[\s\S]*?<\/w:tr>/.exec(doc)![0];
    const cells = firstRow.split('<w:tc>').slice(1);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('SỞ NỘI VỤ TỈNH THANH HÓA');
    expect(cells[1]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});

/** LibreOffice (Debian's libreoffice-writer-nogui, installed by .ci/run) with a profile of its own. */
function soffice(files: string[]): void {
  const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error?.message}`);
}

const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
};

describe('the .docx as LibreOffice renders it', () => {
  beforeAll(() => soffice(CASES.map(docxOf)), 240_000);

  for (const c of CASES) {
    it(`${c.name}: 1–3 A4 pages, the Quốc hiệu and the trích yếu in the PDF, a page image that is not blank`, () => {
      const pdf = docxOf(c).replace(/\.docx$/, '.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = run('pdfinfo', [pdf]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
      const text = flat(run('pdftotext', ['-layout', pdf, '-']));
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      // The trích yếu wraps in its narrow column: compare word by word, in order.
      const plain = flat(run('pdftotext', [pdf, '-']));
      expect(plain).toContain(flat(c.subject).split(' ').slice(0, 6).join(' '));
      for (const w of flat(c.subject).split(' ')) expect(plain).toContain(w);
      const prefix = join(dir, c.name);
      run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, prefix]);
      const png = [`${prefix}-1.png`, `${prefix}-01.png`].find(existsSync);
      expect(png, 'pdftoppm wrote page 1').toBeDefined();
      expect(statSync(png!).size).toBeGreaterThan(8_000);
    });
  }
});
