/**
 * The message catalogue (rules/messages.yaml): the one dictionary of terms (the check's and
 * the reports' words), rule descriptions and finding templates, in Vietnamese and English.
 * Rules return data; the formatters fill the templates through this module.
 */
import { rawTable } from '../core/table-source.js';
import { z } from 'zod';
import type { Finding } from '../core/model/finding.js';

export type Lang = 'vi' | 'en';
const Text = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
const Catalogue = z
  .object({
    terms: z.record(z.string(), Text),
    // `variants`: other messages of the same rule, chosen by the finding's data.variant.
    rules: z.record(z.string(), z.object({ name: Text, description: Text, message: Text, variants: z.record(z.string(), Text).optional() }).strict()),
  })
  .strict();
export type Catalogue = z.infer<typeof Catalogue>;

let cached: Catalogue | undefined;

/** Validates a message catalogue; throws naming every problem. */
export function validateCatalogue(raw: unknown): Catalogue {
  const r = Catalogue.safeParse(raw);
  if (!r.success) throw new Error(`rules/messages.yaml is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function catalogue(): Catalogue {
  if (cached) return cached;
  const { data, built } = rawTable('messages');
  cached = built ? (data as Catalogue) : validateCatalogue(data); // a built copy was validated by the build
  return cached;
}

function lookup(vars: Record<string, unknown>, path: string): unknown {
  let cur: unknown = vars;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Lists nest a level or two in finding data; deeper (none today) shows as "…" rather than being walked. */
const MAX_NESTING = 8;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** A date as Vietnamese documents write it: 2023-09-30 → 30/09/2023, 2023-11 → 11/2023; anything else as it is. */
export function readerDate(s: string): string {
  const d = ISO_DAY.exec(s);
  if (d) return `${d[3]}/${d[2]}/${d[1]}`;
  const m = ISO_MONTH.exec(s);
  return m ? `${m[2]}/${m[1]}` : s;
}

function show(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '—'; // absent: no date, no task
  if (typeof v === 'string') return readerDate(v);
  if (Array.isArray(v)) return depth >= MAX_NESTING ? '…' : v.map((x) => show(x, depth + 1)).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Fills {a.b} from vars, {term:x} with the translated term that vars.x holds, {rule:x} with the name of the rule whose id vars.x holds. */
export function fill(template: string, vars: Record<string, unknown>, lang: Lang, cat: Catalogue = catalogue()): string {
  return template.replace(/\{(term:|rule:)?([\w.-]+)\}/g, (_, kind: string | undefined, path: string) => {
    const v = lookup(vars, path);
    if (!kind) return show(v);
    const t = kind === 'term:' ? cat.terms[String(v)] : cat.rules[String(v)]?.name;
    return t ? t[lang] : show(v);
  });
}

export function ruleMessage(rule: string, vars: Record<string, unknown>, lang: Lang): string {
  const entry = catalogue().rules[rule];
  if (!entry) return `${rule}: ${show(vars)}`;
  const variant = typeof vars['variant'] === 'string' ? entry.variants?.[vars['variant']] : undefined;
  return fill((variant ?? entry.message)[lang], vars, lang);
}

/**
 * A finding's message in a language: its rule's template filled from its data and the plans'
 * names — as a reader names them when `name` is given (src/format/reader.ts), else the labels
 * the engine gave (the number and the id: JSON, SARIF, JUnit).
 */
export function messageOf(f: Pick<Finding, 'rule' | 'data' | 'labels' | 'plan' | 'parent'>, lang: Lang, name?: (id: string) => string): string {
  const plan = name ? name(f.plan) : f.labels.plan;
  const parent = name && f.parent ? name(f.parent) : f.labels.parent;
  const text = ruleMessage(f.rule, { ...f.data, plan, parent }, lang);
  // A sentence that opens with a plan's name opens with a capital ("the plan of …" in English).
  return name ? text.charAt(0).toLocaleUpperCase(lang) + text.slice(1) : text;
}

export function ruleDescription(rule: string, lang: Lang): string {
  return catalogue().rules[rule]?.description[lang] ?? rule;
}

/** A term's text in one language; undefined when the dictionary has no such term. */
export function termText(key: string, lang: Lang): string {
  const t = catalogue().terms[key];
  if (!t) throw new Error(`rules/messages.yaml has no term "${key}"`);
  return t[lang];
}

/** A term of the catalogue in one language (the term itself when it has no entry). */
export function term(key: string, lang: Lang): string {
  return catalogue().terms[key]?.[lang] ?? key;
}
