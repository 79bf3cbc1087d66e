/**
 * `kehoach diff <parent> <child> [--plans dir…] --format text|markdown|json|html [-o file]
 * [--lang vi|en]`: the child's tasks beside its parent's. Exit 0 (the diff is a report, not
 * a gate: `kehoach check` decides pass/fail), 2 when the plans cannot be loaded or the
 * first is not a direct parent of the second.
 */
import type { Lang } from '../../format/messages.js';
import { edgeProblem, reviewDiff } from '../../core/review/diff.js';
import { renderDiff } from '../../format/diff/render.js';
import { formatDiff, type DiffFormat } from '../../format/diff/index.js';
import { saidText } from '../../format/said.js';
import { terminalText } from '../../format/escape.js';
import { EXIT, emit, inputsOf, reportLoadErrors, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
import { corpusPaths } from './corpus-paths.js';
import { isFileArg } from '../../app/source/corpus-source.js';
import { loadNeighbourhood } from '../../app/source/neighbourhood.js';
import { corpusIndexStore } from '../../app/run/cache-settings.js';
import { documentLimit } from '../../app/source/read-capped.js';
import { DEFAULT_MAX_FILE_MB } from '../../app/source/files.js';

export interface DiffCommandOptions {
  plans?: string[];
  /** --parent: the child's parent for this run (the first argument must then be it). */
  parent?: string;
  format: DiffFormat;
  lang?: Lang;
  output?: string;
  config?: string;
  today?: string;
  maxFileSize?: number;
  /** --no-cache: the corpus index is neither read nor written. */
  cache?: boolean;
  cacheDir?: string;
}

export async function diffCommand(io: CliIO, parentArg: string, childArg: string, opts: DiffCommandOptions): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  const given = isFileArg(parentArg) || isFileArg(childArg);
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given, lang });
  const loaded = await loadNeighbourhood({
    paths: dirs,
    given: [parentArg, childArg],
    maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576,
    maxDocumentBytes: documentLimit(opts.maxFileSize),
    parent: opts.parent ? { id: opts.parent, of: [childArg] } : undefined,
    notice: noticeTo(io, lang),
  }, {}, corpusIndexStore(dirs, { cache: opts.cache !== false, cacheDir: opts.cacheDir, env: io.env }));
  if (!loaded.ok) return reportLoadErrors(io, loaded.errors, lang);
  const [parentId, childId] = loaded.ids as [string, string];
  const problem = edgeProblem(loaded.corpus, parentId, childId);
  if (problem) {
    io.err(`kehoach diff: ${terminalText(saidText(problem.said, lang))}\n`);
    return EXIT.usage;
  }
  const diff = renderDiff(reviewDiff(loaded.corpus, parentId, childId, cfg, opts.today ? { today: opts.today } : {}), lang);
  // Colour only for a person at a terminal: never into a file, never with NO_COLOR (no-color.org).
  const color = io.isTTY && !io.env['NO_COLOR'] && !opts.output;
  const inputs = inputsOf(loaded.corpus, [...[...loaded.documents.values()].map((d) => d.file), ...(conf.file ? [conf.file] : []), ...loaded.files]);
  if (!(await emit(io, formatDiff(opts.format, diff, { color }), opts.output, { lang, inputs }))) return EXIT.load;
  return EXIT.ok;
}
