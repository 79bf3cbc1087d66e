/**
 * One file's text → a validated Plan with positions, or located load errors.
 * Pure: takes the text, never touches the file system. Parses each file once.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { Plan } from '../model/plan.js';
import type { LoadError } from './errors.js';
import { collectPositions, posAt, positionOfKey, positionOfPath, START, taskPos, type PlanPositions } from './positions.js';

export interface LoadedPlan {
  plan: Plan;
  file: string;
  positions: PlanPositions;
}

export type ParseResult = { ok: true; loaded: LoadedPlan } | { ok: false; errors: LoadError[] };

/** Aliases beyond this count are an alias bomb, not a plan. */
const MAX_ALIAS_COUNT = 100;
/**
 * Flow collections nested deeper than this are refused before parsing: the yaml composer
 * recurses per level, and a second stack overflow in one process kills V8. Plans nest a
 * handful of levels.
 */
const MAX_FLOW_DEPTH = 200;

/** Line starts counted here, not by the parser: its error recovery can skip newlines. */
function lineIndex(src: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** Offset where flow nesting first exceeds the limit (outside quoted scalars and comments), or -1. */
function tooDeep(src: string): number {
  let depth = 0;
  let quote = '';
  let prev = '\n'; // last non-blank character outside quotes: a quote opens a scalar only after a separator
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quote === '#') {
      if (c === '\n') quote = '';
    } else if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && ':-[{,\n'.includes(prev)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(src[i - 1]!))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (!quote && c !== ' ' && c !== '\t') prev = c;
  }
  return -1;
}

/** yaml reports an unterminated quoted scalar at its end; the reader wants its opening quote. */
function errorOffset(src: string, e: { code: string; message: string; pos: [number, number] }): number {
  const quote = /^Missing closing (["'])/.exec(e.message)?.[1];
  if (e.code === 'MISSING_CHAR' && quote) {
    const open = src.lastIndexOf(quote, e.pos[0] - 1);
    if (open >= 0) return open;
  }
  return e.pos[0];
}

export function parsePlanText(file: string, text: string): ParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lc = lineIndex(src);
  const deep = tooDeep(src);
  if (deep >= 0) {
    return { ok: false, errors: [{ file, ...posAt(lc, deep), code: 'yaml-syntax', message: `collections nested more than ${MAX_FLOW_DEPTH} levels deep: not a plan` }] };
  }
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ file, ...posAt(lc, errorOffset(src, e)), code: 'yaml-syntax' as const, message: firstLine(e.message) })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // yaml throws a ReferenceError on excessive aliases (a resource-exhaustion attack).
    return { ok: false, errors: [{ file, ...START, code: 'yaml-syntax', message: firstLine((e as Error).message) }] };
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ file, ...START, code: 'schema', message: 'the file is empty: a plan needs id, title, level and tasks' }] };
  }
  const parsed = Plan.safeParse(data, { error: (iss) => (iss.input === undefined ? 'required field is missing' : undefined) });
  if (!parsed.success) return { ok: false, errors: schemaErrors(file, doc, lc, parsed.error) };
  const plan = parsed.data;
  const positions = collectPositions(doc, lc);
  const errors = duplicateKeys(file, plan, positions);
  if (errors.length) return { ok: false, errors };
  return { ok: true, loaded: { plan, file, positions } };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace('please use YAML.parseAllDocuments()', 'a plan file holds one YAML document');
}

type Doc = ReturnType<typeof parseDocument>;

function schemaErrors(file: string, doc: Doc, lc: LineCounter, error: z.ZodError): LoadError[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    let pos = positionOfPath(doc, lc, path);
    let where = path.length ? path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) {
      pos = positionOfKey(doc, lc, path, issue.keys[0]) ?? pos;
      where = [...path, issue.keys[0]].join('.');
    }
    return { file, ...pos, code: 'schema' as const, message: `${where}: ${issue.message}`.replace(/\r\n|\r|\n/g, '\\n') };
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
    errors.push({
      file,
      ...at,
      code: 'duplicate-task-key',
      message: `task key "${t.key}" is used twice in this file (first at line ${firstLine}); give the repeated number a key of its own, e.g. "${t.key}-2" with label "${t.key}"`,
    });
  });
  return errors;
}
