/**
 * The edge of the importer: a document file → its text. Plain text and markdown are read as
 * they are (UTF-8, or UTF-16 with a BOM), Word files through docx.ts (paragraphs with the list
 * numbers Word displays, task tables as typed lines), PDFs through pdf.ts. Everything else,
 * and a PDF without a text layer, is a DocumentError with a message a user can act on.
 */
import * as path from 'node:path';
import type { DocxBlock } from './docx.js';
import { DocumentError } from './document-error.js';
import { tableLines, type TypedLine } from './table.js';
import { pushAll } from './scan.js';

export { DocumentError } from './document-error.js';

export const SUPPORTED = ['.txt', '.md', '.docx', '.pdf'] as const;

/** A document's text as the importer reads it. */
export interface DocumentText {
  text: string;
  /**
   * Lines (1-based) that open a paragraph of the source document: a Word paragraph never
   * continues the one before it. Absent for plain text and PDFs, whose paragraphs are inferred.
   */
  opens?: ReadonlySet<number>;
  /** Lines where a task table was read (Word): each row became typed lines. */
  tables?: readonly number[];
  /** Where the text came from, for messages: a PDF's tables cannot be read. */
  kind: 'text' | 'docx' | 'pdf';
}

function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return new TextDecoder('utf-8').decode(buf);
}

/** Word's blocks as lines of text: a paragraph's list label before it, tables through table.ts. */
export function docxText(blocks: readonly DocxBlock[]): DocumentText {
  const lines: TypedLine[] = [];
  const tables: number[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      // A numbered paragraph opens a paragraph of its own. Any other Word paragraph may still
      // continue the one before it: Word files converted from PDFs hold each printed line as a
      // paragraph, so the importer's own paragraph rules decide, as for text.
      const parts = b.text.split('\n').filter((x) => x.trim());
      if (b.label && parts.length) parts[0] = `${b.label} ${parts[0]}`;
      parts.forEach((text, i) => lines.push({ text, opens: i === 0 && !!b.label }));
      continue;
    }
    const t = tableLines(b.rows);
    if (t.task) tables.push(lines.length + 1);
    pushAll(lines, t.lines);
  }
  const opens = new Set<number>();
  lines.forEach((l, i) => l.opens && opens.add(i + 1));
  return { text: lines.map((l) => l.text.replace(/\f/g, '')).join('\n') + '\n', opens, tables, kind: 'docx' };
}

/**
 * Throws the DocumentError documentText would for a file of a type that cannot be imported,
 * by its name alone: a caller checks it before reading the file.
 */
export function checkDocumentType(file: string): void {
  const ext = path.extname(file).toLowerCase();
  if ((SUPPORTED as readonly string[]).includes(ext)) return;
  throw unsupported(file, ext);
}

/** The error of a file whose type cannot be imported. */
function unsupported(file: string, ext: string): DocumentError {
  if (ext === '.doc') return new DocumentError(file, 'old Word .doc files are not supported: save it as .docx and import that', { key: 'doc.old-doc' });
  return new DocumentError(file, `unsupported file type "${ext || '(none)'}": import a ${SUPPORTED.join(', ')} file`, { key: 'doc.unsupported', vars: { ext: ext || '—', supported: SUPPORTED.join(', ') } });
}

/** Reads a document's text from bytes already in memory; `file` names it in errors. */
export async function documentText(file: string, data: Uint8Array): Promise<DocumentText> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md') return { text: decodeText(data), kind: 'text' };
  // The Word and PDF readers (xmldom, jszip, pdfjs) are loaded only for their own formats: a
  // .txt import or a check never pays for them (issue 19).
  if (ext === '.docx') {
    const { DocxError, readDocx } = await import('./docx.js');
    try {
      return docxText(await readDocx(data));
    } catch (e) {
      if (e instanceof DocxError) throw new DocumentError(file, `cannot read this Word file: ${e.message}`, { key: 'doc.docx-unreadable', inner: e.said });
      throw e;
    }
  }
  if (ext === '.pdf') return { text: await (await import('./pdf.js')).pdfText(data, file), kind: 'pdf' };
  throw unsupported(file, ext);
}
