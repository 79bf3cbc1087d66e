/**
 * Load errors: what stops loading (checking.md). Each names file, line and column;
 * the CLI prints them and exits 2. Never thrown past the io layer as a stack trace.
 */
export interface LoadError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Machine-readable kind, stable for tests and tools. */
  code: LoadErrorCode;
}

export type LoadErrorCode =
  | 'yaml-syntax'
  | 'schema'
  | 'duplicate-task-key'
  | 'duplicate-plan-id'
  | 'missing-parent'
  | 'cycle'
  | 'unreadable'
  | 'binary'
  | 'too-large'
  | 'symlink-loop'
  | 'not-found'
  | 'no-plans';

export function formatLoadError(e: LoadError): string {
  return `${e.file}:${e.line}:${e.column}: error: ${e.message} [${e.code}]`;
}

/** Raised inside the io/load layers and caught by the CLI; carries every error found. */
export class LoadFailure extends Error {
  constructor(readonly errors: LoadError[]) {
    super(errors.map(formatLoadError).join('\n'));
    this.name = 'LoadFailure';
  }
}
