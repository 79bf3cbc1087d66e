/**
 * Test documents built from a seed's text: a Word file (docx package) with one paragraph per
 * paragraph of the text, and a PDF (pdfkit, DejaVu Sans for the Vietnamese letters) that wraps
 * the paragraphs at its own width, over several pages with a running header and page numbers,
 * as official PDFs have.
 */
import { existsSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** Debian's fonts-dejavu-core (apt-get install -y fonts-dejavu-core). */
export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const haveFont = existsSync(FONT);

export async function docxOf(paragraphs: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

export interface PdfOptions {
  fontSize?: number;
  /** Printed at the top of every page. */
  runningHeader?: string;
  pageNumbers?: boolean;
}

export async function pdfOf(paragraphs: readonly string[], opts: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, bufferPages: true, info: { Title: 'kehoach import test' } });
  const done = collect(doc);
  doc.registerFont('body', FONT);
  doc.font('body').fontSize(opts.fontSize ?? 12);
  for (const p of paragraphs) doc.text(p, { align: 'left' }).moveDown(0.4);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the margins must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9);
    if (opts.runningHeader) doc.text(opts.runningHeader, 72, 36, { lineBreak: false });
    if (opts.pageNumbers) doc.text(String(i + 1), doc.page.width / 2, doc.page.height - 40, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/**
 * The header of an official document, set in two columns as printed: the issuer and number
 * on the left, the national motto and the place and date on the right, on shared baselines.
 */
export async function pdfWithTwoColumnHeader(left: readonly string[], right: readonly string[], paragraphs: readonly string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 72 });
  const done = collect(doc);
  doc.registerFont('body', FONT);
  doc.font('body').fontSize(11);
  const top = 72;
  left.forEach((t, i) => doc.text(t, 60, top + i * 16, { lineBreak: false }));
  right.forEach((t, i) => doc.text(t, 300, top + i * 16, { lineBreak: false }));
  doc.text('', 72, top + Math.max(left.length, right.length) * 16 + 20);
  for (const p of paragraphs) doc.text(p, { align: 'left' }).moveDown(0.4);
  doc.end();
  return done;
}

/** A PDF with pages but no text at all, as a scan without OCR. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const done = collect(doc);
  doc.rect(72, 72, 300, 400).fill('#888888');
  doc.addPage().rect(72, 72, 300, 400).fill('#777777');
  doc.end();
  return done;
}
