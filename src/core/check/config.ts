/**
 * Rule configuration: rules/config.yaml (defaults) merged with a project's config file.
 * Validated by zod; errors name the file, line and column like any load error.
 */
import { rawTable } from '../table-source.js';
import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { loadError, type LoadError } from '../load/errors.js';
import { schemaSaid } from '../load/schema-said.js';
import { positionOfPath, START } from '../load/positions.js';
import { readYamlText } from '../load/yaml-text.js';

export const SeverityOverride = z.enum(['error', 'warning', 'info', 'off']);
export const FailOn = z.enum(['error', 'warning', 'info', 'never']);

/** The severities that fail a run (exit 1, a JUnit failure) under a --fail-on setting. */
export const FAILING: Record<z.infer<typeof FailOn>, readonly ('error' | 'warning' | 'info')[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
  info: ['error', 'warning', 'info'],
  never: [],
};

export const MatchingConfig = z
  .object({
    threshold: z.number().min(0).max(1),
    floor: z.number().min(0).max(1),
    margin: z.number().min(0).max(1),
    levelMargin: z.number().min(0).max(1),
    levelWords: z.object({ province: z.array(z.string().min(1)), district: z.array(z.string().min(1)), commune: z.array(z.string().min(1)) }).strict(),
    fulfilledByPlan: z.array(z.string().min(1)),
    standingConditions: z.array(z.string().min(1)),
    weights: z.object({ tokens: z.number().min(0), agency: z.number().min(0), position: z.number().min(0) }).strict(),
    organisationWeights: z.object({ tokens: z.number().min(0), agency: z.number().min(0), position: z.number().min(0) }).strict(),
    boilerplate: z.array(z.string().min(1)),
  })
  .strict();
export type MatchingConfig = z.infer<typeof MatchingConfig>;

/** `kehoach scaffold`: a child's reporting dates come this many days before its parent's. */
export const ScaffoldConfig = z.object({ reportLeadDays: z.number().int().min(0).max(180) }).strict();
export type ScaffoldConfig = z.infer<typeof ScaffoldConfig>;

/**
 * `kehoach audit`: the most plans one picture of the derivation graph shows. A larger audit draws
 * one picture per direct child of the audited plan (a province with its districts and communes),
 * each within the limit, or none (docs/reports.md).
 */
export const AuditConfig = z.object({ graphLimit: z.number().int().min(1).max(5000) }).strict();
export type AuditConfig = z.infer<typeof AuditConfig>;

export const CheckConfig = z
  .object({
    failOn: FailOn,
    // Keys are checked against the rule ids as written in the file (src/cli/commands/config-file.ts).
    severity: z.record(z.string(), SeverityOverride),
    matching: MatchingConfig,
    scaffold: ScaffoldConfig,
    audit: AuditConfig,
    lang: z.enum(['vi', 'en']).optional(),
    plans: z.array(z.string()).optional(),
  })
  .strict();
export type CheckConfig = z.infer<typeof CheckConfig>;

/** A user's config: every field optional, matching merged field by field. */
export const UserConfig = CheckConfig.extend({ matching: MatchingConfig.partial().optional(), scaffold: ScaffoldConfig.partial().optional(), audit: AuditConfig.partial().optional() }).partial().strict();
export type UserConfig = z.infer<typeof UserConfig>;

/** Parses a YAML file against a schema; errors are located LoadErrors. The document comes back for further lookups. */
export function parseYamlWith<T>(file: string, text: string, schema: z.ZodType<T>): { ok: true; value: T; doc: Document; lc: LineCounter } | { ok: false; errors: LoadError[] } {
  const read = readYamlText(file, text, 'configuration');
  if (!read.ok) return read;
  const { doc, lc } = read;
  const r = schema.safeParse(read.data ?? {}, { reportInput: true });
  if (r.success) return { ok: true, value: r.data, doc, lc };
  return {
    ok: false,
    errors: r.error.issues.map((i) => {
      const where = i.path.join('.') || '(top level)';
      return loadError(file, positionOfPath(doc, lc, i.path as PropertyKey[]), 'schema', `${where}: ${i.message}`, ...schemaSaid(i, where));
    }),
  };
}

let defaults: CheckConfig | undefined;

/** The shipped defaults (rules/config.yaml), read once. A broken shipped table is a bug: it throws. */
export function defaultConfig(): CheckConfig {
  if (defaults) return defaults;
  const { data, built, file } = rawTable('config');
  if (built) return (defaults = data as CheckConfig); // validated by the build
  return (defaults = validateConfig(data, file));
}

/** Validates the shipped defaults; throws naming every problem. */
export function validateConfig(data: unknown, file = 'rules/config.yaml'): CheckConfig {
  const r = CheckConfig.safeParse(data);
  if (!r.success) throw new Error(`${file} is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function mergeConfig(base: CheckConfig, user: UserConfig): CheckConfig {
  return {
    ...base,
    ...(user.failOn ? { failOn: user.failOn } : {}),
    ...(user.lang ? { lang: user.lang } : {}),
    ...(user.plans ? { plans: user.plans } : {}),
    // A null-prototype table: a rule id is looked up among its own keys only.
    severity: Object.assign(Object.create(null) as Record<string, z.infer<typeof SeverityOverride>>, base.severity, user.severity ?? {}),
    matching: { ...base.matching, ...(user.matching ?? {}) },
    scaffold: { ...base.scaffold, ...(user.scaffold ?? {}) },
    audit: { ...base.audit, ...(user.audit ?? {}) },
  };
}

export { START };
