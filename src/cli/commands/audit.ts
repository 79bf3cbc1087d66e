/**
 * `kehoach audit <parent> [--plans dir…] [--depth n] --format html|markdown|json [-o file | --split dir]
 * [--lang vi|en]`: every child of the parent (deeper with --depth) in one report, written as it is
 * made (to stdout, or to -o through an atomic streaming write); with --split, one HTML page per
 * direct child that has plans below it, and an index page. Exit 0 (a report, not a gate), 2 when
 * the plans cannot be loaded or a file cannot be written.
 */
import type { Lang } from '../../format/messages.js';
import { reviewAudit } from '../../core/review/audit.js';
import { renderAudit } from '../../format/audit/render.js';
import { auditChunks, type AuditFormat } from '../../format/audit/index.js';
import type { AuditReport } from '../../format/review-types.js';
import { auditHtml } from '../../format/audit/html.js';
import { INDEX_FILE, splitAudit } from '../../format/audit/split.js';
import { rt } from '../../format/terms.js';
import { writeChunksAtomic } from '../../app/write.js';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { EXIT, emitChunks, inputsOf, reportLoadErrors, writeFailure, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
import type { CheckConfig } from '../../core/check/config.js';
import { corpusPaths } from './corpus-paths.js';
import { isFileArg } from '../../app/source/corpus-source.js';
import { loadNeighbourhood } from '../../app/source/neighbourhood.js';
import { corpusIndexStore } from '../../app/run/cache-settings.js';
import { documentLimit } from '../../app/source/read-capped.js';
import { DEFAULT_MAX_FILE_MB } from '../../app/source/files.js';

export interface AuditCommandOptions {
  plans?: string[];
  /** --parent: the audited plan's own parent for this run. */
  parent?: string;
  depth?: number;
  format: AuditFormat;
  lang?: Lang;
  output?: string;
  /** A folder: one HTML page per direct child with plans below it, and index.html. */
  split?: string;
  config?: string;
  today?: string;
  maxFileSize?: number;
  /** --no-cache: the corpus index is neither read nor written. */
  cache?: boolean;
  cacheDir?: string;
}

/**
 * How much V8 lets the heap grow past what survived its last collection, in percent. An audit holds
 * the plans of its whole subtree while it checks them and writes their report; left to itself, V8
 * let the heap grow to twice that before collecting (the national audit to depth 3 at 10,000 plans:
 * 1.12 GB peak, over the 1 GiB target). Growing by half at a time it peaked at 0.68–0.70 GB, within
 * the same time give or take the run-to-run noise (16–17 s; measured on 2 cores). Read by the
 * collector at each collection, so setting it once the process runs takes effect.
 */
const AUDIT_HEAP_GROWING_PERCENT = 50;

export async function auditCommand(io: CliIO, parentArg: string, opts: AuditCommandOptions): Promise<number> {
  setFlagsFromString(`--heap-growing-percent=${AUDIT_HEAP_GROWING_PERCENT}`);
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  if (opts.split !== undefined && (opts.format !== 'html' || opts.output !== undefined)) {
    io.err(`kehoach audit: ${rt('audit.splitHtml', lang)}\n`);
    return EXIT.usage;
  }
  const made = await auditOf(io, parentArg, opts, cfg, conf.file, lang);
  if (typeof made === 'number') return made;
  const { audit, inputs } = made;
  const graphLimit = cfg.audit.graphLimit;
  if (opts.split !== undefined) return (await writeSplit(io, audit, opts.split, { graphLimit, lang, inputs })) ? EXIT.ok : EXIT.load;
  if (!(await emitChunks(io, auditChunks(opts.format, audit, { graphLimit }), opts.output, { lang, inputs }))) return EXIT.load;
  return EXIT.ok;
}

/**
 * The audit report and the files the run read, or the exit code. Apart from the command so that the
 * corpus and the check's analyses are garbage once it returns: only the report (a fraction of them)
 * stays while the report is written.
 */
async function auditOf(io: CliIO, parentArg: string, opts: AuditCommandOptions, cfg: CheckConfig, configFile: string | null | undefined, lang: Lang): Promise<{ audit: AuditReport; inputs: string[] } | number> {
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(parentArg), lang });
  const loaded = await loadNeighbourhood({
    paths: dirs,
    given: [parentArg],
    maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576,
    maxDocumentBytes: documentLimit(opts.maxFileSize),
    parent: opts.parent ? { id: opts.parent, of: [parentArg] } : undefined,
    notice: noticeTo(io, lang),
  }, { descendants: opts.depth ?? 1 }, corpusIndexStore(dirs, { cache: opts.cache !== false, cacheDir: opts.cacheDir, env: io.env }));
  if (!loaded.ok) return reportLoadErrors(io, loaded.errors, lang);
  const audit = renderAudit(reviewAudit(loaded.corpus, loaded.ids[0]!, { depth: opts.depth ?? 1, ...(opts.today ? { today: opts.today } : {}) }, cfg), lang);
  const inputs = inputsOf(loaded.corpus, [...[...loaded.documents.values()].map((d) => d.file), ...(configFile ? [configFile] : []), ...loaded.files]);
  return { audit, inputs };
}

/** The pages first, the index last (its links then resolve), each written as it is made; false when one cannot be written. */
async function writeSplit(io: CliIO, audit: AuditReport, dir: string, o: { graphLimit: number; lang: Lang; inputs: string[] }): Promise<boolean> {
  const { index, pages } = splitAudit(audit);
  const files = [
    // Pictures in plain rows: dagre once per province was most of a national split's time and memory.
    ...pages.map((p) => ({ file: p.file, chunks: () => auditHtml(p.report, { graphLimit: o.graphLimit, index: INDEX_FILE, rows: true }) })),
    { file: INDEX_FILE, chunks: () => auditHtml(index, { graphLimit: o.graphLimit, pages, rows: true }) },
  ];
  for (const f of files) {
    const target = join(dir, f.file);
    const w = await writeChunksAtomic(target, f.chunks(), { overwrite: true, inputs: o.inputs, createFolders: true });
    if (!w.ok) {
      io.err(`kehoach: ${writeFailure(target, w.code, o.lang)}\n`);
      return false;
    }
  }
  return true;
}
