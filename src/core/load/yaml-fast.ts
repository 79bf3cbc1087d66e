/**
 * Plan YAML → plain data and spans with js-yaml, without yaml's lexer, parser and composer: on
 * 1,000 generated plans this reads the corpus in 0.36 s, against 1.3 s for the reader on yaml's
 * CST it replaced and 1.8 s for yaml's parse(); plans are written in a small block subset of
 * YAML where the two agree.
 *
 * Only that subset is taken: block maps whose keys are one-line scalars, block sequences and
 * scalars (plain, quoted, block). Anchors, aliases, tags, flow collections, explicit keys,
 * directives, document end markers, several documents, tabs and carriage returns, and whatever
 * js-yaml rejects make this decline (null); the caller then parses with parseDocument, so
 * errors, their messages and positions stay yaml's own. Where js-yaml accepts what yaml's
 * composer reports (keys over 1024 characters, multi-line keys, …) the checks below decline.
 * Plain scalars are resolved by yaml's own core schema tags (js-yaml's schemas differ: `1_000`,
 * `0b1`, timestamps, `.5`, …), so values and types are yaml's; tests compare both paths.
 *
 * Positions come from js-yaml's listener: every node is opened at the parser's position before
 * its content (after a key's ':' or a sequence's '-', or at a key itself) and closed after it;
 * a node's start is that position past separating spaces, line breaks and comments, which is
 * where yaml puts a node's range (tests compare with spanOf on yaml's Document).
 */
import jsyaml from 'js-yaml';
import { isScalar, parseDocument } from 'yaml';
import type { Span } from './positions.js';

/** Options of every parseDocument call on user YAML (shared so both paths resolve alike). */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/** Spans are kept for the root, its values and their items (enough for task positions). */
const SPAN_DEPTH = 2;
/** Deeper nesting (js-yaml counts keys as a level) is left to the slow path and its guards; plans nest a handful of levels. */
const MAX_DEPTH = 64;

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

const template = parseDocument('', YAML_OPTIONS);
const yamlSchema = template.schema as unknown as { tags: ScalarTag[]; compat?: unknown };
/** The tags a plain scalar is tested against, in the schema's order (as findScalarTagByTest does). */
const plainTags = yamlSchema.tags.filter((t) => t.default === true && t.test);
const tagOptions = template.options;
/** Compatibility warnings and key-only tags (merge keys) are not mirrored here; the core schema has neither. */
const usable = !yamlSchema.compat && !yamlSchema.tags.some((t) => t.default === 'key');

/** Thrown (preallocated, so no stack is captured) to give the file to the slow path. */
const DECLINE = new Error('not the block subset');
let failed = false;
const onError = (): void => {
  failed = true;
};

/**
 * The one implicit type of the js-yaml schema: a plain scalar is resolved by yaml's core tags
 * (the value stashed by resolve for construct, which js-yaml calls right after it), and stays
 * a string when none matches. Written as an explicit tag (`!<…>`) it declines.
 */
const CORE_TAG = 'tag:kehoach,2026:yaml-core';
let resolved: unknown;
const coreType = new jsyaml.Type(CORE_TAG, {
  kind: 'scalar',
  resolve(data: unknown, explicit?: string): boolean {
    if (explicit !== undefined || typeof data !== 'string') throw DECLINE;
    const tag = plainTags.find((t) => t.test!.test(data));
    if (!tag) return false;
    failed = false;
    const res = tag.resolve(data, onError, tagOptions);
    // Tags may answer with a Scalar node (null and booleans do), as composeScalar allows.
    const value = isScalar(res) ? res.value : res;
    if (failed || (typeof value === 'object' && value !== null)) throw DECLINE;
    resolved = value;
    return true;
  },
  construct: () => resolved,
});
/** Strings, maps and sequences (FAILSAFE) plus yaml's core scalars, nothing of js-yaml's own. */
const schema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [coreType] });

/** One composeNode call of js-yaml: where it opened and closed, what it read, the calls inside it. */
interface Node {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  kids: Node[];
  /** A quoted scalar over several lines: its parent checks their indentation. */
  quotedLines: boolean;
}

/** js-yaml's parser state as the listener sees it (its typings omit tag and anchor). */
type ListenerState = jsyaml.State & { tag: string | null; anchor: string | null };

let src = '';
/** Whether the text has '!', '&' or '*', which may start a tag, an anchor or an alias. */
let props = false;
/** Whether the text has a line of nothing but spaces (see checkSpaceLines). */
let spaceLines = false;
let stack: Node[] = [];
let top: Node | null = null;

function listener(event: jsyaml.EventType, state: jsyaml.State): void {
  if (event === 'open') {
    const node: Node = { open: state.position, close: -1, kind: null, result: null, kids: [], quotedLines: false };
    (stack.length ? stack[stack.length - 1]!.kids : (top = node, [])).push(node);
    stack.push(node);
    return;
  }
  const node = stack.pop()!;
  const s = state as ListenerState;
  // Plain scalars carry '?' (no core tag matched) or the core type's tag; anything else was written.
  if (s.anchor !== null || (s.tag !== null && s.tag !== '?' && s.tag !== CORE_TAG)) throw DECLINE;
  // js-yaml forgets a tag or anchor before a line break when what follows is no mapping
  // (`!x` then a block scalar reads untagged), so a node starting with one declines.
  if (props) {
    const c = src.charCodeAt(skipSeparation(node.open));
    if (c === 0x21 || c === 0x26 || c === 0x2a) throw DECLINE;
  }
  node.close = state.position;
  // js-yaml takes `"x"#c` as a scalar and a comment; yaml wants a space before the '#'.
  if (src.charCodeAt(node.close) === 0x23 && src.charCodeAt(node.close - 1) !== 0x20) throw DECLINE;
  node.kind = s.kind;
  node.result = s.result;
  if (node.kind === 'scalar') {
    if (spaceLines) checkSpaceLines(node);
    const q = src.charCodeAt(node.close - 1);
    if (q === 0x22 || q === 0x27) {
      const start = skipSeparation(node.open);
      node.quotedLines = src.charCodeAt(start) === q && src.lastIndexOf('\n', node.close) > start;
    }
  } else if (node.kind === 'mapping') checkMap(node);
  else if (node.kind === 'sequence') checkSeq(node);
}

const SPACE_LINE = /^ +$/m;

/**
 * yaml and js-yaml part on lines of nothing but spaces in block scalars: past an indentation
 * indicator (`|2`) a longer one is empty to yaml, content to js-yaml; before the first line of
 * text, a longer one than that line is an error to yaml (it wants an indicator), while js-yaml
 * reads the scalar as empty. Block scalars with such lines decline.
 */
function checkSpaceLines(node: Node): void {
  const start = skipSeparation(node.open);
  const c = src.charCodeAt(start);
  if (c !== 0x7c && c !== 0x3e) return;
  if (SPACE_LINE.test(src.slice(src.indexOf('\n', start) + 1, node.close))) throw DECLINE;
}

function columnOf(at: number): number {
  return at - (src.lastIndexOf('\n', at - 1) + 1);
}

/**
 * yaml ends a quoted scalar at a line indented no deeper than the collection holding it
 * (MISSING_CHAR); js-yaml reads on. Blank lines are fine to both, except after an escaped line
 * break (a '\' ending the line), where the two fold differently (`"x\` + blank + `y"`: `x y`
 * to yaml, `xy` to js-yaml).
 */
function checkQuotedLines(node: Node, column: number): void {
  for (let nl = src.indexOf('\n', skipSeparation(node.open)); nl >= 0 && nl < node.close; nl = src.indexOf('\n', nl + 1)) {
    const text = skipSpaces(nl + 1);
    const blank = src.charCodeAt(text) === 0x0a || text >= src.length;
    if (blank ? src.charCodeAt(nl - 1) === 0x5c : text - nl - 1 <= column) throw DECLINE;
  }
}

/**
 * After an empty item js-yaml takes the next '-' as an item whatever its column (` - ` then
 * `- ` is one sequence to it, an error to yaml), so a sequence with empty items has its dashes
 * walked and checked.
 */
function checkSeq(node: Node): void {
  if (isFlow(node)) throw DECLINE;
  if ((node.result as unknown[]).length !== node.kids.length) itemSpans(node, 0);
  for (const kid of node.kids) if (kid.quotedLines) checkQuotedLines(kid, columnOf(skipSeparation(node.open)));
}

/** Past spaces, line breaks and comments, as js-yaml's skipSeparationSpace (tabs and CRs are declined). */
function skipSeparation(at: number): number {
  for (;;) {
    const c = src.charCodeAt(at);
    if (c === 0x20 || c === 0x0a) at++;
    else if (c === 0x23) {
      const eol = src.indexOf('\n', at);
      if (eol < 0) return src.length;
      at = eol + 1;
    } else return at;
  }
}

function isFlow(node: Node): boolean {
  const c = src.charCodeAt(skipSeparation(node.open));
  return c === 0x5b || c === 0x7b;
}

/**
 * A block map's calls are key, value, key, value… and maybe a last key attempt that read
 * nothing. The keys must be implicit one-line scalars yaml reads as strings, within 1024
 * characters of their ':', none repeated (js-yaml would throw) nor special to yaml's toJS.
 */
function checkMap(node: Node): void {
  const kids = node.kids;
  const pairs = kids.length >> 1;
  if (isFlow(node) || (kids.length & 1 && kids[kids.length - 1]!.kind !== null)) throw DECLINE;
  for (let i = 0; i < pairs; i++) {
    const key = kids[2 * i]!;
    const colon = kids[2 * i + 1]!.open - 1;
    const first = src.charCodeAt(key.open);
    // An explicit key ('? ') opens its key past the indicator, at a space or line break.
    if (key.kind !== 'scalar' || typeof key.result !== 'string' || first === 0x20 || first === 0x0a) throw DECLINE;
    if (src.charCodeAt(colon) !== 0x3a || key.open < colon - 1024 || src.lastIndexOf('\n', colon) >= key.open) throw DECLINE;
    if (key.result === '__proto__' || key.result === '<<') throw DECLINE;
    if (kids[2 * i + 1]!.quotedLines) checkQuotedLines(kids[2 * i + 1]!, columnOf(key.open));
  }
  if (Object.keys(node.result as object).length !== pairs) throw DECLINE;
}

export interface FastYaml {
  data: unknown;
  span: Span;
}

/**
 * Document markers other than one leading `---` (followed by nothing but a comment), and
 * directives. js-yaml takes any line starting with `---` as a marker (`---id` reads `id`;
 * yaml reads a plain `---id`), so every such line declines.
 */
const MARKERS = /^(?:---|\.\.\.|%)/gm;

function markersOk(text: string): boolean {
  MARKERS.lastIndex = 0;
  const first = MARKERS.exec(text);
  if (!first) return true;
  if (first[0] !== '---' || skipSeparation(0) !== first.index) return false;
  // `---#c` is a plain scalar to yaml, a marker and a comment to js-yaml.
  const after = first.index + 3;
  const rest = skipSpaces(after);
  if (rest < text.length && text[rest] !== '\n' && (text[rest] !== '#' || rest === after)) return false;
  return MARKERS.exec(text) === null;
}

/**
 * Whether a comment line has no space after its '#' (`#c`): yaml then takes a plain scalar
 * on the lines below an empty value for a multi-line key (`key:`, `#c`, `  x`, `title: 1` is
 * MULTILINE_IMPLICIT_KEY; `# c` is fine), which js-yaml reads as two entries.
 */
function gluedCommentLine(text: string): boolean {
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x20 || next === 0x0a || i + 1 >= text.length) continue;
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 0x20) j--;
    if (j < 0 || text.charCodeAt(j) === 0x0a) return true;
  }
  return false;
}

function skipSpaces(at: number): number {
  while (src.charCodeAt(at) === 0x20) at++;
  return at;
}

export function composeBlockYaml(text: string): FastYaml | null {
  // A BOM past the start is content to js-yaml, a separator to yaml (the caller strips a leading one).
  if (!usable || text.includes('\t') || text.includes('\r') || text.includes('\ufeff')) return null;
  src = text;
  // A line of spaces holds ' \n' or ends the text; the cheap test spares the regex on most files.
  props = /[!&*]/.test(text);
  spaceLines = (text.includes(' \n') || text.endsWith(' ')) && SPACE_LINE.test(text);
  stack = [];
  top = null;
  try {
    if (!markersOk(text) || gluedCommentLine(text)) return null;
    const data = jsyaml.load(text, { schema, listener, maxDepth: MAX_DEPTH } as jsyaml.LoadOptions);
    const root = top as Node | null;
    if (!root || root.kind === null) return null; // empty, or comments only
    // A block scalar as the whole document: the two count its indentation from different
    // columns (`|1` over `  x` reads ` x` or `  x`; a line less indented than a deep header).
    const first = src.charCodeAt(skipSeparation(root.open));
    if (root.kind === 'scalar' && (first === 0x7c || first === 0x3e)) return null;
    if (root.quotedLines) checkQuotedLines(root, -1);
    return { data, span: spanOf(root, SPAN_DEPTH) };
  } catch (e) {
    if (e === DECLINE || e instanceof jsyaml.YAMLException) return null;
    throw e;
  } finally {
    src = '';
    stack = [];
    top = null;
  }
}

/** The span of a node `levels` deep, as positions.ts's spanOf gives it for yaml's Document. */
function spanOf(node: Node, levels: number): Span {
  const span: Span = { at: skipSeparation(node.open) };
  if (node.kind === 'mapping') {
    const keys: Record<string, number> = {};
    const entries: Record<string, Span> | undefined = levels > 0 ? {} : undefined;
    for (let i = 0; i + 1 < node.kids.length; i += 2) {
      const name = node.kids[i]!.result as string;
      keys[name] = node.kids[i]!.open;
      if (entries) entries[name] = valueSpan(node.kids[i + 1]!, levels - 1);
    }
    span.keys = keys;
    if (entries) span.entries = entries;
  } else if (node.kind === 'sequence' && levels > 0) span.items = itemSpans(node, levels - 1);
  return span;
}

/** A value's span; an absent one where yaml places an empty scalar: past the spaces after the ':'. */
function valueSpan(node: Node, levels: number): Span {
  return node.kind !== null ? spanOf(node, levels) : { at: skipSpaces(node.open) };
}

/**
 * Empty items get no call from js-yaml, so the dashes are walked as js-yaml reads them: past
 * an item, separation, then '-'; a dash followed by a line break and a line no deeper than the
 * sequence's column holds nothing. Every item and call must be accounted for, and every dash
 * at the sequence's column, or it declines.
 */
function itemSpans(node: Node, levels: number): Span[] {
  const items = node.result as unknown[];
  const out: Span[] = [];
  let dash = skipSeparation(node.open);
  const column = columnOf(dash);
  let kid = 0;
  for (let i = 0; i < items.length; i++) {
    if (src.charCodeAt(dash) !== 0x2d || columnOf(dash) !== column) throw DECLINE;
    const next = skipSeparation(dash + 1);
    const lineStart = src.lastIndexOf('\n', next - 1) + 1;
    // At the end of the text js-yaml has added a line break: an empty item too.
    const empty = next >= src.length || (lineStart > dash && next - lineStart <= column);
    if (empty) {
      out.push({ at: skipSpaces(dash + 1) });
      dash = next;
    } else {
      const item = node.kids[kid++];
      if (!item || skipSeparation(item.open) !== next) throw DECLINE;
      out.push(spanOf(item, levels));
      dash = skipSeparation(item.close);
    }
  }
  if (kid !== node.kids.length) throw DECLINE;
  return out;
}
