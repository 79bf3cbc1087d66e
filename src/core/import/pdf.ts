/**
 * PDF → text with lines rebuilt from glyph positions (pdfjs-dist, legacy build: it runs on
 * Node 20 without a DOM). pdfjs returns text runs, not lines: runs on one baseline are one
 * line, ordered left to right, with a space where the gap between runs is wide enough.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';

import { DocumentError } from './document-error.js';

export { DocumentError };

/** Pages read at most: a plan is tens of pages; a file claiming a million would keep the import busy for hours. */
export const MAX_PDF_PAGES = 5000;

/** A message on one line (pdfjs's may span several). */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

interface Run {
  x: number;
  y: number;
  width: number;
  size: number;
  str: string;
}

const isText = (i: TextItem | TextMarkedContent): i is TextItem => 'str' in i;

function pageLines(runs: Run[]): string[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    // Runs whose baselines differ by less than half a glyph height share a line.
    if (line && Math.abs(line[0]!.y - r.y) < Math.max(1, 0.5 * Math.min(line[0]!.size, r.size))) line.push(r);
    else lines.push([r]);
  }
  // A gap of several glyph widths on one baseline separates columns (the two-column header of
  // official documents: "ỦY BAN NHÂN DÂN" left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" right).
  return lines.flatMap((line) => {
    line.sort((a, b) => a.x - b.x);
    const segments: string[] = [];
    let text = '';
    let end = -Infinity;
    for (const r of line) {
      const gap = r.x - end;
      if (text && gap > 4 * r.size) {
        segments.push(text.trimEnd());
        text = '';
      }
      if (text && gap > 0.15 * r.size && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
      text += r.str;
      end = r.x + r.width;
    }
    segments.push(text.trimEnd());
    return segments;
  });
}

/** The text of a PDF, one line per printed line, pages separated by form feeds. */
export async function pdfText(data: Uint8Array, file: string): Promise<string> {
  let doc;
  try {
    // pdfjs refuses a Node Buffer (what readFile returns) and detaches the array it is given:
    // it gets a plain Uint8Array copy of its own.
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    doc = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    throw new DocumentError(file, `cannot read this PDF: ${oneLine(e instanceof Error ? e.message : String(e))}`, { key: 'doc.pdf-unreadable', vars: { detail: oneLine(e instanceof Error ? e.message : String(e)) } });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new DocumentError(file, `this PDF has ${doc.numPages.toLocaleString('en')} pages, more than a plan can have (at most ${MAX_PDF_PAGES.toLocaleString('en')} are read)`, {
        key: 'doc.pdf-pages',
        vars: { pages: doc.numPages, max: MAX_PDF_PAGES },
      });
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = content.items.filter(isText).map((i) => ({
        x: Number(i.transform[4]),
        y: Number(i.transform[5]),
        width: i.width,
        size: Math.hypot(Number(i.transform[2]), Number(i.transform[3])) || i.height || 10,
        str: i.str,
      }));
      pages.push(pageLines(runs.filter((r) => r.str.length > 0)).join('\n'));
      page.cleanup();
    }
    const text = pages.join('\n\f\n');
    if (text.replace(/\s+/g, '').length < 20) {
      throw new DocumentError(
        file,
        `this PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'}, no extractable text): it is probably a scanned image. Run OCR on it first (e.g. ocrmypdf -l vie), or import a .docx or .txt copy`,
        { key: 'doc.pdf-no-text', vars: { pages: doc.numPages } },
      );
    }
    return text;
  } catch (e) {
    // A page that pdfjs cannot read: the file is damaged.
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(file, `cannot read this PDF: ${oneLine(e instanceof Error ? e.message : String(e))}`, { key: 'doc.pdf-unreadable', vars: { detail: oneLine(e instanceof Error ? e.message : String(e)) } });
  } finally {
    await doc.destroy();
  }
}
