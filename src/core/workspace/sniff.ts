/**
 * What an uploaded file is, told by its content, never by its name (`kehoach serve`): a Word
 * document is a zip (PK\x03\x04) holding word/document.xml; a PDF starts with %PDF-; a text, a
 * Markdown or a YAML file is valid UTF-8 without NUL bytes. The name's extension only chooses
 * among what the content allows (a .md and a .txt are both text). Pure: bytes in, kind out.
 */
export type UploadKind = 'docx' | 'pdf' | 'txt' | 'md' | 'yaml';

export type Sniffed = { ok: true; kind: UploadKind; ext: string } | { ok: false; reason: 'empty' | 'type' };

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));
const DOCUMENT_XML = new TextEncoder().encode('word/document.xml');

/** Whether `needle` occurs in `hay` (zip entry names are stored as plain bytes in its headers). */
function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  outer: for (let i = hay.indexOf(first); i !== -1 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function isText(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The file's kind from its bytes, the extension of its name (lower case, with the dot) deciding between text kinds. */
export function sniffUpload(bytes: Uint8Array, nameExt: string): Sniffed {
  if (!bytes.length) return { ok: false, reason: 'empty' };
  const ext = nameExt.toLowerCase();
  if (startsWith(bytes, ZIP)) return contains(bytes, DOCUMENT_XML) && ext === '.docx' ? { ok: true, kind: 'docx', ext: '.docx' } : { ok: false, reason: 'type' };
  if (startsWith(bytes, PDF)) return ext === '.pdf' ? { ok: true, kind: 'pdf', ext: '.pdf' } : { ok: false, reason: 'type' };
  if (!isText(bytes)) return { ok: false, reason: 'type' };
  if (ext === '.txt') return { ok: true, kind: 'txt', ext };
  if (ext === '.md' || ext === '.markdown') return { ok: true, kind: 'md', ext: '.md' };
  if (ext === '.yaml' || ext === '.yml') return { ok: true, kind: 'yaml', ext: '.yaml' };
  return { ok: false, reason: 'type' };
}
