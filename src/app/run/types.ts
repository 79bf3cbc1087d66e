/** What a check run is asked (the runner's options) and what it returns. */
import type { DocumentNotice } from '../source/corpus-source.js';
import type { CheckConfig } from '../../core/check/config.js';
import type { Corpus } from '../../core/load/corpus.js';
import type { DocumentSource } from '../../core/load/document-plan.js';
import type { LoadError } from '../../core/load/errors.js';
import type { Report } from '../../core/model/finding.js';

export interface RunCheckOptions {
  cfg: CheckConfig;
  today: string;
  maxFileMb?: number | undefined;
  cache: boolean;
  cacheDir?: string | undefined;
  env: Record<string, string | undefined>;
  /** Where phases of a long run are announced (src/cli/commands/progress.ts). */
  progress?: (message: string) => void;
  /** Documents given as arguments: imported in memory and checked like --plan drafts. */
  documents?: readonly string[] | undefined;
  /** --parent: the parent of the draft and the documents for this run. */
  parent?: string | undefined;
  /** Where the import's warnings on the documents go. */
  notice?: ((n: DocumentNotice) => void) | undefined;
}

export type CheckRun =
  /**
   * `files`: every corpus file listed, whether or not the run read it (the inputs an output must
   * not replace); `corpus`: the plans checked, null when the report was served whole from the cache.
   */
  | { ok: true; report: Report; corpus: Corpus | null; only: Set<string> | null; documents: Map<string, DocumentSource>; files: readonly string[] }
  | { ok: false; errors: LoadError[] };

/** What the runner decides once for both ways of checking: where the cache is (null: none), the key sealing it, the size limit. */
export interface CacheSettings {
  cacheRoot: string | null;
  secret: Buffer | null;
  maxFileBytes: number;
}
