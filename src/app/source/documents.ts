/**
 * Documents from files: the bytes read here, at the application layer, then the importer's pure
 * pipeline (src/core/import: documentText, importPlanText). `kehoach import` writes the result as
 * YAML; `check`, `diff`, `audit` and `link` take a document argument through this same call and
 * keep the plan in memory. A document that cannot be read is data, not a throw.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ImportError, importPlanText, type ImportOptions, type ImportResult } from '../../core/import/importer.js';
import { DocumentError, documentText, type DocumentText } from '../../core/import/read.js';

export type DocumentImport =
  | { ok: true; result: ImportResult }
  | { ok: false; file: string; line: number; message: string; /** unreadable file, or text that is not a plan */ kind: 'document' | 'plan' };

/** A document file's text: its bytes read, then decoded by its kind (src/core/import/read.ts). */
export async function readDocumentText(file: string): Promise<DocumentText> {
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DocumentError(file, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  return documentText(file, data);
}

/** Reads and imports a document; `opts.file` (recorded in `source`) defaults to its base name. */
export async function importDocument(file: string, opts: ImportOptions = {}): Promise<DocumentImport> {
  try {
    const text = await readDocumentText(file);
    return { ok: true, result: importPlanText(text, { ...opts, file: opts.file ?? path.basename(file) }) };
  } catch (e) {
    if (e instanceof DocumentError) return { ok: false, file: e.file, line: 1, message: e.message, kind: 'document' };
    if (e instanceof ImportError) return { ok: false, file, line: e.line, message: e.message, kind: 'plan' };
    throw e;
  }
}
