/**
 * One outline item → one task: its fields ("Cơ quan chủ trì: …"), its `+`/`-` duties, and
 * the owners named in its sentences where no field names them.
 */
import type { Said } from '../load/errors.js';
import type { Duty, Task } from '../model/plan.js';
import type { AgencySplitter } from './split.js';
import { AGENCY_HEAD, MAX_SUBJECT_TRIES, splitChairs, splitHeadingBody, splitSubject, type Subject } from './subject.js';
import type { Item } from './tree.js';
import { deadlineInText } from './when.js';
import { trimEndRun } from './scan.js';

export interface TaskCtx {
  split: AgencySplitter;
  /** Organisation sections: the whole paragraph is the title and owners come from its sentence. */
  org: boolean;
  /** A KINH PHÍ section: its paragraphs are the issuer's own funding duty, owner named or not (checking.md). */
  funding?: boolean;
  unplaced(item: Item, why: string, whySaid: Said): void;
}

export const stripEnd = (s: string): string => trimEndRun(s, /^[\s.;,]$/u);

/** A heading that only names agencies ("1. Sở Nội vụ", "6. Đề nghị Ban Dân vận Tỉnh ủy"). */
export function headingOwner(text: string): { owner: string; request: boolean } | null {
  // A heading that names an owner is short and is not a sentence.
  if (text.length > 150 || /[.!?]$/u.test(text)) return null;
  const s = splitSubject(text, { agencyOnly: true });
  return s.subject && !s.rest ? { owner: s.subject, request: s.request } : null;
}

/** The owner of a free sentence: its subject, else "… đề nghị X …" / "Giao X …" inside it. */
export function sentenceOwner(text: string): Subject | null {
  const s = splitSubject(text);
  if (s.subject) return s;
  let tries = 0;
  for (const m of text.matchAll(/(?:^|[,.;]\s+)(đề nghị|Đề nghị|giao|Giao)\s+/gu)) {
    const after = text.slice(m.index + m[0].length);
    if (!AGENCY_HEAD.test(after)) continue;
    if (++tries > MAX_SUBJECT_TRIES) break;
    const inner = splitSubject(after);
    if (inner.subject) return { ...inner, request: /nghị/u.test(m[1]!) };
  }
  return null;
}

/** A `+`/`-` bullet: "Sở Nội vụ tổ chức …" → owner Sở Nội vụ; "Đề nghị X …" → a request. */
export function dutyOf(text: string, split: AgencySplitter): Duty {
  const s = splitSubject(text);
  if (!s.subject) return { does: text };
  const owners = split(s.subject);
  const owner = owners.length === 1 ? owners[0]! : owners;
  return { ...(owners.length ? { owner } : {}), ...(s.request ? { request: true } : {}), does: s.predicate ?? s.rest };
}

/** Agencies of a field value; any duty written after them goes to `details`. */
function fieldAgencies(value: string, split: AgencySplitter): { names: string[]; details?: string } {
  const s = splitSubject(value, { agencyOnly: true });
  if (!s.subject) return { names: split(value) };
  // "A hướng dẫn B, C và D thực hiện": A guides, B, C and D carry out; all of them implement.
  const guided = /^hướng dẫn\s+(.+?)\s+thực hiện\.?$/u.exec(s.predicate ?? '');
  if (guided) return { names: [...split(s.subject), ...split(guided[1]!)] };
  return { names: split(s.subject), ...(s.predicate ? { details: s.predicate } : {}) };
}

const add = (list: string[] | undefined, names: string[]): string[] => [...(list ?? []), ...names];

export function makeTask(node: Item, key: string, ctx: TaskCtx, label?: string): Task {
  const fields = node.children.filter((c) => c.field);
  const texts = node.children.filter((c) => c.kind === 'text' && !c.field);
  const dashes = node.children.filter((c) => c.kind === 'dash' && !c.field);
  const pluses = node.children.filter((c) => c.kind === 'plus' && !c.field);
  const t: Task = { key, ...(label && label !== key ? { label } : {}), title: '' };
  const details: string[] = [];
  const duties: Duty[] = [];
  const used = new Set<Item>();
  const heading = headingOwner(node.text);

  const own = (s: Subject, title: string, withDetails: boolean): void => {
    if (!s.subject) return;
    if (s.leads) t.lead = add(t.lead, ctx.split(s.subject));
    else t.implement = add(t.implement, ctx.split(s.subject));
    if (s.coordinate) t.coordinate = add(t.coordinate, ctx.split(s.coordinate));
    if (s.request) t.request = true;
    if (withDetails && s.rest) details.push(s.rest);
    t.title = title;
  };

  if (heading) {
    t.implement = ctx.split(heading.owner);
    if (heading.request) t.request = true;
    if (texts.length) {
      t.title = texts.map((x) => x.text).join(' ');
      texts.forEach((x) => used.add(x));
    } else if (dashes.length === 1) {
      t.title = dashes[0]!.text;
      used.add(dashes[0]!);
    } else t.title = node.text;
    // A duty under an owner heading may name a narrower owner of its own (Hòa Bình V.4-2).
    const narrower = t.title === node.text ? null : splitSubject(t.title);
    if (narrower?.subject) {
      t.implement = ctx.split(narrower.subject);
      if (narrower.request) t.request = true;
    }
    const chairs = splitChairs(t.title);
    if (chairs.leads) {
      t.lead = t.implement;
      delete t.implement;
      if (chairs.coordinate) t.coordinate = ctx.split(chairs.coordinate);
    }
  } else if (ctx.org) {
    const full = [node.text, ...texts.map((x) => x.text)].join(' ');
    texts.forEach((x) => used.add(x));
    t.title = full;
    const s = sentenceOwner(full);
    if (s) own(s, s.capital ? s.rest : full, false);
  } else {
    t.title = node.text;
    const cut = splitHeadingBody(node.text);
    if (cut) {
      t.title = cut.head;
      texts.unshift({ ...node, kind: 'text', text: cut.body, children: [] });
    }
    const hasOwnerField = fields.some((f) => f.field && ['lead', 'implement'].includes(f.field.name));
    if (!hasOwnerField) {
      // The title itself may name the owner: "Đề nghị Ủy ban Mặt trận … tổ chức tập huấn …".
      const s = splitSubject(t.title);
      if (s.subject) own(s, t.title, false);
    }
    for (const x of texts) {
      used.add(x);
      const s = !t.lead && !t.implement && !hasOwnerField ? splitSubject(x.text) : null;
      if (s?.subject) own(s, t.title, true);
      else details.push(x.text);
    }
  }

  for (const f of fields) {
    const field = f.field!;
    const bullets = f.children.filter((c) => c.kind === 'plus' || c.kind === 'dash');
    bullets.forEach((b) => duties.push(dutyOf(b.text, ctx.split)));
    const bulleted = new Set(bullets);
    f.children.filter((c) => !bulleted.has(c)).forEach((c) => ctx.unplaced(c, `inside "${field.label}"`, { key: 'import.why.inside', vars: { field: field.label } }));
    if (field.name === 'lead' || field.name === 'implement' || field.name === 'coordinate') {
      if (!field.value) continue;
      const a = fieldAgencies(field.value, ctx.split);
      t[field.name] = add(t[field.name], a.names);
      if (a.details) details.push(a.details);
    } else if (field.name === 'deadline') {
      if (field.value) t.deadline = stripEnd(field.value);
      if (field.kind) t.deadlineKind = field.kind;
    } else if (field.name === 'form') {
      if (field.value) t.form = field.value;
    } else if (field.value) details.push(field.name === 'details' ? field.value : `${field.label}: ${field.value}`);
  }
  for (const d of [...dashes, ...pluses]) {
    if (used.has(d)) continue;
    duties.push(dutyOf(d.text, ctx.split));
    d.children.forEach((c) => ctx.unplaced(c, 'under a duty', { key: 'import.why.duty' }));
  }
  for (const c of node.children) {
    if (c.kind === 'letter' && !c.field) ctx.unplaced(c, 'a lettered line inside a task', { key: 'import.why.lettered' });
  }
  if (!t.deadline && ctx.org) {
    const d = deadlineInText(t.title);
    if (d) t.deadline = d;
  }
  if (!t.title) t.title = node.text || key;
  if (details.length) t.details = details.join(' ');
  if (duties.length) t.duties = duties;
  return order(t);
}

const ORDER: (keyof Task)[] = [
  'key', 'label', 'title', 'lead', 'implement', 'coordinate', 'request', 'duties', 'form', 'details', 'deadline', 'deadlineKind',
  'implements', 'cascade', 'attestedBy', 'note',
];

/** Fields in one fixed order, so the YAML is the same whatever order the text gave them in. */
export function order(t: Task): Task {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (t[k] !== undefined) out[k] = t[k];
  return out as Task;
}
