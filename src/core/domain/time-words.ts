/**
 * The time vocabulary (rules/time-words.yaml), validated once with zod and cached. The words
 * live in data so that a reviewer can add a spelling without touching the grammar; this module
 * only knows the categories the grammar understands.
 */
import { z } from 'zod';
import { rawTable } from '../table-source.js';
import { foldKey } from './canonical.js';

/** Keyword categories the deadline grammar understands. */
export const KEYWORDS = [
  'quarter', 'month', 'year', 'day', 'firstHalf', 'secondHalf',
  'before', 'noLaterThan', 'within', 'from', 'until', 'onwards', 'and', 'or',
  'yearly', 'continuous', 'periodic', 'onDemand', 'unknown', 'filler',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

const Phrases = z.array(z.string().trim().min(1)).min(1);

const keywordShape = Object.fromEntries(KEYWORDS.map((k) => [k, Phrases])) as Record<Keyword, typeof Phrases>;

const TimeWordsFile = z
  .object({
    version: z.literal(1),
    years: z.object({ min: z.number().int(), max: z.number().int() }).strict()
      .refine((y) => y.min <= y.max, { message: 'years.min must not exceed years.max' }),
    keywords: z.object(keywordShape).strict(),
    reports: z.array(z.object({ phrase: z.string().trim().min(1), label: z.string().trim().min(1) }).strict()),
    qualifiers: z.array(z.object({ name: z.string().trim().min(1), phrases: Phrases }).strict()),
    conditionOpeners: Phrases,
    durationUnits: Phrases,
    romanNumerals: z.record(z.string().regex(/^[ivx]+$/i), z.number().int().min(1).max(12)),
  })
  .strict()
  .superRefine((file, ctx) => {
    // One phrase in two categories would make the longest-match lexer pick arbitrarily.
    const seen = new Map<string, string>();
    const claim = (phrase: string, where: string): void => {
      const key = foldKey(phrase);
      const prior = seen.get(key);
      if (prior !== undefined && prior !== where) {
        ctx.addIssue({ code: 'custom', message: `phrase "${phrase}" is in both ${prior} and ${where}` });
      }
      seen.set(key, where);
    };
    for (const k of KEYWORDS) for (const p of file.keywords[k]) claim(p, `keywords.${k}`);
    for (const r of file.reports) claim(r.phrase, 'reports');
    for (const q of file.qualifiers) for (const p of q.phrases) claim(p, `qualifiers (${q.name})`);
    for (const p of file.conditionOpeners) claim(p, 'conditionOpeners');
  });

export type TimeWords = z.infer<typeof TimeWordsFile>;


let cached: TimeWords | undefined;

/** The validated vocabulary; throws (once per call until it loads) if the file is missing or invalid. */
export function timeWords(): TimeWords {
  if (cached) return cached;
  const { data: raw, built } = rawTable('time-words');
  if (built) return (cached = raw as TimeWords); // validated by the build
  const result = TimeWordsFile.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`rules/time-words.yaml is invalid: ${detail}`);
  }
  cached = result.data;
  return cached;
}

/** Validate an arbitrary object as a vocabulary (tests, and tools that check rules/). */
export function validateTimeWords(raw: unknown): { ok: true; value: TimeWords } | { ok: false; errors: string[] } {
  const result = TimeWordsFile.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
