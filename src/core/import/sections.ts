/**
 * The outline's Roman sections → tasks. Which sections hold tasks is read from their
 * headings: "NỘI DUNG (THỰC HIỆN)" / "NHIỆM VỤ" hold the tasks, "TỔ CHỨC THỰC HIỆN" and
 * "KINH PHÍ" the duties per agency, "MỤC ĐÍCH, YÊU CẦU" none. Anything else (Hòa Bình's
 * conference content) is kept as a note and reported, never dropped.
 */
import type { Said } from '../load/errors.js';
import type { Task } from '../model/plan.js';
import { foldKey } from '../domain/canonical.js';
import type { AgencySplitter } from './split.js';
import { headingOwner, makeTask, sentenceOwner, type TaskCtx } from './task.js';
import type { Item } from './tree.js';

export type SectionKind = 'purpose' | 'tasks' | 'org' | 'funding' | 'other';

export function sectionKind(heading: string): SectionKind {
  const h = foldKey(heading).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (/tổ chức thực hiện|trách nhiệm|phân công/u.test(h)) return 'org';
  if (/^kinh phí/u.test(h)) return 'funding';
  if (/^(các )?(nội dung|nhiệm vụ)( (cụ thể|thực hiện|trọng tâm|chủ yếu|và giải pháp|giải pháp|nhiệm vụ|triển khai))*$/u.test(h)) return 'tasks';
  if (/mục đích|yêu cầu/u.test(h)) return 'purpose';
  return 'other';
}

export interface Built {
  task: Task;
  line: number;
  /** A YAML comment to print before the task (a heading that is not itself a task). */
  comment?: string;
}

export interface SectionsOut {
  tasks: Built[];
  notes: string[];
  warnings: { line: number; message: string; said: Said }[];
}

const MARK: Record<Item['kind'], (m: string) => string> = {
  root: () => '', roman: (m) => `${m}. `, num: (m) => `${m}. `, letter: (m) => `${m}) `, dash: () => '- ', plus: () => '+ ', text: () => '',
};

/** An item and everything under it, as text lines (for notes). */
export function flatten(item: Item): string[] {
  return [`${MARK[item.kind](item.mark)}${item.text}`, ...item.children.flatMap(flatten)];
}

const short = (s: string): string => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

export function buildSections(root: Item, split: AgencySplitter): SectionsOut {
  const out: SectionsOut = { tasks: [], notes: [], warnings: [] };
  const keys = new Set<string>();
  const unplaced = (item: Item, why: string, whySaid: Said): void => {
    out.warnings.push({ line: item.line, message: `could not place ${why}: "${short(item.text)}" (kept as a note)`, said: { key: 'import.unplaced', vars: { text: short(item.text) }, inner: whySaid } });
    // No line number in the note: the YAML must not change when the text is re-wrapped.
    out.notes.push(`Not placed (${why}): ${flatten(item).join(' ')}`);
  };
  // A number printed twice (Thái Nguyên's second "d)") gets key "II.1.d-2" and keeps its label.
  // The next suffix to try per number: keys are only ever added, so the ones below it are taken
  // (counting from 2 each time made a number printed thousands of times quadratic).
  const nextSuffix = new Map<string, number>();
  const uniqueKey = (printed: string): { key: string; label?: string } => {
    if (!keys.has(printed)) {
      keys.add(printed);
      return { key: printed };
    }
    let n = nextSuffix.get(printed) ?? 2;
    while (keys.has(`${printed}-${n}`)) n++;
    keys.add(`${printed}-${n}`);
    nextSuffix.set(printed, n + 1);
    return { key: `${printed}-${n}`, label: printed };
  };
  const push = (node: Item, printed: string, ctx: TaskCtx, comment?: string, label?: string): void => {
    if (label) keys.add(printed);
    const k = label ? { key: printed, label } : uniqueKey(printed);
    if (k.label && !label) out.warnings.push({ line: node.line, message: `task number ${printed} is printed twice: keyed ${k.key}`, said: { key: 'import.printed-twice', vars: { printed, key: k.key } } });
    out.tasks.push({ task: makeTask(node, k.key, ctx, k.label), line: node.line, ...(comment ? { comment } : {}) });
  };

  const item = (node: Item, printed: string, ctx: TaskCtx): void => {
    const letters = node.children.filter((c) => c.kind === 'letter' && !c.field);
    const fields = node.children.filter((c) => c.field);
    const dashes = node.children.filter((c) => c.kind === 'dash' && !c.field);
    if (letters.length) {
      if (fields.length) push(node, printed, ctx);
      else {
        node.children.filter((c) => c.kind !== 'letter' || c.field).forEach((c) => unplaced(c, `text under the heading ${printed}`, { key: 'import.why.heading', vars: { printed } }));
        const head = uniqueKey(printed);
        out.tasks.push({ task: { key: '', title: '' }, line: -1, comment: `${head.key} (heading only): ${node.text}` });
      }
      letters.forEach((l) => item(l, `${printed}.${l.mark}`, ctx));
      return;
    }
    // "1. Sở Nội vụ" followed by unnumbered "-" duties: each duty is a task, keyed V.1-1, V.1-2 …
    if (!fields.length && dashes.length >= 2) {
      const owner = headingOwner(node.text) !== null;
      const duty = new Set(dashes);
      node.children.filter((c) => !duty.has(c)).forEach((c) => unplaced(c, `text under ${printed}`, { key: 'import.why.under', vars: { printed } }));
      const { key: base } = uniqueKey(printed);
      out.tasks.push({ task: { key: '', title: '' }, line: -1, comment: `${base} ${node.text}` });
      dashes.forEach((d, i) => {
        // With an owner heading the duty is read as the heading's body; otherwise on its own.
        const asTask: Item = owner
          ? { ...node, line: d.line, children: [{ ...d, kind: 'text', children: [] }, ...d.children] }
          : { ...d, kind: 'text' };
        push(asTask, `${base}-${i + 1}`, ctx, undefined, base);
      });
      return;
    }
    if (ctx.org && !ctx.funding && !headingOwner(node.text) && !sentenceOwner([node.text, ...node.children.map((c) => c.text)].join(' '))) {
      unplaced(node, `${printed} names no agency, so it is not a task`, { key: 'import.why.no-agency', vars: { printed } });
      return;
    }
    push(node, printed, ctx);
  };

  for (const sec of root.children) {
    if (sec.kind !== 'roman') {
      unplaced(sec, 'text outside any numbered section', { key: 'import.why.outside' });
      continue;
    }
    const kind = sectionKind(sec.text);
    if (kind === 'purpose') continue;
    if (kind === 'other') {
      out.warnings.push({ line: sec.line, message: `section ${sec.mark} "${short(sec.text)}" is not a task section: kept as a note`, said: { key: 'import.not-task-section', vars: { mark: sec.mark, text: short(sec.text) } } });
      out.notes.push(`Not placed (section ${sec.mark} is not a task section): ${flatten(sec).join(' ')}`);
      continue;
    }
    const ctx: TaskCtx = { split, org: kind !== 'tasks', funding: kind === 'funding', unplaced };
    // A KINH PHÍ section written as plain paragraphs, without numbers: one task, keyed by the section.
    if (kind === 'funding' && sec.children.length && sec.children.every((c) => c.kind === 'text')) {
      push({ ...sec, kind: 'text', text: sec.children.map((c) => c.text).join(' '), children: [] }, sec.mark, ctx);
      continue;
    }
    let n = 0;
    for (const c of sec.children) {
      if (c.kind === 'num' || c.kind === 'letter') item(c, `${sec.mark}.${c.mark}`, ctx);
      // An appendix (importer.ts) keeps the section rows of its table: "PL.I.1".
      else if (c.kind === 'roman') c.children.forEach((cc) => (cc.kind === 'num' || cc.kind === 'letter' ? item(cc, `${sec.mark}.${c.mark}.${cc.mark}`, ctx) : unplaced(cc, `text under ${sec.mark}.${c.mark}`, { key: 'import.why.under', vars: { printed: `${sec.mark}.${c.mark}` } })));
      else if (c.kind === 'dash' && !c.field) push({ ...c, kind: 'text' }, `${sec.mark}-${++n}`, ctx, undefined, sec.mark);
      else unplaced(c, `text under section ${sec.mark}`, { key: 'import.why.section', vars: { mark: sec.mark } });
    }
  }
  // Heading comments travel with the next real task.
  const tasks: Built[] = [];
  let pending: string[] = [];
  for (const b of out.tasks) {
    if (!b.task.key) pending.push(b.comment ?? '');
    else {
      tasks.push(pending.length ? { ...b, comment: [...pending, ...(b.comment ? [b.comment] : [])].join('\n') } : b);
      pending = [];
    }
  }
  return { ...out, tasks };
}
