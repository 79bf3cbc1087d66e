/**
 * One document file → its imported plan, warnings, parent resolution and source locations:
 * the import pipeline (read.ts, then importer.ts) as one call. `kehoach import` writes the
 * result as YAML; `check`, `diff`, `audit` and `link` take a document argument through this
 * same call and keep the plan in memory. A document that cannot be read is data, not a throw.
 */
import * as path from 'node:path';
import { ImportError, importPlanText, type ImportOptions, type ImportResult } from './importer.js';
import { DocumentError, readDocumentText } from './read.js';

export type DocumentImport =
  | { ok: true; result: ImportResult }
  | { ok: false; file: string; line: number; message: string; /** unreadable file, or text that is not a plan */ kind: 'document' | 'plan' };

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
