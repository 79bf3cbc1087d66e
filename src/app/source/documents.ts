/**
 * Documents from files: the bytes read here, at the application layer, then the importer's pure
 * pipeline (src/core/import: documentText, importPlanText). `kehoach import` writes the result as
 * YAML; `check`, `diff`, `audit` and `link` take a document argument through this same call and
 * keep the plan in memory. A document that cannot be read is data, not a throw, and its message
 * is one line.
 *
 * A document's type is checked before it is read, and its bytes are counted as they are read
 * (read-capped.ts): one over the limit (DEFAULT_MAX_DOCUMENT_MB, or --max-file-size) is refused
 * whether stat knows its size or not (/dev/zero, a pipe).
 */
import * as path from 'node:path';
import { ImportError, importPlanText, type ImportOptions, type ImportResult } from '../../core/import/importer.js';
import { DocumentError, documentText, checkDocumentType, type DocumentText } from '../../core/import/read.js';
import { documentLimit, readCapped } from './read-capped.js';
import type { Said } from '../../core/load/errors.js';

export { DEFAULT_MAX_DOCUMENT_MB, documentLimit } from './read-capped.js';

const MiB = 1048576;

export type DocumentImport =
  | { ok: true; result: ImportResult }
  | {
      ok: false;
      file: string;
      line: number;
      /** One line. */
      message: string;
      /** The message as data, for the reader's language. */
      said?: Said | undefined;
      /** unreadable file, or text that is not a plan */
      kind: 'document' | 'plan';
      /** Why a document could not be read: over the size limit, or anything else. */
      code: 'too-large' | 'unreadable';
    };

/** A document over the size limit. */
class TooLarge extends DocumentError {}

const mb = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MB`;
const limitText = (max: number): string => `${+(max / MiB).toFixed(3)} MB`;

/** A document file's text: its type checked, its bytes read (at most `maxBytes`), then decoded by its kind (src/core/import/read.ts). */
export async function readDocumentText(file: string, maxBytes: number = documentLimit()): Promise<DocumentText> {
  // The type first: a file that cannot be imported is not read at all.
  checkDocumentType(file);
  let read;
  try {
    read = await readCapped(file, maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentError(file, 'no such file', { key: 'doc.not-found' });
    if (code === 'EISDIR') throw new DocumentError(file, 'this is a directory, not a document', { key: 'doc.directory' });
    throw new DocumentError(file, `cannot read the file (${code ?? String(e)})`, { key: 'doc.unreadable', vars: { reason: code ?? String(e) } });
  }
  if (!read.ok) {
    const what = read.size !== null ? `the document is ${mb(read.size)}` : `more than ${limitText(maxBytes)} were read from it (it is not a regular file)`;
    const said: Said = read.size !== null ? { key: 'doc.too-large', vars: { size: mb(read.size), limit: limitText(maxBytes) } } : { key: 'doc.too-large-stream', vars: { limit: limitText(maxBytes) } };
    throw new TooLarge(file, `${what}, over the ${limitText(maxBytes)} limit for documents (raise it with --max-file-size <MB>)`, said);
  }
  return documentText(file, read.bytes);
}

/** A message on one line, whatever a library put in it. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * Reads and imports a document; `opts.file` (recorded in `source`) defaults to its base name.
 * `maxBytes`: the largest document read (default DEFAULT_MAX_DOCUMENT_MB).
 */
export async function importDocument(file: string, opts: ImportOptions = {}, maxBytes: number = documentLimit()): Promise<DocumentImport> {
  try {
    const text = await readDocumentText(file, maxBytes);
    return { ok: true, result: importPlanText(text, { ...opts, file: opts.file ?? path.basename(file) }) };
  } catch (e) {
    if (e instanceof DocumentError) return { ok: false, file: e.file, line: 1, message: oneLine(e.message), said: e.said, kind: 'document', code: e instanceof TooLarge ? 'too-large' : 'unreadable' };
    if (e instanceof ImportError) return { ok: false, file, line: e.line, message: oneLine(e.message), said: e.said, kind: 'plan', code: 'unreadable' };
    throw e;
  }
}
