/**
 * The plan model (zod). Semantics follow shared/plan-format.md: what a document does not
 * state is absent or `unknown`, never invented. Agencies and deadlines are kept as written;
 * resolution happens in code (src/core/domain), never by hand in the YAML.
 */
import { z } from 'zod';

/**
 * The model's own messages (English, as zod reports them); a load error carries the key as well
 * (`load.schema.<key>` in rules/messages.yaml), so that a reader sees it in their language.
 */
export const MODEL_MESSAGES = {
  id: 'an id is lower-case kebab-case: letters a-z, digits and "-"',
  date: 'a date is YYYY, YYYY-MM or YYYY-MM-DD',
  calendar: 'not a date of the calendar (month 01–12, a day the month has)',
  'blank-key': 'a task key cannot be blank',
  'one-basis': 'a legal basis names exactly one of law, decree, decision, circular',
} as const;

export const LEVELS = ['national', 'province', 'district', 'commune', 'department'] as const;
export const Level = z.enum(LEVELS).describe('Level of the issuer: national, province, district, commune, or a department (sở/ban/ngành) plan');
export type Level = z.infer<typeof Level>;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, MODEL_MESSAGES.id)
  .describe('Stable identifier of a plan, unique in the corpus');

/** Whether "YYYY", "YYYY-MM" or "YYYY-MM-DD" names a real month and day (2023-02-30 does not). */
function onCalendar(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A date as far as the document states it: "2023", "2023-11" (ngày … tháng 11 năm 2023) or "2023-06-26". */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, MODEL_MESSAGES.date)
  .refine(onCalendar, MODEL_MESSAGES.calendar)
  .describe('Issue date as stated: YYYY-MM-DD, or YYYY-MM / YYYY when the document leaves the day blank');

const Names = z
  .array(z.string().min(1))
  .describe('Agency names as written, one entry per agency (block style: names contain commas)');

/** "unknown" marks a value the source does not state (cut off, or not attested). */
export const Unknown = z.literal('unknown');

export const Duty = z
  .object({
    owner: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional()
      .describe('Agency or agencies owning this "+" bullet; absent when the bullet names none (it falls to the task lead)'),
    request: z.boolean().optional().describe('true for "Đề nghị …": a request to a body the issuer cannot command'),
    does: z.string().min(1).describe('What the owner does, as written'),
    deadline: z.string().min(1).optional().describe('A deadline written inside the bullet itself'),
  })
  .strict();
export type Duty = z.infer<typeof Duty>;

/** A task key as cited (links, waivers): not blank, since keys are compared without surrounding spaces. */
const KeyRef = z.string().regex(/\S/, MODEL_MESSAGES['blank-key']);

export const TaskLink = z.union([
  KeyRef.describe('Key of the implemented task in the (single) direct parent'),
  z
    .object({
      plan: Id,
      task: KeyRef,
      fingerprint: z.string().optional().describe('Written by `kehoach link`: hash of the parent task when linked'),
    })
    .strict(),
]);
export type TaskLink = z.infer<typeof TaskLink>;

export const Cascade = z.enum(['required', 'optional', 'none']);

export const Task = z
  .object({
    key: KeyRef.describe('Unique in the file and stable; findings cite it (compared in Unicode NFC, without surrounding spaces)'),
    label: z.string().min(1).optional().describe('Numbering as printed, when it differs from key (a repeated or missing number)'),
    title: z.string().min(1),
    lead: Names.optional().describe('"Cơ quan chủ trì"'),
    implement: Names.optional().describe('"Cơ quan thực hiện": acts as lead where no chủ trì is named'),
    coordinate: Names.optional().describe('"Cơ quan phối hợp"'),
    request: z.boolean().optional().describe('The task itself is a request ("Đề nghị X …") to its lead/implementer'),
    duties: z.array(Duty).optional().describe('The "+" bullets: per-agency duties'),
    form: z.string().optional().describe('"Hình thức"'),
    details: z.string().optional().describe('"Nội dung thực hiện" or other text of the task'),
    deadline: z.string().min(1).optional().describe('The deadline text as written, or "unknown" where the source is cut off or silent'),
    deadlineKind: z.enum(['execution', 'completion']).optional()
      .describe('"Thời gian thực hiện" (execution window) or "Thời gian hoàn thành" (completion deadline)'),
    implements: z.array(TaskLink).optional().describe('Explicit links to the parent tasks this task carries out'),
    cascade: Cascade.optional().describe('Override of which children must carry this task'),
    attestedBy: z.array(z.string().min(1)).optional().describe('Reconstructed plans: the sources that attest this task'),
    note: z.string().optional().describe('Editorial note'),
  })
  .strict();
export type Task = z.infer<typeof Task>;

export const LegalBasis = z
  .object({
    law: z.string().optional(),
    decree: z.string().optional(),
    decision: z.string().optional(),
    circular: z.string().optional(),
    title: z.string().optional(),
    issued: PartialDate.optional(),
  })
  .strict()
  .refine((b) => [b.law, b.decree, b.decision, b.circular].filter(Boolean).length === 1, {
    message: MODEL_MESSAGES['one-basis'],
  });
export type LegalBasis = z.infer<typeof LegalBasis>;

export const BasedOn = z.union([Id, z.object({ plan: Id }).strict(), LegalBasis]);
export type BasedOn = z.infer<typeof BasedOn>;

/**
 * A parent plan the document cites that no known plan matched (written by `kehoach import`):
 * the check then knows the plan names a parent it could not compare with (no-parent, error).
 */
export const Citation = z
  .object({
    text: z.string().min(1).describe('The citation as written: "Kế hoạch số 12/KH-UBND ngày … của UBND tỉnh …"'),
    number: z.string().optional(),
    issued: PartialDate.optional(),
    by: z.string().optional(),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

export const Completeness = z
  .object({
    status: z.enum(['complete', 'partial']),
    knownUntil: z.object({ task: z.string().min(1), note: z.string().optional() }).strict().optional()
      .describe('Partial plans: the last task the text reaches (inclusive, and where inside it the text stops)'),
    reconstructed: z.boolean().optional().describe('Rebuilt from secondary sources: only attested facts are stated'),
    sources: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Completeness = z.infer<typeof Completeness>;

export const Waiver = z
  .object({
    rule: z.string().min(1),
    task: KeyRef.optional(),
    parentTask: KeyRef.optional(),
    reason: z.string().optional().describe('Required: a waiver without a reason is itself a finding'),
    expires: PartialDate.optional(),
  })
  .strict();
export type Waiver = z.infer<typeof Waiver>;

export const Plan = z
  .object({
    id: Id,
    number: z.string().optional().describe('Số hiệu, e.g. 172/KH-UBND; absent when the copy has none'),
    title: z.string().min(1),
    issuer: z.string().optional(),
    level: Level,
    jurisdiction: z.string().optional(),
    place: z.string().optional(),
    issued: PartialDate.optional(),
    basedOn: z.array(BasedOn).optional().describe('Parent plans (ids) and legal bases'),
    cites: z.array(Citation).optional().describe('Parent plans the document cites that were not found among the known plans'),
    source: z.string().optional().describe('The document this file transcribes'),
    completeness: Completeness.optional(),
    tasks: z.array(Task),
    waivers: z.array(Waiver).optional(),
    note: z.string().optional(),
  })
  .strict();
export type Plan = z.infer<typeof Plan>;

/** Parent plan ids named in basedOn (legal bases excluded). */
export function parentIds(plan: Plan): string[] {
  const ids: string[] = [];
  for (const b of plan.basedOn ?? []) {
    if (typeof b === 'string') ids.push(b);
    else if ('plan' in b && typeof b.plan === 'string') ids.push(b.plan);
  }
  return ids;
}

/** Legal bases named in basedOn, as "law:10/2022/QH15"-style node ids. */
export function legalBases(plan: Plan): { id: string; kind: string; number: string; title?: string }[] {
  const out: { id: string; kind: string; number: string; title?: string }[] = [];
  for (const b of plan.basedOn ?? []) {
    if (typeof b === 'string' || 'plan' in b) continue;
    for (const kind of ['law', 'decree', 'decision', 'circular'] as const) {
      const number = b[kind];
      if (number) out.push({ id: `${kind}:${number}`, kind, number, ...(b.title ? { title: b.title } : {}) });
    }
  }
  return out;
}

/** The printed numbering of a task. */
export const labelOf = (t: Task): string => t.label ?? t.key;

/** Agencies that own the task as a whole: lead, else implementers. */
export const ownersOf = (t: Task): string[] => (t.lead?.length ? t.lead : t.implement ?? []);
