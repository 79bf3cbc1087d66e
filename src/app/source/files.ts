/**
 * The io edge: paths → plan source texts. Everything that can go wrong with the file
 * system becomes a located LoadError (exit 2), never an exception. The fs is injectable
 * so tests can simulate failures that root cannot meet (an unreadable file).
 */
import * as nodeFs from 'node:fs/promises';
import { Buffer, isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readCapped, readCappedSync } from './read-capped.js';
import * as path from 'node:path';
import { loadError, type LoadError } from '../../core/load/errors.js';
import type { SourceFile } from '../../core/load/corpus.js';
import { sha1 } from './hash.js';

/** A directory entry whose type the listing already knows (a Dirent): no stat needed unless it is a link. */
export interface TypedEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface FsLike {
  stat(p: string): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number }>;
  /** Names, or typed entries (then only links and entries of unknown type are stat'ed). */
  readdir(p: string): Promise<(string | TypedEntry)[]>;
  readFile(p: string): Promise<Uint8Array>;
  realpath(p: string): Promise<string>;
}

export interface ReadOptions {
  /** Largest file accepted, in bytes (--max-file-size takes MB). */
  maxFileBytes: number;
  fs?: FsLike;
  /** Hash the bytes read (sha1), for the cache key: the file is read once. */
  hash?: boolean;
}

export const DEFAULT_MAX_FILE_MB = 10;
const PLAN_FILE = /\.ya?ml$/i;
const READ_CONCURRENCY = 64;

/** A path's stat, or null when it has none now (gone, a folder above it closed, a link loop): the caller reads or lists it again. */
export function statIfAny(p: string): Stats | null {
  try {
    return statSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Whether a path names an existing file. */
export const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();
/** Whether a command's argument names a plan file rather than a plan id: a file, or a path ending in .yaml or .yml. */
export const isPlanFileArg = (arg: string): boolean => isFile(arg) || PLAN_FILE.test(arg);
/**
 * Whether an argument names a plan document (imported in memory, src/core/import/document.ts) rather
 * than a YAML plan: .txt, .md, .docx, .pdf, and .doc (so that it is refused with the importer's
 * reason). Only arguments: directory walks read *.yaml and *.yml alone.
 */
export const isDocumentArg = (arg: string): boolean => DOCUMENT_FILE.test(arg);
const DOCUMENT_FILE = /\.(txt|md|docx|pdf|doc)$/i;

const at = (file: string, code: LoadError['code'], message: string, key: string, vars?: Record<string, string | number>): LoadError => loadError(file, { line: 1, column: 1 }, code, message, key, vars);

/** A folder's path as the start of its entries' paths (the root is "/" already). */
const under = (dir: string): string => (dir.endsWith('/') ? dir : `${dir}/`);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The real file system, listing with entry types, each directory read at once: a corpus of 10,000
 * plans was listed in 0.23–0.32 s with a stat per entry, in 0.06–0.09 s from the types the
 * asynchronous readdir returns, and in 0.01–0.02 s from the synchronous one (measured, issue 19;
 * nothing else waits on the event loop while a corpus is listed).
 */
const typedFs: FsLike = {
  ...nodeFs,
  readdir: async (p) => readdirSync(p, { withFileTypes: true }),
  realpath: async (p) => realpathSync.native(p),
};

/** Plan files below the given paths, sorted; explicit files are taken whatever their extension. */
export async function listPlanFiles(paths: readonly string[], fs: FsLike = typedFs): Promise<{ files: string[]; errors: LoadError[] }> {
  const files = new Set<string>();
  const errors: LoadError[] = [];
  for (const given of paths) {
    // Without a trailing slash, so that every listed path is normal ("plans/" lists plans/a.yaml, not plans//a.yaml).
    const p = toPosix(path.normalize(given)).replace(/(?<=.)\/+$/, '');
    const st = await statOrError(fs, p, errors);
    if (!st) continue;
    if (!st.isDirectory()) {
      files.add(p);
      continue;
    }
    const real = await realOrError(fs, p, errors);
    if (real === null) continue;
    await walk(p, fs, files, errors, new Set([real]));
    if (![...files].some((f) => f.startsWith(under(p))) && !errors.some((e) => e.file.startsWith(p))) {
      errors.push(at(p, 'no-plans', 'this directory holds no plan files (*.yaml, *.yml)', 'load.no-plans'));
    }
  }
  return { files: [...files].sort(), errors };
}

async function walk(dir: string, fs: FsLike, files: Set<string>, errors: LoadError[], onPath: Set<string>): Promise<void> {
  let listed: (string | TypedEntry)[];
  try {
    listed = await fs.readdir(dir);
  } catch (e) {
    errors.push(at(dir, 'unreadable', `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'load.read-dir', { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    return;
  }
  const entries = listed
    .map((e) => (typeof e === 'string' ? { name: e, typed: null } : { name: e.name, typed: e }))
    .filter(({ name }) => !name.startsWith('.') && name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Entries of known type need no stat; the others (links, untyped listings) are stat'ed all at
  // once (one at a time, 11,000 communes took 0.8 s of waiting); errors are recorded in name order all the same.
  const known = (t: TypedEntry | null): boolean => t !== null && !t.isSymbolicLink() && (t.isFile() || t.isDirectory());
  const stats = await Promise.all(entries.map(({ name, typed }) => (known(typed) ? typed! : settle(fs.stat(under(dir) + name)))));
  for (const [k, { name }] of entries.entries()) {
    const p = under(dir) + name;
    const st = stats[k]!;
    if ('error' in st) {
      errors.push(statError(p, st.error));
      continue;
    }
    if (st.isDirectory()) {
      const real = await realOrError(fs, p, errors);
      if (real === null) continue;
      if (onPath.has(real)) {
        errors.push(at(p, 'symlink-loop', `symbolic link loop: ${p} leads back to ${real}`, 'load.symlink-back', { path: p, real }));
        continue;
      }
      await walk(p, fs, files, errors, new Set([...onPath, real]));
    } else if (st.isFile() && PLAN_FILE.test(name)) files.add(p);
  }
}

const settle = <T>(p: Promise<T>): Promise<T | { error: unknown }> => p.catch((error: unknown) => ({ error }));

/** realpath, or null with the located error recorded (a folder above it that cannot be searched: EACCES). */
async function realOrError(fs: FsLike, p: string, errors: LoadError[]): Promise<string | null> {
  try {
    return await fs.realpath(p);
  } catch (e) {
    errors.push(statError(p, e));
    return null;
  }
}

/** stat, or null with the located error recorded. */
async function statOrError(fs: FsLike, p: string, errors: LoadError[]): Promise<Awaited<ReturnType<FsLike['stat']>> | null> {
  try {
    return await fs.stat(p);
  } catch (e) {
    errors.push(statError(p, e));
    return null;
  }
}

function statError(p: string, e: unknown): LoadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return at(p, 'not-found', 'no such file or directory', 'load.not-found');
  if (code === 'ELOOP') return at(p, 'symlink-loop', 'symbolic link loop (too many levels of symbolic links)', 'load.symlink-loop');
  return at(p, 'unreadable', `cannot read: ${code ?? (e as Error).message}`, 'load.unreadable', { reason: code ?? (e as Error).message });
}

/** The located error of a file over the limit; `size` null when only the bytes read tell (a device, a pipe). */
function tooLarge(file: string, size: number | null, maxFileBytes: number): LoadError {
  const mb = (maxFileBytes / 1048576).toFixed(0);
  const raise = '(raise it with --max-file-size <MB>)';
  return size === null
    ? at(file, 'too-large', `file is longer than the ${mb} MB limit ${raise}`, 'load.too-large-stream', { mb })
    : at(file, 'too-large', `file is ${(size / 1048576).toFixed(1)} MB, over the ${mb} MB limit ${raise}`, 'load.too-large', { size: (size / 1048576).toFixed(1), mb });
}

/** Bytes of a file into text, or a located error: too large, binary, not UTF-8. */
function decodeSource(file: string, size: number, read: () => Uint8Array | null, maxFileBytes: number, hash = false): SourceFile | LoadError {
  if (size > maxFileBytes) return tooLarge(file, size, maxFileBytes);
  const bytes = read()!;
  if (bytes.byteLength > maxFileBytes) return tooLarge(file, null, maxFileBytes);
  if (bytes.subarray(0, 8192).includes(0)) return at(file, 'binary', 'this is a binary file, not a YAML plan', 'load.binary');
  // isUtf8 and toString run natively (simdutf), several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) return at(file, 'unreadable', 'the file is not valid UTF-8 text', 'load.not-utf8');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ...(hash ? { hash: sha1(bytes) } : {}) };
}

/** Reads one file into text, or a located error: too large, binary, not UTF-8, unreadable. */
export async function readSource(file: string, opts: ReadOptions): Promise<SourceFile | LoadError> {
  const fs = opts.fs ?? nodeFs;
  try {
    const st = await fs.stat(file);
    const regular = st.isFile();
    if (!regular) {
      // A device, a pipe, a file in /proc: stat cannot size it; the bytes read are counted.
      const r = await readCapped(file, opts.maxFileBytes);
      return r.ok ? decodeSource(file, r.bytes.byteLength, () => r.bytes, opts.maxFileBytes, opts.hash) : tooLarge(file, r.size, opts.maxFileBytes);
    }
    const bytes = st.size > opts.maxFileBytes ? null : await fs.readFile(file);
    return decodeSource(file, st.size, () => bytes, opts.maxFileBytes, opts.hash);
  } catch (e) {
    return statError(file, e);
  }
}

/** A file's bytes as read, not yet decoded (null when the file is over the size limit: not read). */
export interface FileBytes {
  file: string;
  size: number;
  bytes: Uint8Array | null;
}

/**
 * A file's bytes, synchronously: for worker threads and the check runner's cache lookup, where
 * nothing else waits on the event loop and a round trip through the I/O pool per file costs
 * more than the read.
 */
export function readBytesSync(file: string, maxFileBytes: number): FileBytes | LoadError {
  try {
    const st = statSync(file);
    if (!st.isFile()) {
      // stat cannot size it: the bytes read are counted (read-capped.ts).
      const r = readCappedSync(file, maxFileBytes);
      return r.ok ? { file, size: r.bytes.byteLength, bytes: r.bytes } : tooLarge(file, r.size, maxFileBytes);
    }
    return { file, size: st.size, bytes: st.size > maxFileBytes ? null : readFileSync(file) };
  } catch (e) {
    return statError(file, e);
  }
}

/** Bytes already read into text, or a located error (too large, binary, not UTF-8). */
export const decodeBytes = (b: FileBytes, maxFileBytes: number, hash = false): SourceFile | LoadError => decodeSource(b.file, b.size, () => b.bytes, maxFileBytes, hash);

/** Reads one file into text synchronously (readBytesSync, then decodeBytes). */
export function readSourceSync(file: string, maxFileBytes: number, hash = false): SourceFile | LoadError {
  const b = readBytesSync(file, maxFileBytes);
  return 'code' in b ? b : decodeBytes(b, maxFileBytes, hash);
}

/**
 * Reads many files with bounded parallelism and turns each text into `each(source)` as soon as
 * it is read (a parse, so that the text need not outlive it); results in the files' order.
 */
export async function readEach<T>(files: readonly string[], opts: ReadOptions, each: (s: SourceFile) => T): Promise<(T | LoadError)[]> {
  const results: (T | LoadError)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const r = await readSource(files[i]!, opts);
      results[i] = 'text' in r ? each(r) : r;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results;
}

/** Reads many files with bounded parallelism, keeping their sorted order. */
export async function readSources(files: readonly string[], opts: ReadOptions): Promise<{ sources: SourceFile[]; errors: LoadError[] }> {
  const results = await readEach(files, opts, (s) => s);
  const sources: SourceFile[] = [];
  const errors: LoadError[] = [];
  for (const r of results) ('text' in r ? sources.push(r) : errors.push(r));
  return { sources, errors };
}
