/**
 * Source positions kept from the YAML document so findings can point at a task's line.
 * Only task nodes and their fields are recorded (cheap: one binary search per key).
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Pos {
  line: number;
  column: number;
}

/**
 * A task's positions as source offsets (small integers, no objects per field: a national
 * corpus has a quarter of a million tasks), turned into line and column by `taskPos`.
 */
export interface TaskPositions {
  at: number;
  /** Offset of each field's key within the task (deadline, lead, …). */
  fields: Record<string, number>;
}

export interface PlanPositions {
  at: Pos;
  fields: Record<string, Pos>;
  /** Indexed like plan.tasks. */
  tasks: TaskPositions[];
  /** Offsets where each line starts: turns task offsets into line and column. */
  lines: Int32Array;
  /** Positions of the basedOn entries that name parent plans, in order. */
  basedOn?: Pos[];
  /** Positions of the waiver entries, in order. */
  waivers?: Pos[];
}

export const START: Pos = { line: 1, column: 1 };

export function posAt(lc: LineCounter, offset: number): Pos {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Line and column of a task (or of one of its fields' keys), or null when the task is unknown. */
export function taskPos(positions: PlanPositions, index: number, field?: string): Pos | null {
  const tp = positions.tasks[index];
  if (!tp) return null;
  const offset = (field !== undefined ? tp.fields[field] : undefined) ?? tp.at;
  return posOf(positions.lines, offset);
}

/**
 * Where the root, its values and their items start, with their keys' offsets: all positions
 * need, whichever path parsed the file (yaml-fast builds it from js-yaml's events, `spanOf` from a
 * yaml Document). A map has `keys` (and `entries` near the root), a sequence `items`.
 */
export interface Span {
  at: number;
  keys?: Record<string, number> | undefined;
  entries?: Record<string, Span> | undefined;
  items?: Span[] | undefined;
}

/** Offsets where each line starts (a LineCounter's, kept as a compact array). */
export function lineStarts(lc: LineCounter): Int32Array {
  return Int32Array.from(lc.lineStarts);
}

/** Line and column of a source offset, by binary search over the line starts. */
export function posOf(lines: Int32Array, offset: number): Pos {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo]! + 1 };
}

/** The span of a yaml Document's contents, `levels` deep like yaml-fast's. */
export function spanOf(node: unknown, levels = 2): Span {
  const span: Span = { at: (node as Node | null)?.range?.[0] ?? 0 };
  if (isMap(node)) {
    span.keys = {};
    if (levels > 0) span.entries = {};
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const name = String(pair.key.value);
      span.keys[name] = pair.key.range[0];
      if (span.entries) span.entries[name] = spanOf(pair.value, levels - 1);
    }
  } else if (isSeq(node) && levels > 0) span.items = node.items.map((item) => spanOf(item, levels - 1));
  return span;
}

export function collectPositions(root: Span, lines: Int32Array): PlanPositions {
  const at = posOf(lines, root.at);
  const fields: Record<string, Pos> = {};
  for (const [name, offset] of Object.entries(root.keys ?? {})) fields[name] = posOf(lines, offset);
  const tasks: TaskPositions[] = (root.entries?.tasks?.items ?? []).map((t) => ({ at: t.at, fields: t.keys ?? {} }));
  // Only plan references (a bare id or {plan: id}) are parents; legal bases are skipped.
  const bases = root.entries?.basedOn?.items ?? [];
  const basedOn = bases.filter((b) => !b.items && (!b.keys || 'plan' in b.keys)).map((b) => posOf(lines, b.at));
  const waivers = (root.entries?.waivers?.items ?? []).map((w) => posOf(lines, w.at));
  return { at, fields, tasks, lines, basedOn, waivers };
}

/** The position of the node at `path`, or of its nearest existing ancestor. */
export function positionOfPath(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): Pos {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && node.range) return posAt(lc, node.range[0]);
  }
  return START;
}

/** The position of key `key` inside the map at `path` (for unrecognised-key errors). */
export function positionOfKey(doc: Document, lc: LineCounter, path: readonly PropertyKey[], key: string): Pos | null {
  const node = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return posAt(lc, pair.key.range[0]);
  }
  return null;
}
