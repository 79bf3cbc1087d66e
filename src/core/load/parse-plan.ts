/**
 * One file's text → a validated Plan with positions, or located load errors.
 * Pure: takes the text, never touches the file system. A valid plan in the block subset is
 * parsed once (by yaml-fast); a file outside it goes on to parseDocument, and one that fails
 * the schema is parsed into a Document again to locate the errors.
 */
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { Plan } from '../model/plan.js';
import { REQUIRED, schemaSaid } from './schema-said.js';
import { loadError, type LoadError } from './errors.js';
import { collectPositions, positionOfKey, positionOfPath, START, taskPos, type PlanPositions } from './positions.js';
import { readYamlData, readYamlText } from './yaml-text.js';

export interface LoadedPlan {
  plan: Plan;
  file: string;
  positions: PlanPositions;
}

export type ParseResult = { ok: true; loaded: LoadedPlan } | { ok: false; errors: LoadError[] };

export function parsePlanText(file: string, text: string): ParseResult {
  const read = readYamlData(file, text, 'plan');
  if (!read.ok) return read;
  const { data, span, lines } = read;
  if (data === null || data === undefined) {
    return { ok: false, errors: [loadError(file, START, 'schema', 'the file is empty: a plan needs id, title, level and tasks', 'load.empty')] };
  }
  const parsed = Plan.safeParse(data, { error: (iss) => (iss.input === undefined ? REQUIRED : undefined), reportInput: true });
  if (!parsed.success) {
    // Schema errors are located through a Document: parsed again, only for files that fail.
    const again = readYamlText(file, text, 'plan');
    return { ok: false, errors: again.ok ? schemaErrors(file, again.doc, again.lc, parsed.error) : again.errors };
  }
  const plan = sameKeys(parsed.data);
  const positions = collectPositions(span, lines);
  const errors = duplicateKeys(file, plan, positions);
  if (errors.length) return { ok: false, errors };
  return { ok: true, loaded: { plan, file, positions } };
}

/**
 * Task keys as a reader sees them: composed (NFC: "đ" typed as d + U+0309… is the same key as
 * the precomposed one) and without surrounding spaces, in the keys themselves and wherever a
 * key is cited (links, waivers). Two keys equal after this are the same key: a repeated key.
 * Keys that differ only in invisible characters stay distinct; the rule invisible-key says so.
 */
const keyOf = (k: string): string => k.normalize('NFC').trim();

function sameKeys(plan: Plan): Plan {
  for (const t of plan.tasks) {
    t.key = keyOf(t.key);
    if (t.implements) t.implements = t.implements.map((l) => (typeof l === 'string' ? keyOf(l) : { ...l, task: keyOf(l.task) }));
  }
  for (const w of plan.waivers ?? []) {
    if (w.task !== undefined) w.task = keyOf(w.task);
    if (w.parentTask !== undefined) w.parentTask = keyOf(w.parentTask);
  }
  return plan;
}

type Doc = Document;


function schemaErrors(file: string, doc: Doc, lc: LineCounter, error: z.ZodError): LoadError[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    let pos = positionOfPath(doc, lc, path);
    let where = path.length ? path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) {
      pos = positionOfKey(doc, lc, path, issue.keys[0]) ?? pos;
      where = [...path, issue.keys[0]].join('.');
    }
    return loadError(file, pos, 'schema', `${where}: ${issue.message}`.replace(/\r\n|\r|\n/g, '\\n'), ...schemaSaid(issue, where));
  });
}

function duplicateKeys(file: string, plan: Plan, positions: PlanPositions): LoadError[] {
  const seen = new Map<string, number>();
  const errors: LoadError[] = [];
  plan.tasks.forEach((t, i) => {
    const first = seen.get(t.key);
    if (first === undefined) {
      seen.set(t.key, i);
      return;
    }
    const at = taskPos(positions, i, 'key') ?? START;
    const firstLine = taskPos(positions, first)?.line ?? 0;
    errors.push(
      loadError(file, at, 'duplicate-task-key', `task key "${t.key}" is used twice in this file (first at line ${firstLine}); give the repeated number a key of its own, e.g. "${t.key}-2" with label "${t.key}"`, 'load.duplicate-task-key', {
        key: t.key,
        first: firstLine,
      }),
    );
  });
  return errors;
}
