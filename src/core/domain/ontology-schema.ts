/**
 * The shapes of rules/agencies.yaml and rules/units.yaml (zod). The tables are data that
 * people edit by hand, so the schema is strict: a misspelt key is an error, not a silent
 * default. The meaning of each field is documented at the top of the YAML files.
 */
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** The period something exists, both ends inclusive; an absent end is open. */
export const Validity = z
  .object({ from: IsoDate.optional(), until: IsoDate.optional() })
  .strict()
  .refine((v) => !v.from || !v.until || v.from <= v.until, { message: 'from is after until' });
export type Validity = z.infer<typeof Validity>;

/** Levels an agency can sit at ('department' is a kind of issuer, not a place in the hierarchy). */
export const AgencyLevel = z.enum(['national', 'province', 'district', 'commune']);
export type AgencyLevel = z.infer<typeof AgencyLevel>;

export const KINDS = [
  'government', 'specialised', 'office', 'media', 'public-service', 'enterprise', 'association',
  'officials', 'security', 'council', 'party', 'mass-organisation', 'community',
] as const;
export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

const Name = z
  .string()
  .min(1)
  .refine((s) => !s.includes('{') || /^[^{}]*\{tỉnh\}$/u.test(s.trim()), {
    message: 'the only placeholder is "{tỉnh}", at the end of a name',
  });

const Link = z.object({ to: z.string().min(1), valid: Validity }).strict();

export const AgencyEntry = z
  .object({
    id: z.string().min(1).optional(),
    level: AgencyLevel.optional(),
    name: Name,
    aliases: z.array(Name).optional(),
    relative: z.array(Name).optional(),
    plural: z.string().min(1).optional(),
    family: z.string().min(1).optional(),
    kind: Kind.optional(),
    independent: z.boolean().optional(),
    collective: z.boolean().optional(),
    covers: z.union([z.array(AgencyLevel).min(1), z.enum(['below', 'self-and-below'])]).optional(),
    vague: z.boolean().optional(),
    serves: z.array(z.string().min(1)).optional(),
    valid: Validity,
    down: z.array(Link).optional(),
  })
  .strict();
export type AgencyEntry = z.infer<typeof AgencyEntry>;

export const Family = z
  .object({
    id: z.string().regex(/^[a-z][a-z-]*$/, 'a family id is lower-case kebab-case'),
    label: z.string().min(1),
    kind: Kind,
    independent: z.boolean().optional(),
    agencies: z.array(AgencyEntry.extend({ level: AgencyLevel })).min(1),
  })
  .strict();
export type Family = z.infer<typeof Family>;

const LocalityLevel = z.enum(['national', 'province', 'city', 'district', 'commune', 'hamlet']);
export type LocalityLevel = z.infer<typeof LocalityLevel>;

export const AgencyTable = z
  .object({
    version: z.literal(1),
    levels: z.object({
      national: z.object({ valid: Validity }).strict(),
      province: z.object({ valid: Validity }).strict(),
      district: z.object({ valid: Validity }).strict(),
      commune: z.object({ valid: Validity }).strict(),
      department: z.object({ valid: Validity }).strict(),
    }).strict(),
    kinds: z.partialRecord(Kind, z.string()),
    abbreviations: z.record(z.string().min(1), z.string().min(1)),
    localities: z.array(z.object({ words: z.array(z.string().min(1)).min(1), level: LocalityLevel }).strict()),
    connectors: z.array(z.string().min(1)),
    leading: z.object({
      request: z.array(z.string().min(1)),
      ignore: z.array(z.string().min(1)),
      heads: z.array(z.string().min(1)),
    }).strict(),
    heads: z.array(z.object({ word: z.string().min(1), level: AgencyLevel, valid: Validity }).strict()),
    families: z.array(Family).min(1),
    collectives: z.array(AgencyEntry.extend({ id: z.string().min(1) })),
    vague: z.array(AgencyEntry.extend({ id: z.string().min(1) })),
  })
  .strict();
export type AgencyTable = z.infer<typeof AgencyTable>;

export const UnitKind = z.enum(['tỉnh', 'thành phố trực thuộc trung ương']);

export const Unit = z
  .object({
    name: z.string().min(1),
    kind: UnitKind,
    aliases: z.array(z.string().min(1)).optional(),
    valid: Validity,
    mergedInto: z.string().min(1).optional(),
    absorbed: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Unit = z.infer<typeof Unit>;

export const UnitTable = z.object({ version: z.literal(1), units: z.array(Unit).min(1) }).strict();
export type UnitTable = z.infer<typeof UnitTable>;

/** A zod failure as one readable line per issue, each with its path in the file. */
export function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return `${file}: invalid table\n${lines.join('\n')}`;
}
