/**
 * What a run remembers of each corpus file for the next one (issue 19): its size and mtime, its
 * content hash when one was taken, and its head (id, parents) when one is known. A full check
 * keeps its hashes unread for unchanged files (run-full.ts); a command about one plan keeps every
 * head unread (neighbourhood.ts), so that a drafter's second run stats the corpus instead of
 * opening every file. Kept sealed in the cache (cache.ts); only a guide: the files a command
 * needs are parsed, and their parse must agree with the head.
 */
import type { PlanHead } from '../../core/load/scan-head.js';

/** [path, size, mtime in ms, content hash ('' when not taken), head [id, parents] (null: only a parse tells)]. */
export type FileState = [string, number, number, string, [string, string[]] | null];

export interface CorpusIndex {
  /** When the run that wrote it began reading (ms). */
  at: number;
  files: FileState[];
}

/** Where an index is kept between runs (the cache's slot for a set of paths). */
export interface IndexStore {
  read(): CorpusIndex | null;
  write(index: CorpusIndex): void;
}

/** What the index keeps of a file's stat. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/**
 * Whether a file is as the index saw it: the same size and mtime, and that mtime older than the
 * indexing run by two seconds (within an mtime's granularity an edit may not move it).
 */
export const unchanged = (state: FileState, st: FileStat, at: number): boolean =>
  st.size === state[1] && st.mtimeMs === state[2] && state[2] < at - 2000;

export const headOf = (state: FileState): PlanHead | null => (state[4] ? { id: state[4][0], parents: state[4][1] } : null);
