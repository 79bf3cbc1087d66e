/**
 * A .docx and a .pdf built from a seed's text import to the same YAML as the text itself;
 * a PDF without a text layer gets a clear error; the readers pick by extension.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError, documentText, importPlanText, type DocumentText } from '../../src/core/import/index.js';
import { readDocumentText } from '../../src/app/source/documents.js';
import { docxOf, haveFont, pdfOf, pdfWithTwoColumnHeader, scannedPdf } from './build-docs.js';
import { rewrap, seedText } from './helpers.js';

/** The seed as its paragraphs (one per line), the way a word processor holds them. */
const paragraphsOf = (seed: string): string[] =>
  rewrap(seedText(seed), 100_000)
    .split('\n')
    .filter((l) => l.trim());

const yamlOf = (text: string | DocumentText, seed: string): string => importPlanText(text, { file: seed }).yaml;

// Seeds written without markdown (a Word or PDF copy has no "**"): Cần Thơ, Bỉm Sơn (PDF-wrapped
// at the source), Thanh Hóa (cut off) and Hòa Bình (basis-only, sections II–IV not tasks).
const PLAIN = ['001_29320d86a44961ce.txt', '002_e36d209b1b3f8de2.txt', '003_47e455f0bbe2ddc3.txt', '004_9c70a196d409041a.txt'];

describe('Word (.docx)', () => {
  it.each(PLAIN)('%s: a .docx of the text imports to the same YAML', async (seed) => {
    const text = await documentText('plan.docx', await docxOf(paragraphsOf(seed)));
    expect(yamlOf(text, seed)).toBe(yamlOf(seedText(seed), seed));
  });

  it('a file that is not a Word file is a DocumentError', async () => {
    await expect(documentText('broken.docx', new TextEncoder().encode('not a zip'))).rejects.toThrow(/cannot read this Word file/);
  });
});

describe('PDF', () => {
  it('has a Vietnamese-capable font to build test PDFs with', () => {
    // CI: apt-get install -y fonts-dejavu-core
    expect(haveFont, 'missing /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: apt-get install -y fonts-dejavu-core').toBe(true);
  });

  it.each(PLAIN)('%s: a PDF of the text, wrapped by the PDF, imports to the same YAML', async (seed) => {
    const pdf = await pdfOf(paragraphsOf(seed));
    const text = await documentText('plan.pdf', pdf);
    expect(text.text).toMatch(/Thực hiện|Căn cứ/);
    expect(yamlOf(text, seed)).toBe(yamlOf(seedText(seed), seed));
  });

  it('running page headers and page numbers are dropped and reported', async () => {
    const seed = '002_e36d209b1b3f8de2.txt';
    const pdf = await pdfOf(paragraphsOf(seed), { runningHeader: 'Thị xã Bỉm Sơn - bản PDF thử nghiệm', pageNumbers: true });
    const text = await documentText('plan.pdf', pdf);
    expect(text.text.split('\f').length).toBeGreaterThanOrEqual(3);
    const r = importPlanText(text, { file: seed });
    expect(r.yaml).toBe(yamlOf(seedText(seed), seed));
    expect(r.warnings.map((w) => w.message)).toContain('dropped a running page header or footer: "Thị xã Bỉm Sơn - bản PDF thử nghiệm"');
  });

  it('a narrow, small-print PDF (more wraps, more pages) imports the same', async () => {
    const seed = '001_29320d86a44961ce.txt';
    const pdf = await pdfOf(paragraphsOf(seed), { fontSize: 17, pageNumbers: true });
    expect(yamlOf(await documentText('plan.pdf', pdf), seed)).toBe(yamlOf(seedText(seed), seed));
  });

  it('a two-column header (issuer and number left, motto and date right) is read as printed', async () => {
    const seed = '003_47e455f0bbe2ddc3.txt';
    const body = paragraphsOf(seed);
    const pdf = await pdfWithTwoColumnHeader(
      ['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA', 'Số: 172/KH-UBND'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thanh Hóa, ngày 26 tháng 6 năm 2023'],
      body.slice(body.indexOf('KẾ HOẠCH')),
    );
    const text = await documentText('plan.pdf', pdf);
    expect(text.text.split('\n').slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(yamlOf(text, seed)).toBe(yamlOf(seedText(seed), seed));
  });

  it('a scanned PDF (no text layer) is a clear error', async () => {
    const err = await documentText('scan.pdf', await scannedPdf()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).message).toMatch(/no text layer .*scanned image.*OCR/);
  });

  it('a file that is not a PDF is a DocumentError', async () => {
    await expect(documentText('x.pdf', new TextEncoder().encode('%PDF-1.4 garbage'))).rejects.toBeInstanceOf(DocumentError);
  });
});

describe('readDocumentText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-'));

  it('reads .txt and .md as UTF-8, and UTF-16 with a BOM', async () => {
    const seed = seedText('000_25e4ce0a9e6b60bb.txt');
    writeFileSync(join(dir, 'p.md'), seed);
    expect(await readDocumentText(join(dir, 'p.md'))).toEqual({ text: seed, kind: 'text' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]);
    writeFileSync(join(dir, 'p16.txt'), utf16);
    expect(await readDocumentText(join(dir, 'p16.txt'))).toEqual({ text: seed, kind: 'text' });
  });

  it('refuses other types and missing files with a message', async () => {
    writeFileSync(join(dir, 'p.doc'), 'x');
    await expect(readDocumentText(join(dir, 'p.doc'))).rejects.toThrow(/save it as \.docx/);
    writeFileSync(join(dir, 'p.odt'), 'x');
    await expect(readDocumentText(join(dir, 'p.odt'))).rejects.toThrow(/unsupported file type ".odt"/);
    await expect(readDocumentText(join(dir, 'none.txt'))).rejects.toThrow(/no such file/);
  });
});
