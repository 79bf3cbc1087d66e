/**
 * The edge of the importer: a document file → its text. Plain text and markdown are read as
 * they are (UTF-8, or UTF-16 with a BOM), Word files through mammoth's raw text, PDFs through
 * pdf.ts. Everything else, and a PDF without a text layer, is a DocumentError with a message
 * a user can act on.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { DocumentError, pdfText } from './pdf.js';

export { DocumentError } from './pdf.js';

export const SUPPORTED = ['.txt', '.md', '.docx', '.pdf'] as const;

function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return new TextDecoder('utf-8').decode(buf);
}

/** Reads a document's text from bytes already in memory; `file` names it in errors. */
export async function documentText(file: string, data: Uint8Array): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md') return decodeText(data);
  if (ext === '.docx') {
    try {
      const r = await mammoth.extractRawText({ buffer: Buffer.from(data) });
      return r.value;
    } catch (e) {
      throw new DocumentError(file, `cannot read this Word file: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (ext === '.pdf') return pdfText(data, file);
  if (ext === '.doc') throw new DocumentError(file, 'old Word .doc files are not supported: save it as .docx and import that');
  throw new DocumentError(file, `unsupported file type "${ext || '(none)'}": import a ${SUPPORTED.join(', ')} file`);
}

export async function readDocumentText(file: string): Promise<string> {
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DocumentError(file, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  return documentText(file, data);
}
