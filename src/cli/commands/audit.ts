/**
 * `kehoach audit <parent> [--plans dir…] [--depth n] --format html|markdown|json [-o file]
 * [--lang vi|en]`: every child of the parent (deeper with --depth) in one report. Exit 0 (a
 * report, not a gate), 2 when the plans cannot be loaded.
 */
import type { Lang } from '../../format/messages.js';
import { reviewAudit } from '../../core/review/audit.js';
import { renderAudit } from '../../format/audit/render.js';
import { formatAudit, type AuditFormat } from '../../format/audit/index.js';
import { EXIT, emit, inputsOf, reportLoadErrors, readerLang, type CliIO, noticeTo } from './context.js';
import { loadConfig } from './config-file.js';
import { corpusPaths } from './corpus-paths.js';
import { isFileArg } from '../../app/source/corpus-source.js';
import { loadNeighbourhood } from '../../app/source/neighbourhood.js';
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
  config?: string;
  today?: string;
  maxFileSize?: number;
}

export async function auditCommand(io: CliIO, parentArg: string, opts: AuditCommandOptions): Promise<number> {
  const conf = await loadConfig(io, opts.config);
  if (!conf.ok) return reportLoadErrors(io, conf.errors, readerLang(io, opts.lang));
  const cfg = conf.config;
  const lang: Lang = readerLang(io, opts.lang, cfg.lang);
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(parentArg), lang });
  const loaded = await loadNeighbourhood({
    paths: dirs,
    given: [parentArg],
    maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576,
    maxDocumentBytes: documentLimit(opts.maxFileSize),
    parent: opts.parent ? { id: opts.parent, of: [parentArg] } : undefined,
    notice: noticeTo(io, lang),
  }, { descendants: opts.depth ?? 1 });
  if (!loaded.ok) return reportLoadErrors(io, loaded.errors, lang);
  const audit = renderAudit(reviewAudit(loaded.corpus, loaded.ids[0]!, { depth: opts.depth ?? 1, ...(opts.today ? { today: opts.today } : {}) }, cfg), lang);
  const inputs = inputsOf(loaded.corpus, [...[...loaded.documents.values()].map((d) => d.file), ...(conf.file ? [conf.file] : []), ...loaded.files]);
  if (!(await emit(io, formatAudit(opts.format, audit), opts.output, { lang, inputs }))) return EXIT.load;
  return EXIT.ok;
}
