/**
 * The review letter (công văn góp ý) a reviewer sends to the issuer of a child plan, as plain
 * data: the check's report and the plans in, every sentence of the letter out, in the reader's
 * language. The three renderers (Word, Markdown, HTML) only lay it out.
 *
 * The form follows Nghị định 30/2020/NĐ-CP: issuing body and number, Quốc hiệu and Tiêu ngữ, place
 * and date, trích yếu, "Kính gửi", the body, "Nơi nhận" and the signature. What the reviewer did
 * not say (who signs, the number, the place) is a placeholder, never invented; the plans are named
 * by number and date where they carry them, else by title and issuer; tasks by the documents' own
 * numbering ("điểm a mục 1 phần II"), else by title; never by plan id, task key or rule id.
 *
 * What goes in: graded findings, grouped (missing tasks; deadlines; agencies; reporting), a few
 * warnings about the document itself (a date before its parent's, a number used twice, an
 * unreadable deadline), and in one sentence per parent what could not be compared (a parent known
 * only in part). What stays out: waived findings, infos (uncertain matches), and findings about
 * the plan file rather than the document (unknown agencies, links, waivers, invisible keys): they
 * are counted in `omitted`. A plan compared with no parent gets no letter.
 */
import type { Finding, Report } from '../../core/model/finding.js';
import { labelOf, ownersOf, type Plan, type Task } from '../../core/model/plan.js';
import { readerDate, type Lang } from '../messages.js';
import { rt } from '../terms.js';
import { joinAnd, joinWith, numberingList, numberingPhrase } from './numbering.js';

/** Where a name, a number or a place is not known: left for the reviewer to fill in. */
export const BLANK = '…………';
const NUMBER_BLANK = '…/…';

export interface LetterItem {
  text: string;
  rule: string;
  /** The child's task key and the parent's (for tests and scripts; never printed). */
  task: string | null;
  parentTask: string | null;
}

export type GroupKind = 'missing' | 'deadline' | 'agency' | 'reporting' | 'other' | 'unchecked';
export const GROUP_ORDER: readonly GroupKind[] = ['missing', 'deadline', 'agency', 'reporting', 'other', 'unchecked'];

export interface LetterGroup {
  kind: GroupKind;
  heading: string;
  items: LetterItem[];
}

export interface LetterSection {
  /** The parent this section compares with (null: the plan as a whole); heading null when the letter has one section. */
  parent: string | null;
  heading: string | null;
  /** "cơ bản phù hợp" when the section has no graded finding. */
  paragraphs: string[];
  groups: LetterGroup[];
}

export interface LetterModel {
  lang: Lang;
  /** Header, left column: the governing body (as given, upper case) and the issuing body. */
  superior: string | null;
  issuer: string;
  number: string;
  /** Header, right column. */
  nation: string;
  motto: string;
  placeDate: string;
  /** Trích yếu, under the number. */
  subject: string;
  salutation: string;
  opening: string;
  sections: LetterSection[];
  closing: string;
  recipientsHeading: string;
  recipients: string[];
  signatureTitle: string[];
  signer: string;
  /** Whether anything is asked of the recipient (the closing then asks for changes). */
  observations: boolean;
}

export interface LetterOptions {
  lang: Lang;
  /** The letter's date, YYYY-MM-DD. */
  today: string;
  /** The reviewing body (tên cơ quan ban hành), e.g. "Sở Nội vụ tỉnh Thanh Hóa". */
  issuer?: string | undefined;
  /** Its governing body (tên cơ quan chủ quản), printed above it, e.g. "UBND tỉnh Thanh Hóa". */
  superior?: string | undefined;
  /** The letter's number, e.g. "…/SNV-XDCQ". */
  number?: string | undefined;
  place?: string | undefined;
  signer?: string | undefined;
  /** The signature's title lines, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  title?: readonly string[] | undefined;
  /** Kính gửi: the child's issuer unless given. */
  recipient?: string | undefined;
}

/** Findings left out of the letter, by why. */
export interface Omitted {
  waived: number;
  info: number;
  other: number;
}

export type LetterResult =
  | { ok: true; letter: LetterModel; omitted: Omitted }
  /** The plan was compared with nothing (no-parent, empty-plan, no parent plan at all): no letter. */
  | { ok: false; findings: Finding[] };

const GROUP_OF: Record<string, GroupKind> = {
  'missing-task': 'missing',
  'late-deadline': 'deadline',
  'weakened-deadline': 'deadline',
  'misassigned-agency': 'agency',
  'wrong-level-agency': 'agency',
  'order-to-independent-body': 'agency',
  'reporting-chain': 'reporting',
  'issued-before-parent': 'other',
  'duplicate-task-number': 'other',
  'unreadable-deadline': 'other',
  'implausible-date': 'other',
  'cannot-check': 'unchecked',
};

// ------------------------------------------------------------------ words

/** A plan's date as far as it is stated: "ngày 26/06/2023", "tháng 11/2023", "năm 2023". */
function issuedPhrase(issued: string, lang: Lang): string {
  const [y, m, d] = issued.split('-');
  if (d) return rt('letter.full.day', lang, { date: readerDate(issued) });
  if (m) return rt('letter.full.month', lang, { month: m, year: y! });
  return rt('letter.full.year', lang, { year: y! });
}

/** "ngày 03 tháng 12 năm 2026": the day zero-padded below 10, the month below 3 (Nghị định 30/2020/NĐ-CP). */
function placeDate(place: string, today: string, lang: Lang): string {
  const [y, m, d] = today.split('-') as [string, string, string];
  const month = lang === 'vi' && Number(m) >= 3 ? String(Number(m)) : m;
  return rt('letter.placeDate', lang, { place, day: d, month, year: y });
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

/**
 * A title as it continues a Vietnamese sentence: "Triển khai thi hành …" → "triển khai thi hành …"
 * (a proper name stays); in English it is quoted as written.
 */
function inSentence(title: string, lang: Lang): string {
  const t = title.trim().replace(/^kế hoạch\s+/iu, '');
  if (lang !== 'vi') return t;
  const [first, second] = t.split(/\s+/u);
  if (!first || !second || first === upper(first) || second[0] !== second[0]!.toLocaleLowerCase('vi')) return t;
  return first[0]!.toLocaleLowerCase('vi') + t.slice(1);
}

/** "Ủy ban nhân dân thị xã Bỉm Sơn" → "UBND thị xã Bỉm Sơn" (the trích yếu's usual short form). */
const shortIssuer = (s: string): string => s.replace(/^(ủy|uỷ) ban nhân dân\s+/iu, 'UBND ');

/** A long plan text cut at a word for a mention in passing. */
function shortText(s: string, max = 90): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/[.;:,]$/, '');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[.;:,]$/, '')} …`;
}

const kindOf = (p: Plan): 'letter.kind.plan' | 'letter.kind.decision' => (p.number && /\/QĐ-/iu.test(p.number) ? 'letter.kind.decision' : 'letter.kind.plan');

/** A plan named in passing: "Kế hoạch số 172/KH-UBND", else "Kế hoạch của Ủy ban nhân dân tỉnh …", else by title. */
export function planRef(p: Plan, lang: Lang): string {
  const kind = rt(kindOf(p), lang);
  if (p.number) return rt('letter.ref.numbered', lang, { kind, number: p.number });
  if (p.issuer) return rt('letter.ref.issuer', lang, { kind, issuer: p.issuer });
  return rt('letter.ref.title', lang, { kind, title: inSentence(p.title, lang) });
}

/** A plan named in full: number, date, issuer and subject, and what its copy does not state. */
export function planCitation(p: Plan, lang: Lang): string {
  const kind = rt(kindOf(p), lang);
  const title = inSentence(p.title, lang);
  const pieces = [
    p.number ? rt('letter.ref.numbered', lang, { kind, number: p.number }) : rt('letter.ref.bare', lang, { kind }),
    p.issued ? issuedPhrase(p.issued, lang) : null,
    p.issuer ? rt('letter.full.issuer', lang, { issuer: p.issuer }) : null,
    /^ban hành\b/iu.test(title) ? rt('letter.full.title', lang, { title }) : rt('letter.full.about', lang, { title }),
    !p.number && !p.issued ? rt('letter.full.noNumberDate', lang) : !p.number ? rt('letter.full.noNumber', lang) : !p.issued ? rt('letter.full.noDate', lang) : null,
  ];
  return pieces.filter((x): x is string => x !== null).join(' ');
}

/** Where in the child: "điểm a mục 1 phần II", else the task by its title. */
function childWhere(t: Task | undefined, label: unknown, lang: Lang): string {
  const shown = t ? labelOf(t) : typeof label === 'string' ? label : null;
  const phrase = shown !== null ? numberingPhrase(shown, lang) : null;
  if (phrase) return phrase;
  return rt('letter.task', lang, { title: shortText(t?.title ?? '') || BLANK });
}

/** Where in the parent: "điểm a mục 1 phần II Kế hoạch số 172/KH-UBND", else its task by title. */
function parentCite(p: Plan, t: Task | undefined, lang: Lang): string {
  const plan = planRef(p, lang);
  const phrase = t ? numberingPhrase(labelOf(t), lang) : null;
  if (phrase) return rt('letter.cite', lang, { where: phrase, plan });
  if (t) return rt('letter.cite.task', lang, { title: shortText(t.title), plan });
  return plan;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
/**
 * A deadline as written, continuing a Vietnamese sentence: "Tháng 11 năm 2023" → "tháng 11 năm
 * 2023", "Hằng năm, trước …" → "hằng năm, trước …"; "Quý" keeps its capital, as plans write it.
 * In English it is quoted as written.
 */
function deadlineText(v: unknown, lang: Lang): string {
  const t = v && typeof v === 'object' && 'text' in v ? str((v as { text: unknown }).text) : str(v);
  if (lang !== 'vi' || /^quý(\s|$)/iu.test(t) || t.length < 2 || t[1] !== t[1]!.toLocaleLowerCase('vi')) return t;
  return t[0]!.toLocaleLowerCase('vi') + t.slice(1);
}
const known = (d: string): boolean => d !== '' && d !== 'unknown';

// ------------------------------------------------------------------ the letter

interface Ctx {
  lang: Lang;
  child: Plan;
  plans: ReadonlyMap<string, Plan>;
  childTask: (key: string | null) => Task | undefined;
}

const taskOf = (p: Plan | undefined, key: string | null): Task | undefined => (p && key !== null ? p.tasks.find((t) => t.key === key) : undefined);

/** One finding as an official's sentence (null: not for the letter). */
function itemText(f: Finding, c: Ctx): string | null {
  const { lang } = c;
  const d = f.data;
  const parent = f.parent !== null ? c.plans.get(f.parent) : undefined;
  const ct = c.childTask(f.task);
  const pt = taskOf(parent, f.parentTask);
  const where = childWhere(ct, d['childLabel'] ?? d['label'], lang);
  const cite = parent ? parentCite(parent, pt, lang) : '';
  const what = rt(ct?.deadlineKind === 'completion' ? 'letter.deadline.completion' : 'letter.deadline.execution', lang);
  const role = (r: unknown): string => rt(r === 'lead' ? 'letter.role.lead' : 'letter.role.implement', lang);
  switch (f.rule) {
    case 'missing-task': {
      if (!parent) return null;
      const title = pt?.title ?? str(d['parentTitle']);
      const deadline = pt?.deadline ?? str(d['parentDeadline']);
      return known(deadline) ? rt('letter.missing', lang, { title, cite, deadline }) : rt('letter.missing.noDeadline', lang, { title, cite });
    }
    case 'late-deadline':
      if (!parent) return null;
      if (d['variant'] === 'own-report') return rt('letter.ownReport', lang, { where, child: deadlineText(d['childDeadline'], lang), cite, parent: deadlineText(d['parentDeadline'], lang) });
      return rt('letter.late', lang, { what, where, child: deadlineText(d['childDeadline'], lang), parent: deadlineText(d['parentDeadline'], lang), cite });
    case 'weakened-deadline':
      if (!parent) return null;
      return rt('letter.weakened', lang, { what, where, child: deadlineText(d['childDeadline'], lang), parent: deadlineText(d['parentDeadline'], lang), cite });
    case 'misassigned-agency': {
      if (!parent) return null;
      // The child's agencies as its document writes them; the parent's and their counterparts as the tables name them.
      const actual = ct && ownersOf(ct).length ? ownersOf(ct) : strings(d['actual']);
      const parentAgencies = strings(d['parentAgencies']);
      const expected = strings(d['expected']);
      const vars = { role: role(ct?.lead?.length ? 'lead' : 'implement'), where, actual: joinAnd(actual, lang), cite, parentAgencies: joinAnd(parentAgencies, lang), expected: joinWith(expected, 'letter.or', lang) };
      // The parent names the child's own agency already ("Trung tâm … cấp huyện"): no counterpart to explain.
      if (expected.length && expected.every((e) => parentAgencies.includes(e))) return rt('letter.misassigned.direct', lang, vars);
      return expected.length ? rt('letter.misassigned', lang, vars) : rt('letter.misassigned.noExpected', lang, vars);
    }
    case 'wrong-level-agency':
      return rt('letter.wrongLevel', lang, { role: role(d['role']), where, agency: joinAnd(strings(d['agency']), lang) });
    case 'order-to-independent-body':
      return rt('letter.independent', lang, { role: role(d['role']), where, agency: joinAnd(strings(d['agency']), lang) });
    case 'reporting-chain':
      if (!parent) return null;
      return rt('letter.reporting', lang, { where, child: deadlineText(d['childDeadline'], lang), cite, parent: deadlineText(d['parentDeadline'], lang) });
    case 'issued-before-parent':
      if (!parent) return null;
      return rt('letter.issuedBefore', lang, { date: readerDate(str(d['childIssued'])), parent: planRef(parent, lang), parentDate: readerDate(str(d['parentIssued'])) });
    case 'duplicate-task-number':
      return rt('letter.duplicate', lang, { where });
    case 'unreadable-deadline':
      return rt('letter.unreadable', lang, { where, deadline: str(d['deadline']) });
    case 'implausible-date':
      return rt('letter.implausible', lang, { date: readerDate(str(d['date'])) });
    default:
      return null;
  }
}

/** Findings of one rule on one task naming several agencies (an order to "MTTQ và LĐLĐ") read as one item. */
function merged(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.rule !== 'wrong-level-agency' && f.rule !== 'order-to-independent-body') {
      out.push(f);
      continue;
    }
    const same = out.find((o) => o.rule === f.rule && o.task === f.task && o.data['role'] === f.data['role']);
    if (same) same.data['agency'] = [...new Set([...strings(same.data['agency']), str(f.data['agency'])])];
    else out.push({ ...f, data: { ...f.data, agency: strings(f.data['agency']) } });
  }
  return out;
}

/** The one sentence on what a partial or reconstructed parent leaves uncompared. */
function uncheckedSentence(parent: Plan, unchecked: readonly Finding[], c: Ctx): string {
  const { lang } = c;
  const labels = unchecked.map((f) => {
    const t = c.childTask(f.task);
    return t ? labelOf(t) : str(f.data['childLabel']);
  });
  const { phrase, others } = numberingList(labels, c.child.tasks.map(labelOf), lang);
  const byTitle = others.map((l) => rt('letter.task', lang, { title: shortText(c.child.tasks.find((t) => labelOf(t) === l)?.title ?? l) }));
  const items = [...(phrase ? [phrase] : []), ...byTitle];
  const itemsText = items.length ? joinAnd(items, lang) : null;
  const ref = planRef(parent, lang);
  if (parent.completeness?.reconstructed) {
    return itemsText ? rt('letter.reconstructed', lang, { parent: ref, items: itemsText }) : rt('letter.reconstructed.noItems', lang, { parent: ref });
  }
  const untilKey = parent.completeness?.knownUntil?.task;
  const until = untilKey !== undefined ? parent.tasks.find((t) => t.key === untilKey) : undefined;
  const where = until ? numberingPhrase(labelOf(until), lang) ?? rt('letter.task', lang, { title: shortText(until.title) }) : null;
  if (where) return itemsText ? rt('letter.partial', lang, { parent: ref, where, items: itemsText }) : rt('letter.partial.noItems', lang, { parent: ref, where });
  return itemsText ? rt('letter.partial.noWhere', lang, { parent: ref, items: itemsText }) : rt('letter.partial.none', lang, { parent: ref });
}

function groupsOf(findings: readonly Finding[], parent: Plan | null, c: Ctx): LetterGroup[] {
  const childIndex = (k: string | null): number => (k === null ? -1 : c.child.tasks.findIndex((t) => t.key === k));
  const parentIndex = (k: string | null): number => (k === null || !parent ? -1 : parent.tasks.findIndex((t) => t.key === k));
  // The document's order: the child's task, then the parent's (a missing task sits where its parent task does).
  const sorted = [...merged(findings)].sort((a, b) => childIndex(a.task) - childIndex(b.task) || parentIndex(a.parentTask) - parentIndex(b.parentTask));
  const groups = new Map<GroupKind, LetterItem[]>();
  const add = (kind: GroupKind, item: LetterItem): void => {
    const items = groups.get(kind) ?? [];
    if (!items.some((i) => i.text === item.text)) items.push(item);
    groups.set(kind, items);
  };
  const unchecked: Finding[] = [];
  for (const f of sorted) {
    const kind = f.rule === 'late-deadline' && f.data['variant'] === 'own-report' ? 'reporting' : GROUP_OF[f.rule];
    if (kind === undefined) continue;
    if (kind === 'unchecked') {
      unchecked.push(f);
      continue;
    }
    const text = itemText(f, c);
    if (text !== null) add(kind, { text, rule: f.rule, task: f.task, parentTask: f.parentTask });
  }
  if (parent && (parent.completeness?.status === 'partial' || unchecked.length)) {
    add('unchecked', { text: uncheckedSentence(parent, unchecked, c), rule: 'cannot-check', task: null, parentTask: null });
  }
  return GROUP_ORDER.filter((k) => groups.has(k)).map((kind) => ({ kind, heading: rt(`letter.group.${kind}`, c.lang), items: groups.get(kind)! }));
}

/**
 * The letter for `childId`, from the check's report (findings and the rules' metadata) and the
 * plans the run read. No letter for a plan compared with nothing.
 */
export function buildLetter(report: Report, plans: ReadonlyMap<string, Plan>, childId: string, opts: LetterOptions): LetterResult {
  const lang = opts.lang;
  const child = plans.get(childId);
  const ref = report.plans.find((p) => p.id === childId);
  const mine = report.findings.filter((f) => f.plan === childId);
  const nothing = mine.filter((f) => f.rule === 'no-parent' || f.rule === 'empty-plan');
  const parents = (ref?.parents ?? []).filter((id) => plans.has(id));
  if (!child || nothing.length || !parents.length) return { ok: false, findings: nothing };

  const graded = new Set(report.rules.filter((r) => r.graded).map((r) => r.id));
  const omitted: Omitted = { waived: 0, info: 0, other: 0 };
  const used: Finding[] = [];
  for (const f of mine) {
    if (f.waived) omitted.waived++;
    else if (f.rule === 'cannot-check') used.push(f);
    else if (f.severity === 'info') omitted.info++;
    else if (GROUP_OF[f.rule] === undefined) omitted.other++;
    else used.push(f);
  }
  const c: Ctx = { lang, child, plans, childTask: (k) => taskOf(child, k) };

  const sectionFor = (parentId: string | null, findings: Finding[], heading: string | null): LetterSection => {
    const parent = parentId !== null ? plans.get(parentId)! : null;
    const groups = groupsOf(findings, parent, c);
    const consistent = parent && !findings.some((f) => graded.has(f.rule)) ? [rt('letter.consistent', lang, { parent: planRef(parent, lang) })] : [];
    return { parent: parentId, heading, paragraphs: consistent, groups };
  };
  const alone = used.filter((f) => f.parent === null);
  const several = parents.length > 1;
  const sections = parents.map((p) =>
    sectionFor(p, [...used.filter((f) => f.parent === p), ...(several ? [] : alone)], several ? rt('letter.section.parent', lang, { parent: planRef(plans.get(p)!, lang) }) : null),
  );
  if (several && alone.length) sections.push(sectionFor(null, alone, rt('letter.section.plan', lang)));
  // Anything asked of the recipient (not only what could not be compared): the closing asks for changes.
  const observations = sections.some((s) => s.groups.some((g) => g.kind !== 'unchecked'));

  const reviewer = opts.issuer ?? BLANK;
  const recipient = opts.recipient ?? child.issuer ?? BLANK;
  const subjectPlan = rt('letter.subject.plan', lang, { title: inSentence(child.title, lang) });
  const number = opts.number ? opts.number.replace(/^số\s*:?\s*/iu, '') : NUMBER_BLANK;
  const unit = opts.number && /-([^-/\s…]+)\s*$/u.test(opts.number) ? /-([^-/\s…]+)\s*$/u.exec(opts.number)![1]! : BLANK;
  return {
    ok: true,
    omitted,
    letter: {
      lang,
      superior: opts.superior ? upper(opts.superior) : null,
      issuer: opts.issuer ? upper(opts.issuer) : BLANK,
      number: rt('letter.number', lang, { number }),
      nation: rt('letter.nation', lang),
      motto: rt('letter.motto', lang),
      placeDate: placeDate(opts.place ?? BLANK, opts.today, lang),
      subject: child.issuer
        ? rt('letter.subject', lang, { plan: subjectPlan, issuer: lang === 'vi' ? shortIssuer(child.issuer) : child.issuer })
        : rt('letter.subject.noIssuer', lang, { plan: subjectPlan }),
      salutation: rt('letter.to', lang, { recipient }),
      opening: rt('letter.opening', lang, { reviewer, child: planCitation(child, lang), parents: joinAnd(parents.map((p) => planCitation(plans.get(p)!, lang)), lang) }),
      sections,
      closing: rt(observations ? 'letter.closing.comments' : 'letter.closing.consistent', lang, { reviewer, recipient }),
      recipientsHeading: rt('letter.recipients', lang),
      recipients: [rt('letter.asAbove', lang), rt('letter.archive', lang, { unit })],
      signatureTitle: opts.title?.length ? opts.title.map(upper) : [BLANK],
      signer: opts.signer ?? BLANK,
      observations,
    },
  };
}
