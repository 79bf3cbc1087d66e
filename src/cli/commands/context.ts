/**
 * What a command needs from the outside world, injected so commands run in tests
 * without spawning a process. Only src/cli.ts binds it to the real process.
 */
import { writeChunksAtomic, writeFileAtomic } from '../../app/write.js';
import type { Lang } from '../../format/messages.js';
import { rt, type TermKey } from '../../format/terms.js';
import { terminalText } from '../../format/escape.js';
import type { LoadError } from '../../core/load/errors.js';
import { importNoticeText, importWarningLine, loadErrorLine, loadErrorsSummary } from '../../format/said.js';
import type { DocumentNotice } from '../../app/source/corpus-source.js';
import type { Corpus } from '../../core/load/corpus.js';
import { loadCorpusFromPaths, type LoadOptions } from '../../app/source/load.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** stderr is a terminal (progress is shown there and nowhere else). */
  errIsTTY?: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, load: 2, usage: 2 } as const;

/** The reader's language: --lang, else $KEHOACH_LANG, else the configuration's, else Vietnamese. */
export function readerLang(io: Pick<CliIO, 'env'>, given?: Lang, configured?: Lang): Lang {
  const env = io.env['KEHOACH_LANG'];
  return given ?? (env === 'en' || env === 'vi' ? env : undefined) ?? configured ?? 'vi';
}

/** Prints the located load errors in the reader's language (--lang, else $KEHOACH_LANG, else Vietnamese); exit 2. */
export function reportLoadErrors(io: CliIO, errors: readonly LoadError[], lang: Lang = readerLang(io)): number {
  for (const e of errors) io.err(loadErrorLine(e, lang) + '\n');
  io.err(loadErrorsSummary(errors.length, lang) + '\n');
  return EXIT.load;
}

/** Where a check, diff or letter tells what the import of a document given to it read, on stderr. */
export function noticeTo(io: CliIO, lang: Lang = readerLang(io)): (n: DocumentNotice) => void {
  return (n) => io.err((n.kind === 'warning' ? importWarningLine(n.where, n.warning, lang) : importNoticeText(n.file, n.summary, lang)) + '\n');
}

/** Loads the corpus or prints the located errors; null means exit 2. */
export async function loadOrReport(io: CliIO, paths: readonly string[], opts: LoadOptions = {}, lang: Lang = readerLang(io)): Promise<Corpus | null> {
  const r = await loadCorpusFromPaths(paths.length ? paths : ['plans'], opts);
  if (r.ok) return r.corpus;
  reportLoadErrors(io, r.errors, lang);
  return null;
}

/** The files a run read (its plans, documents and configuration): a report is never written over one of them. */
export function inputsOf(corpus: Corpus | null, extra: Iterable<string> = []): string[] {
  return [...[...(corpus?.plans.values() ?? [])].map((lp) => lp.file), ...extra];
}

const WRITE_CODES = ['EACCES', 'ENOSPC', 'ENOENT', 'EISDIR'] as const;

/** Why a file was not written, in the reader's language (one line, no trace). */
export function writeFailure(file: string, code: string, lang: Lang, pid?: number | null): string {
  const key: TermKey =
    code === 'EINPUT' ? 'write.input' : code === 'ELOCKED' ? 'write.ELOCKED' : code === 'EPERM' ? 'write.EACCES' : (WRITE_CODES as readonly string[]).includes(code) ? (`write.${code}` as TermKey) : 'write.other';
  return rt(key, lang, { file: terminalText(file), code, pid: pid ?? '?' });
}

export interface EmitOptions {
  lang?: Lang | undefined;
  /** The run's input files: -o may name none of them. */
  inputs?: readonly string[] | undefined;
}

/**
 * Writes to --output when given (atomically, never over an input of the run), else to stdout.
 * A file that cannot be written is the user's to fix: false, with the reason on stderr (exit 2).
 * Bytes (a Word document) go to a file only: the caller refuses them on stdout first.
 */
export async function emit(io: CliIO, text: string | Uint8Array, output?: string, opts: EmitOptions = {}): Promise<boolean> {
  if (!output) {
    if (typeof text !== 'string') throw new Error('emit: bytes are written to a file, not to stdout');
    io.out(text);
    return true;
  }
  const w = await writeFileAtomic(output, text, { overwrite: true, inputs: opts.inputs, createFolders: true });
  if (w.ok) return true;
  io.err(`kehoach: ${writeFailure(output, w.code, opts.lang ?? 'vi')}\n`);
  return false;
}

/** Characters gathered before each write to stdout. */
const OUT_CHUNK = 1 << 16;

/**
 * `emit` for a text produced in pieces: each goes out as it comes (stdout in batches of 64 Ki
 * characters; -o through the atomic streaming write), so a report is never held whole.
 */
export async function emitChunks(io: CliIO, chunks: Iterable<string>, output?: string, opts: EmitOptions = {}): Promise<boolean> {
  if (!output) {
    let pending = '';
    for (const c of chunks) {
      pending += c;
      if (pending.length >= OUT_CHUNK) {
        io.out(pending);
        pending = '';
      }
    }
    if (pending) io.out(pending);
    return true;
  }
  const w = await writeChunksAtomic(output, chunks, { overwrite: true, inputs: opts.inputs, createFolders: true });
  if (w.ok) return true;
  io.err(`kehoach: ${writeFailure(output, w.code, opts.lang ?? 'vi')}
`);
  return false;
}
