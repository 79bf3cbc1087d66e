/**
 * A zod issue as data for the dictionary (rules/messages.yaml `load.schema.<kind>`): its kind and
 * the values the template names, so that a schema error reads in the reader's language. The
 * English text stays zod's (or the model's own, MODEL_MESSAGES).
 */
import type { z } from 'zod';
import { MODEL_MESSAGES } from '../model/plan.js';

/** The message a missing required field gets (zod's own says "expected …, received undefined"). */
export const REQUIRED = 'required field is missing';

/** The kind of value zod was given, in the terms of the dictionary (`load.type.<kind>`). */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** The issue as data for the dictionary's `load.schema.<kind>` templates: its kind and the values they name. */
export function schemaSaid(issue: z.core.$ZodIssue, where: string): [string, Record<string, string | number>] {
  const model = (Object.entries(MODEL_MESSAGES) as [string, string][]).find(([, m]) => m === issue.message)?.[0];
  if (model) return [`load.schema.${model}`, { where }];
  if (issue.message === REQUIRED) return ['load.schema.required', { where }];
  const i = issue as z.core.$ZodIssue & { expected?: string; input?: unknown; values?: unknown[]; keys?: string[]; minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  switch (i.code) {
    case 'invalid_type':
      return ['load.schema.invalid_type', { where, expected: String(i.expected), received: kindOf(i.input) }];
    case 'invalid_value':
      return ['load.schema.invalid_value', { where, values: (i.values ?? []).map((v) => JSON.stringify(v)).join(', ') }];
    case 'unrecognized_keys':
      return ['load.schema.unrecognized_keys', { where }];
    case 'too_small':
      return [i.origin === 'array' ? 'load.schema.too_small_array' : 'load.schema.too_small', { where, minimum: String(i.minimum) }];
    case 'invalid_union':
      return ['load.schema.invalid_union', { where }];
    default:
      return ['load.schema.other', { where, detail: issue.message }];
  }
}
