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
  const lines = positions.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo]! + 1 };
}

function offsetsOf(node: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.range) out[String(pair.key.value)] = pair.key.range[0];
  }
  return out;
}

function fieldsOf(lc: LineCounter, node: unknown): Record<string, Pos> {
  const out: Record<string, Pos> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.range) out[String(pair.key.value)] = posAt(lc, pair.key.range[0]);
  }
  return out;
}

export function collectPositions(doc: Document, lc: LineCounter): PlanPositions {
  const root = doc.contents;
  const at = root?.range ? posAt(lc, root.range[0]) : START;
  const tasks: TaskPositions[] = [];
  const seq = isMap(root) ? root.get('tasks', true) : undefined;
  if (isSeq(seq)) {
    for (const item of seq.items) {
      const node = item as Node | null;
      tasks.push({ at: node?.range ? node.range[0] : 0, fields: offsetsOf(node) });
    }
  }
  const basedOn: Pos[] = [];
  const bases = isMap(root) ? root.get('basedOn', true) : undefined;
  if (isSeq(bases)) {
    for (const item of bases.items) {
      const node = item as Node | null;
      // Only plan references (a bare id or {plan: id}) are parents; legal bases are skipped.
      const isPlanRef = isScalar(node) || (isMap(node) && node.has('plan'));
      if (isPlanRef && node?.range) basedOn.push(posAt(lc, node.range[0]));
    }
  }
  const waivers: Pos[] = [];
  const list = isMap(root) ? root.get('waivers', true) : undefined;
  if (isSeq(list)) for (const item of list.items) waivers.push((item as Node | null)?.range ? posAt(lc, (item as Node).range![0]) : at);
  return { at, fields: fieldsOf(lc, root), tasks, lines: Int32Array.from(lc.lineStarts), basedOn, waivers };
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
