/**
 * Writes explicit `implements` links into a plan's YAML text by inserting whole lines and
 * nothing else. The yaml package's Document API would re-print the file (quotes, folding,
 * blank lines, comment placement); drafters keep plans in version control and review diffs,
 * so the rest of the file must stay byte-identical. We therefore only read the parsed
 * document's source ranges to find where each task's block ends, and splice new lines in
 * at line boundaries. The result is re-parsed and compared with the expected data before
 * it is returned: a layout we cannot edit safely is refused, never guessed at.
 * Pure: text in, text out.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

export interface NewLink {
  plan: string;
  task: string;
  fingerprint: string;
}

export interface LinkInsertion {
  /** Key of the child task that gets the links. */
  taskKey: string;
  links: NewLink[];
}

export type InsertResult =
  | { ok: true; text: string; addedLines: number }
  | { ok: false; problems: { taskKey: string | null; message: string }[] };

interface Splice {
  offset: number;
  lines: string[];
}

const scalar = (v: string): string => stringify(v, { lineWidth: 0 }).trimEnd();

/** A link as block-style YAML lines, its "-" at `indent` columns. */
function linkLines(l: NewLink, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return [`${pad}- plan: ${scalar(l.plan)}`, `${pad}  task: ${scalar(l.task)}`, `${pad}  fingerprint: ${scalar(l.fingerprint)}`];
}

/** The offset just past the line on which a node's value ends (a line boundary). */
function lineAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl === -1 ? text.length : nl + 1;
}

/** How far this file indents a block sequence under its key (0 or 2, usually): the file's most common choice. */
function seqIndent(tasks: YAMLSeq, lc: LineCounter): number {
  const counts = new Map<number, number>();
  for (const item of tasks.items) {
    if (!isMap(item)) continue;
    for (const pair of item.items) {
      const v = pair.value as Node | null;
      if (isSeq(v) && !v.flow && v.range && isScalar(pair.key) && pair.key.range) {
        const d = lc.linePos(v.range[0]).col - lc.linePos(pair.key.range[0]).col;
        counts.set(d, (counts.get(d) ?? 0) + 1);
      }
    }
  }
  // Ties (and files without block lists) take 2, the style of the bundled plans.
  return [...counts].sort((a, b) => b[1] - a[1] || Math.abs(a[0] - 2) - Math.abs(b[0] - 2))[0]?.[0] ?? 2;
}

function spliceFor(task: YAMLMap, links: NewLink[], text: string, lc: LineCounter, indent: number): Splice | string {
  if (task.flow) return 'the task is written in flow style ({…}); add the links by hand';
  const existing = task.items.find((p) => isScalar(p.key) && p.key.value === 'implements');
  if (existing) {
    const seq = existing.value as Node | null;
    if (!isSeq(seq) || seq.flow || !seq.range) return 'its implements is not a block list; add the links by hand';
    const col = lc.linePos(seq.range[0]).col - 1;
    return { offset: lineAfter(text, seq.range[1]), lines: links.flatMap((l) => linkLines(l, col)) };
  }
  const last = task.items[task.items.length - 1];
  const firstKey = task.items[0]?.key as Node | undefined;
  if (!last || !firstKey?.range) return 'the task has no fields';
  const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  if (end === undefined) return 'cannot find where the task ends';
  const col = lc.linePos(firstKey.range[0]).col - 1;
  return { offset: lineAfter(text, end), lines: [`${' '.repeat(col)}implements:`, ...links.flatMap((l) => linkLines(l, col + indent))] };
}

/** The data the edited file must hold: the original with the links appended to each task. */
function expected(data: unknown, insertions: readonly LinkInsertion[]): unknown {
  const copy = structuredClone(data) as { tasks: { key: string; implements?: unknown[] }[] };
  for (const ins of insertions) {
    const t = copy.tasks.find((x) => x.key === ins.taskKey);
    if (t) t.implements = [...(t.implements ?? []), ...ins.links.map((l) => ({ ...l }))];
  }
  return copy;
}

/** One insertion per task, links in the order given (two splices at one offset would reverse them). */
function merged(insertions: readonly LinkInsertion[]): LinkInsertion[] {
  const byTask = new Map<string, NewLink[]>();
  for (const ins of insertions) byTask.set(ins.taskKey, [...(byTask.get(ins.taskKey) ?? []), ...ins.links]);
  return [...byTask].map(([taskKey, links]) => ({ taskKey, links }));
}

export function insertLinks(original: string, requested: readonly LinkInsertion[]): InsertResult {
  const insertions = merged(requested);
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return { ok: false, problems: [{ taskKey: null, message: `the file does not parse: ${doc.errors[0]!.message.split('\n')[0]}` }] };
  const tasks = isMap(doc.contents) ? doc.contents.get('tasks', true) : undefined;
  if (!isSeq(tasks) || tasks.flow) return { ok: false, problems: [{ taskKey: null, message: 'tasks is not a block list' }] };
  const indent = seqIndent(tasks, lc);
  const splices: Splice[] = [];
  const problems: { taskKey: string | null; message: string }[] = [];
  for (const ins of insertions) {
    if (!ins.links.length) continue;
    const task = tasks.items.find((t): t is YAMLMap => isMap(t) && t.get('key') === ins.taskKey);
    const s = task ? spliceFor(task, ins.links, text, lc, indent) : 'no task has this key';
    if (typeof s === 'string') problems.push({ taskKey: ins.taskKey, message: s });
    else splices.push(s);
  }
  if (problems.length) return { ok: false, problems };
  let out = text;
  // From the end backwards, so earlier offsets stay valid.
  for (const s of [...splices].sort((a, b) => b.offset - a.offset)) {
    const lead = s.offset === out.length && out.length > 0 && !out.endsWith('\n') ? eol : '';
    out = out.slice(0, s.offset) + lead + s.lines.map((l) => l + eol).join('') + out.slice(s.offset);
  }
  const check = parseDocument(out);
  if (check.errors.length || !isDeepStrictEqual(check.toJS(), expected(doc.toJS(), insertions))) {
    return { ok: false, problems: [{ taskKey: null, message: 'the edited file would not read back as intended; nothing was written (please report this layout)' }] };
  }
  return { ok: true, text: bom + out, addedLines: splices.reduce((n, s) => n + s.lines.length, 0) };
}
