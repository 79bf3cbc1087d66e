/**
 * YAML text → data, with located errors: the one reader of YAML a user gives (plans and
 * configuration files), so every file gets the same guards (nesting depth, alias bombs, a
 * BOM) and the same positions (lines counted here, unterminated quotes at their opening).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { loadError, type LoadError } from './errors.js';

/** yaml's error codes that the dictionary words (`load.yaml.<CODE>`); any other is said with yaml's own text. */
export const YAML_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'BAD_SCALAR_START', 'DUPLICATE_KEY', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_DOCS', 'TAB_AS_INDENT', 'UNEXPECTED_TOKEN', 'BAD_DQ_ESCAPE', 'BLOCK_IN_FLOW', 'BAD_ALIAS', 'KEY_OVER_1024_CHARS', 'MULTIPLE_ANCHORS', 'MULTIPLE_TAGS', 'TAG_RESOLVE_FAILED', 'BAD_DIRECTIVE', 'ALIAS_PROPS', 'BAD_PROP_ORDER', 'NON_STRING_KEY', 'BAD_COLLECTION_TYPE']);
import { lineStarts, posAt, spanOf, START, type Span } from './positions.js';
import { composeBlockYaml, YAML_OPTIONS } from './yaml-fast.js';

type Failed = { ok: false; errors: LoadError[] };
export type YamlText = { ok: true; doc: Document; lc: LineCounter; data: unknown } | Failed;
/** Data with the spans positions need, but no Document: what plans are read into. */
export type YamlData = { ok: true; data: unknown; span: Span; lines: Int32Array } | Failed;

/** Aliases beyond this count are an alias bomb, not data. */
const MAX_ALIAS_COUNT = 100;
/**
 * Flow collections nested deeper than this are refused before parsing: the yaml composer
 * recurses per level, and a second stack overflow in one process kills V8. Plans nest a
 * handful of levels, configurations fewer.
 */
const MAX_FLOW_DEPTH = 200;

/** Line starts counted here, not by the parser: its error recovery can skip newlines. */
function lineIndex(src: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** Whether the text holds more flow openers than the limit: if not, no nesting can exceed it. */
function manyOpeners(src: string): boolean {
  let n = 0;
  for (const c of ['[', '{']) {
    for (let i = src.indexOf(c); i >= 0; i = src.indexOf(c, i + 1)) if (++n > MAX_FLOW_DEPTH) return true;
  }
  return false;
}

/** Offset where flow nesting first exceeds the limit (outside quoted scalars and comments), or -1. */
function tooDeep(src: string): number {
  // The character walk below cost about 4% of the parse (measured on 11,000 plans); plans rarely hold 200 brackets.
  if (!manyOpeners(src)) return -1;
  let depth = 0;
  let quote = '';
  let prev = '\n'; // last non-blank character outside quotes: a quote opens a scalar only after a separator
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quote === '#') {
      if (c === '\n') quote = '';
    } else if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && ':-[{,\n'.includes(prev)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(src[i - 1]!))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (!quote && c !== ' ' && c !== '\t') prev = c;
  }
  return -1;
}

/** yaml reports an unterminated quoted scalar at its end; the reader wants its opening quote. */
function errorOffset(src: string, e: { code: string; message: string; pos: [number, number] }): number {
  const quote = /^Missing closing (["'])/.exec(e.message)?.[1];
  if (e.code === 'MISSING_CHAR' && quote) {
    const open = src.lastIndexOf(quote, e.pos[0] - 1);
    if (open >= 0) return open;
  }
  return e.pos[0];
}

/** The text without its BOM, its line index, or the nesting error that stops it being parsed. */
function prepare(file: string, text: string, what: string): { src: string; lc: LineCounter } | Failed {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lc = lineIndex(src);
  const deep = tooDeep(src);
  if (deep >= 0) {
    return { ok: false, errors: [loadError(file, posAt(lc, deep), 'yaml-syntax', `collections nested more than ${MAX_FLOW_DEPTH} levels deep: not a ${what}`, 'load.yaml.too-deep', { max: MAX_FLOW_DEPTH, what })] };
  }
  return { src, lc };
}

function compose(file: string, src: string, lc: LineCounter, what: string): YamlText {
  const doc = parseDocument(src, YAML_OPTIONS);
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => loadError(file, posAt(lc, errorOffset(src, e)), 'yaml-syntax', firstLine(e.message, what), `load.yaml.${YAML_CODES.has(e.code) ? e.code : 'other'}`, { what, detail: firstLine(e.message, what) })),
    };
  }
  try {
    return { ok: true, doc, lc, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    // yaml throws a ReferenceError on excessive aliases (a resource-exhaustion attack).
    return { ok: false, errors: [loadError(file, START, 'yaml-syntax', firstLine((e as Error).message, what), 'load.yaml.aliases', { what })] };
  }
}

/** Parses one YAML document; `what` names the kind of file in messages ("plan", "configuration"). */
export function readYamlText(file: string, text: string, what: string): YamlText {
  const ready = prepare(file, text, what);
  return 'errors' in ready ? ready : compose(file, ready.src, ready.lc, what);
}

/**
 * Like readYamlText, without keeping a Document: the block subset plans are written in goes
 * through yaml-fast, anything else (and every error) through parseDocument as above.
 */
export function readYamlData(file: string, text: string, what: string): YamlData {
  const ready = prepare(file, text, what);
  if ('errors' in ready) return ready;
  const fast = composeBlockYaml(ready.src);
  if (fast) return { ok: true, data: fast.data, span: fast.span, lines: lineStarts(ready.lc) };
  const read = compose(file, ready.src, ready.lc, what);
  return read.ok ? { ok: true, data: read.data, span: spanOf(read.doc.contents), lines: lineStarts(read.lc) } : read;
}

function firstLine(message: string, what: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace('please use YAML.parseAllDocuments()', `a ${what} file holds one YAML document`);
}
