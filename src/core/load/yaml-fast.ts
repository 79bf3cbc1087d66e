/**
 * Plan YAML → plain data straight from yaml's own concrete syntax tree (its Parser), without
 * building yaml's Document nodes and converting them with toJS: that composing step cost about
 * a quarter of every file's parse (measured on 1,000 plans: lex+parse 0.92 s, +compose 1.21 s,
 * +toJS 1.30 s), and plans are written in a small block subset of YAML.
 *
 * Only that subset is taken: block maps whose keys are one-line scalars, block sequences and
 * scalars (plain, quoted, block). Anchors, aliases, tags, flow collections, explicit keys,
 * directives, several documents, tabs and carriage returns, and every construct yaml's composer
 * would report as an error make this decline (null); the caller then parses with parseDocument,
 * so errors, their messages and positions stay yaml's own. The checks below mirror the
 * composer's (resolveProps, resolveBlockMap, resolveBlockSeq, composeDoc in yaml 2.9) for the
 * tokens this accepts. Scalars are resolved by yaml itself (CST.resolveAsScalar and the core
 * schema's tags), so values and types are the same; tests compare both paths file by file.
 */
import { CST, isScalar, Parser, parseDocument } from 'yaml';
import type { Span } from './positions.js';

/** Options of every parseDocument call on user YAML (shared so both paths resolve alike). */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/** Spans are kept for the root, its values and their items (enough for task positions). */
const SPAN_DEPTH = 2;
/** Deeper block nesting is left to the slow path (and its guards); plans nest a handful of levels. */
const MAX_DEPTH = 64;

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

const template = parseDocument('', YAML_OPTIONS);
const schema = template.schema as unknown as { tags: ScalarTag[]; compat?: unknown };
/** The tags a plain scalar is tested against, in the schema's order (as findScalarTagByTest does). */
const plainTags = schema.tags.filter((t) => t.default === true && t.test);
const tagOptions = template.options;
/** Compatibility warnings and key-only tags (merge keys) are not mirrored here; the core schema has neither. */
const usable = !schema.compat && !schema.tags.some((t) => t.default === 'key');

/** Thrown (preallocated, so no stack is captured) to give the file to the slow path. */
const DECLINE = new Error('not the block subset');
let failed = false;
const onError = (): void => {
  failed = true;
};

export interface FastYaml {
  data: unknown;
  span: Span;
}

export function composeBlockYaml(src: string): FastYaml | null {
  if (!usable || src.includes('\t') || src.includes('\r')) return null;
  let doc: CST.Document | null = null;
  for (const token of new Parser().parse(src)) {
    if (token.type === 'document' && !doc) doc = token;
    else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') return null;
  }
  const root = doc?.value;
  if (!doc || !root) return null;
  try {
    const start = props(doc.start, 'doc-start', true);
    if (start.found >= 0 && (root.type === 'block-map' || root.type === 'block-seq') && !start.hasNewline) return null;
    if (doc.end?.some((t) => t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline')) return null;
    const span: Span = { at: root.offset };
    return { data: node(root, 0, span), span };
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}

/** The token kinds accepted around indicators; mirrors resolveProps' errors for them. */
function props(tokens: readonly CST.SourceToken[], indicator: string, startOnNewline: boolean): { found: number; hasNewline: boolean } {
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let found = -1;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) throw DECLINE;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      default:
        if (token.type !== indicator || found >= 0) throw DECLINE;
        found = token.offset;
        hasSpace = false;
    }
  }
  return { found, hasNewline };
}

function node(token: CST.Token, depth: number, span: Span | null): unknown {
  switch (token.type) {
    case 'block-map':
      return blockMap(token, depth, span);
    case 'block-seq':
      return blockSeq(token, depth, span);
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
      return scalar(token);
    default:
      throw DECLINE; // aliases, flow collections, errors
  }
}

/** Where a value starts; an absent one where yaml places an empty scalar (emptyScalarPosition). */
function childSpan(token: CST.Token | undefined, before: readonly CST.SourceToken[]): Span {
  if (token) return { at: token.offset };
  const last = before[before.length - 1]!;
  let at = last.offset + last.source.length;
  let i = before.length - 1;
  for (; i >= 0 && before[i]!.type !== 'map-value-ind' && before[i]!.type !== 'seq-item-ind'; i--) at -= before[i]!.source.length;
  for (i++; i < before.length && before[i]!.type === 'space'; i++) at += before[i]!.source.length;
  return { at };
}

function blockMap(bm: CST.BlockMap, depth: number, span: Span | null): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw DECLINE;
  const out: Record<string, unknown> = {};
  const keys: Record<string, number> | undefined = span ? {} : undefined;
  const entries: Record<string, Span> | undefined = span && depth < SPAN_DEPTH ? {} : undefined;
  for (const item of bm.items) {
    if (item.explicitKey || props(item.start, 'explicit-key-ind', true).found >= 0) throw DECLINE;
    const key = item.key;
    if (!item.sep) {
      if (key) throw DECLINE;
      continue; // comment lines
    }
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) throw DECLINE;
    // An implicit key sits at the map's column, on one line, and within 1024 characters of its ':'.
    if (key.indent !== bm.indent || key.source.includes('\n') || key.end?.some((t) => t.type === 'newline')) throw DECLINE;
    const name = scalar(key);
    if (typeof name !== 'string' || name === '__proto__' || name === '<<' || Object.hasOwn(out, name)) throw DECLINE;
    const sep = props(item.sep, 'map-value-ind', false);
    if (sep.found < 0 || key.offset < sep.found - 1024) throw DECLINE;
    const value = item.value;
    if (value?.type === 'block-map' && !sep.hasNewline) throw DECLINE; // a compact nested mapping
    const vs = entries ? childSpan(value, item.sep) : null;
    out[name] = value ? node(value, depth + 1, vs) : null;
    if (keys) keys[name] = key.offset;
    if (entries) entries[name] = vs!;
  }
  if (keys) span!.keys = keys;
  if (entries) span!.entries = entries;
  return out;
}

function blockSeq(bs: CST.BlockSequence, depth: number, span: Span | null): unknown[] {
  if (depth > MAX_DEPTH) throw DECLINE;
  const out: unknown[] = [];
  const items: Span[] | undefined = span && depth < SPAN_DEPTH ? [] : undefined;
  for (const item of bs.items) {
    const dash = props(item.start, 'seq-item-ind', true).found;
    if (dash < 0) {
      if (item.value) throw DECLINE;
      continue; // comment lines
    }
    const vs = items ? childSpan(item.value, item.start) : null;
    out.push(item.value ? node(item.value, depth + 1, vs) : null);
    if (items) items.push(vs!);
  }
  if (items) span!.items = items;
  return out;
}

function scalar(token: CST.FlowScalar | CST.BlockScalar): unknown {
  failed = false;
  const resolved = CST.resolveAsScalar(token, true, onError);
  if (failed || !resolved) throw DECLINE;
  if (token.type !== 'scalar') return resolved.value;
  const tag = plainTags.find((t) => t.test!.test(resolved.value));
  if (!tag) return resolved.value;
  const res = tag.resolve(resolved.value, onError, tagOptions);
  // Tags may answer with a Scalar node (null and booleans do), as composeScalar allows.
  const value = isScalar(res) ? res.value : res;
  if (failed || (typeof value === 'object' && value !== null)) throw DECLINE;
  return value;
}
