/**
 * What a cache entry must look like before it is used. Entries are sealed (an HMAC under a
 * key kept outside the cache folder: cache.ts), so these schemas catch what the seal cannot: an
 * entry of another build's shape, or one written by a bug. An entry that fails is a miss.
 */
import { z } from 'zod';
import { SEVERITIES } from '../../core/model/finding.js';

const severity = z.enum(SEVERITIES);
const nullableString = z.string().nullable();
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
  data: z.record(z.string(), z.unknown()),
  waived: z.object({ reason: z.string(), expires: z.string().optional() }).optional(),
});

const count = z.number().int().nonnegative();

export const CachedReport = z
  .object({
    version: z.literal(1),
    findings: z.array(Finding),
    summary: z.object({ error: count, warning: count, info: count, waived: count, unchecked: count }),
    rules: z.array(z.object({ id: z.string(), scope: z.enum(['plan', 'pair', 'report']), defaultSeverity: severity, graded: z.boolean() })),
    plans: z.array(z.object({ id: z.string(), number: nullableString, title: z.string(), parents: z.array(z.string()), checked: z.boolean() })),
  })
  // The summary is the findings counted: an entry whose findings were emptied cannot pass as a clean run.
  .refine((r) => {
    const open = r.findings.filter((f) => !f.waived);
    return SEVERITIES.every((s) => r.summary[s] === open.filter((f) => f.severity === s).length) && r.summary.waived === r.findings.length - open.length;
  }, 'summary does not count the findings');

const IndexEntry = z.object({
  stub: z.object({ file: z.string(), plan: z.object({ id: z.string().min(1), tasks: z.array(z.unknown()) }).passthrough(), positions: z.object({}).passthrough() }),
  hash: z.string(),
  issued: nullableString,
  earliest: nullableString,
});

export const CacheEntry = z.object({ key: z.string().length(40), report: CachedReport, index: z.array(IndexEntry) });

/** One corpus file as the index saw it: path, size, mtime (ms), content hash. */
const FileState = z.tuple([z.string(), count, z.number(), z.string()]);

export const DraftIndexEntry = z.object({
  /** When the run that wrote the index began reading (ms): files changed since are hashed again. */
  at: z.number(),
  files: z.array(FileState),
  plans: z.record(z.string(), z.tuple([z.string(), z.array(z.string())])),
});
