/**
 * What a cache entry must look like before it is used. Entries are sealed (an HMAC under a
 * key kept outside the cache folder: cache.ts), so these schemas catch what the seal cannot: an
 * entry of another build's shape, or one written by a bug. An entry that fails is a miss.
 */
import { z } from 'zod';
import { SEVERITIES } from '../../core/model/finding.js';

// A warm check validates every cached finding (20,000 at 1,000 plans): with zod's compiled
// parsers (src/cli/jitless.ts turns them off for the main thread's small schemas) that costs a
// few milliseconds instead of some 60. The setting is read when a schema is built, so it is
// lifted around these schemas only.
const jitless = z.config().jitless;
z.config({ jitless: false });

const severity = z.enum(SEVERITIES);
const nullableString = z.string().nullable();
/** A plain object whose own fields are not read here (a finding's data, a plan stub): checked as one, cheaply. */
const record = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object');
const position = z.number().int().nonnegative().nullable();

const Finding = z.object({
  rule: z.string().min(1),
  severity,
  plan: z.string().min(1),
  parent: nullableString,
  task: nullableString,
  parentTask: nullableString,
  labels: z.object({ plan: z.string(), parent: nullableString, task: nullableString, parentTask: nullableString }),
  file: nullableString,
  line: position,
  column: position,
  data: record,
  waived: z.object({ reason: z.string(), expires: z.string().optional() }).optional(),
});

const count = z.number().int().nonnegative();

export const CachedReport = z
  .object({
    version: z.literal(1),
    findings: z.array(Finding),
    summary: z.object({ error: count, warning: count, info: count, waived: count, unchecked: count }),
    rules: z.array(z.object({ id: z.string(), scope: z.enum(['plan', 'pair', 'report']), defaultSeverity: severity, graded: z.boolean() })),
    plans: z.array(z.object({ id: z.string(), number: nullableString, title: z.string(), issuer: nullableString, parents: z.array(z.string()), checked: z.boolean() })),
  })
  // The summary is the findings counted: an entry whose findings were emptied cannot pass as a clean run.
  .refine((r) => {
    const open = r.findings.filter((f) => !f.waived);
    return SEVERITIES.every((s) => r.summary[s] === open.filter((f) => f.severity === s).length) && r.summary.waived === r.findings.length - open.length;
  }, 'summary does not count the findings');

/** A plan cut to what links, dates and labels it (worker-protocol.ts stubOf), as the incremental store keeps it. */
const Stub = z.object({
  file: z.string(),
  plan: z.custom<{ id: string; tasks: unknown[] }>((v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && Array.isArray((v as { tasks?: unknown }).tasks), 'expected a plan stub'),
  positions: record,
});

/** A whole check: its key and its report (the plans are not kept: a report served from here needs none of them). */
export const CacheEntry = z.object({ key: z.string().length(40), report: CachedReport });

/** A column of the corpus index: an array whose every item passes `item`, checked in one loop. */
const column = <T>(item: (v: unknown) => boolean, what: string) => z.custom<T[]>((v) => Array.isArray(v) && v.every(item), `expected ${what}`);
const isString = (v: unknown): boolean => typeof v === 'string';

/**
 * The corpus index (src/app/source/corpus-index.ts) on disk, a column per field: each file's path,
 * size, mtime (ms), content hash or '', id (null: only a parse tells) and parent ids. A draft
 * check reads it before anything else: as an array of tuples, or columns of zod's item schemas,
 * 10,000 files took 50–85 ms to check; a loop per column takes a few.
 */
export const CorpusIndexEntry = z
  .object({
    /** When the run that wrote the index began reading (ms): files changed since are read again. */
    at: z.number(),
    files: column<string>(isString, 'paths'),
    sizes: column<number>((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'sizes'),
    mtimes: column<number>(Number.isFinite, 'times'),
    hashes: column<string>(isString, 'hashes'),
    ids: column<string | null>((v) => v === null || isString(v), 'ids'),
    parents: column<string[]>((v) => Array.isArray(v) && v.every(isString), 'lists of ids'),
  })
  .refine((c) => [c.sizes, c.mtimes, c.hashes, c.ids, c.parents].every((col) => col.length === c.files.length), 'columns of unequal length');

/**
 * The incremental store (src/app/run/incremental.ts): each file's parse (its stub and dates) under
 * its path and content hash, and each plan's check (its one-plan rules and the edges into it) under
 * the hash of everything it depends on. `base` is the engine and configuration they were made with.
 */
export const UnitStore = z.object({
  base: z.string().length(40),
  files: z.array(z.object({ file: z.string(), hash: z.string(), stub: Stub, issued: nullableString, earliest: nullableString })),
  // Objects, not tuples: zod compiles object parsers (a re-check validates every stored finding).
  units: z.array(z.object({ id: z.string(), key: z.string().length(40), unchecked: count, findings: z.array(Finding) })),
});

z.config({ jitless });
