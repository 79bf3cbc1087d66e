/**
 * Reading a file with a cap on the bytes actually read. A size limit that looks at stat alone
 * lets through what stat cannot size: /dev/zero (or a .txt link to it), a pipe, a file that
 * grows while it is read. Here the bytes are counted as they come, one past the limit at most
 * is read, and then the read stops: `{ ok: false }`, whatever the file claims to be.
 * Errors of the file system (ENOENT, EACCES, EISDIR…) are thrown as they are, for the caller
 * to word. Used for documents (documents.ts) and for plan and configuration files stat cannot size
 * (files.ts: a device, a pipe).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The default limit for a document (.txt, .md, .docx, .pdf), in MB: a plan's PDF with scanned
 * seals and signatures weighs a few MB to a few tens of MB (a page scanned at 300 dpi is about
 * 1 MB); ten times the largest we have met still reads in seconds. YAML plans keep their own
 * (files.ts, DEFAULT_MAX_FILE_MB). Here, not in documents.ts, so that a command that only
 * passes the limit on does not load the importer.
 */
export const DEFAULT_MAX_DOCUMENT_MB = 100;

/** The limit for documents in bytes: --max-file-size when given, else the documents' default. */
export const documentLimit = (maxFileMb?: number): number => (maxFileMb ?? DEFAULT_MAX_DOCUMENT_MB) * 1048576;

export type CappedRead =
  | { ok: true; bytes: Uint8Array }
  /** Over the limit: `size` is the file's size when stat knows it (a regular file), else null. */
  | { ok: false; size: number | null };

/** First buffer for a file stat cannot size, grown by doubling up to the limit. */
const FIRST_CHUNK = 64 * 1024;

/** A buffer for the bytes: the file's own size plus one (to see it grow) when stat knows it. */
const firstBuffer = (statSize: number, regular: boolean, max: number): Uint8Array =>
  new Uint8Array(Math.min(max + 1, regular ? statSize + 1 : FIRST_CHUNK));

/** Reads `file`, at most `maxBytes` of it. */
export async function readCapped(file: string, maxBytes: number): Promise<CappedRead> {
  const fh = await open(file, 'r');
  try {
    const st = await fh.stat();
    const regular = st.isFile();
    if (regular && st.size > maxBytes) return { ok: false, size: st.size };
    let buf = firstBuffer(st.size, regular, maxBytes);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) return { ok: false, size: regular ? Math.max(st.size, got) : null };
        buf = grow(buf, maxBytes);
      }
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { ok: true, bytes: buf.subarray(0, got) };
  } finally {
    await fh.close();
  }
}

/** readCapped, synchronously (for worker threads and one-thread runs). */
export function readCappedSync(file: string, maxBytes: number): CappedRead {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    const regular = st.isFile();
    if (regular && st.size > maxBytes) return { ok: false, size: st.size };
    let buf = firstBuffer(st.size, regular, maxBytes);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) return { ok: false, size: regular ? Math.max(st.size, got) : null };
        buf = grow(buf, maxBytes);
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, bytes: buf.subarray(0, got) };
  } finally {
    closeSync(fd);
  }
}

/** The buffer twice as large (at most the limit plus one byte), its bytes kept. */
function grow(buf: Uint8Array, maxBytes: number): Uint8Array {
  const next = new Uint8Array(Math.min(maxBytes + 1, Math.max(buf.length * 2, FIRST_CHUNK)));
  next.set(buf);
  return next;
}
