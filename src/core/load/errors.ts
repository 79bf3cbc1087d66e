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
  /** The message as data, for readers in other languages: a key of the dictionary's `load.`/`doc.` terms and its values. `message` is its English text. */
  said?: Said;
}

/**
 * A message as data (the key of a term in rules/messages.yaml and the values it names), beside the
 * English text the core writes for logs and the library. The CLI renders it in the reader's language.
 */
export interface Said {
  key: string;
  vars?: Record<string, string | number>;
  /** A message this one wraps ("cannot read this Word file: <inner>"), said the same way: {inner} in the template. */
  inner?: Said;
}

/** A located error with its message said both ways: English text and dictionary key. */
export function loadError(file: string, pos: { line: number; column: number }, code: LoadErrorCode, message: string, key: string, vars?: Said['vars']): LoadError {
  return { file, line: pos.line, column: pos.column, code, message, said: vars ? { key, vars } : { key } };
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

/**
 * Characters that act on a terminal or a reader instead of showing: the C0 controls (line breaks
 * and tabs among them), DEL, the C1 controls, the line and paragraph separators, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what follows.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text with each control character shown as it is written in code ("\n", "\x1b", "\u{202e}"),
 * except those in `keep` (what the output itself carries safely). The one definition of what is
 * escaped: load errors here, every report format through src/format/escape.ts.
 */
export function visibleControls(s: string, keep = ''): string {
  return s.replace(CONTROL, (c) => {
    if (keep.includes(c)) return c;
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
  });
}

/** One line per error, whatever the path or the message holds (a file name may contain a line break or an escape sequence). */
export function formatLoadError(e: LoadError): string {
  return `${visibleControls(e.file)}:${e.line}:${e.column}: error: ${visibleControls(e.message)} [${e.code}]`;
}

/** Raised inside the io/load layers and caught by the CLI; carries every error found. */
export class LoadFailure extends Error {
  constructor(readonly errors: LoadError[]) {
    super(errors.map(formatLoadError).join('\n'));
    this.name = 'LoadFailure';
  }
}
