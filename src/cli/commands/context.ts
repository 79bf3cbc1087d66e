/**
 * What a command needs from the outside world, injected so commands run in tests
 * without spawning a process. Only src/cli.ts binds it to the real process.
 */
import { writeFile } from 'node:fs/promises';
import { formatLoadError, type LoadError } from '../../core/load/errors.js';
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

export function reportLoadErrors(io: CliIO, errors: readonly LoadError[]): number {
  for (const e of errors) io.err(formatLoadError(e) + '\n');
  io.err(`kehoach: ${errors.length} load error${errors.length === 1 ? '' : 's'}; nothing was checked\n`);
  return EXIT.load;
}

/** Loads the corpus or prints the located errors; null means exit 2. */
export async function loadOrReport(io: CliIO, paths: readonly string[], opts: LoadOptions = {}): Promise<Corpus | null> {
  const r = await loadCorpusFromPaths(paths.length ? paths : ['plans'], opts);
  if (r.ok) return r.corpus;
  reportLoadErrors(io, r.errors);
  return null;
}

/** Writes to --output when given, else to stdout. A file that cannot be written is the user's to fix: false, with the reason on stderr. */
export async function emit(io: CliIO, text: string, output?: string): Promise<boolean> {
  if (!output) {
    io.out(text);
    return true;
  }
  try {
    await writeFile(output, text, 'utf8');
    return true;
  } catch (e) {
    io.err(`kehoach: cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return false;
  }
}
