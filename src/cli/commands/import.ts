/**
 * `kehoach import <documents|folders…> [--out <file.yaml> | --out-dir <dir>] [--plans <dir>]
 * [--parent <id>] [--force] [--max-file-size <MB>]`: reads plan documents, writes their YAML (or prints it), and
 * reports on stderr what it could not place and how it resolved the parent. Wired in src/cli/main.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { packageRoot } from '../../app/tables.js';
import type { CliIO } from './context.js';
import { EXIT, readerLang, reportLoadErrors, writeFailure } from './context.js';
import { loadCorpusFromPaths } from '../../app/source/load.js';
import type { Plan } from '../../core/model/plan.js';
import { documentLimit, importDocument } from '../../app/source/documents.js';
import { SUPPORTED } from '../../core/import/read.js';
import { writeFileAtomic } from '../../app/write.js';
import { importRefusals, type ImportOptions, type ImportResult } from '../../core/import/index.js';
import type { Lang } from '../../format/messages.js';
import { documentErrorLine, importSummaryText, importWarningLine, refusalText, say } from '../../format/said.js';

export interface ImportArgs {
  /** Documents (.txt, .md, .docx, .pdf) and folders of documents (their own files, not sub-folders). */
  files: readonly string[];
  /** Where to write the YAML of a single document; stdout when neither this nor outDir is given. */
  out?: string;
  /** Folder for the YAML of each document: <folder>/<document name>.yaml. */
  outDir?: string;
  /** Corpus to resolve the parent against (--plans, repeatable). */
  plansDir?: string | readonly string[];
  /** Overwrite existing output files. */
  force?: boolean;
  /** Parent plan id, overriding the text (--parent). */
  parent?: string;
  /** --max-file-size: the largest document (and --plans file) read, in MB; documents default to 100, plans to 10. */
  maxFileMb?: number;
  /** The reader's language for messages on stderr (default: $KEHOACH_LANG, else Vietnamese). */
  lang?: Lang;
}

const SCHEMA = path.join(packageRoot(), 'schema', 'plan.schema.json');

/** The $schema reference as seen from the written file. */
export function schemaRefFor(out: string | undefined): string {
  const from = out ? path.dirname(path.resolve(out)) : process.cwd();
  return path.relative(from, SCHEMA).split(path.sep).join('/');
}

/** The documents named: files as given, folders as their supported files in name order. */
async function documentsOf(args: readonly string[], lang: Lang): Promise<{ docs: string[]; errors: string[] }> {
  const docs: string[] = [];
  const errors: string[] = [];
  for (const a of args) {
    let isDir = false;
    try {
      isDir = (await stat(a)).isDirectory();
    } catch {
      isDir = false; // a missing file is reported by the import itself
    }
    if (!isDir) {
      docs.push(a);
      continue;
    }
    const found = (await readdir(a, { withFileTypes: true }))
      .filter((e) => e.isFile() && (SUPPORTED as readonly string[]).includes(path.extname(e.name).toLowerCase()))
      .map((e) => path.join(a, e.name))
      .sort();
    if (!found.length) errors.push(say('import.no-documents', lang, { folder: a, supported: SUPPORTED.join(', ') }));
    docs.push(...found);
  }
  return { docs, errors };
}

/**
 * `kehoach import`: each document → its YAML (stdout, --out, or --out-dir/<name>.yaml), the
 * import's warnings and a summary per document on stderr. Exit 2 when a document cannot be
 * read (the others are still imported), 1 when one was read but cannot be checked as it
 * stands (importRefusals), else 0. Nothing is overwritten without --force, and nothing is
 * written when an output exists or two documents would write the same file.
 */
export async function runImport(args: ImportArgs, io: CliIO, extra: Omit<ImportOptions, 'file' | 'knownPlans' | 'parentId'> = {}): Promise<number> {
  const lang = args.lang ?? readerLang(io);
  const usage = (msg: string): number => {
    io.err(`kehoach import: ${msg}\n`);
    return EXIT.usage;
  };
  const { docs, errors } = await documentsOf(args.files, lang);
  if (errors.length) return usage(errors.join('\nkehoach import: '));
  if (args.out && args.outDir) return usage(say('import.out-and-dir', lang));
  if (docs.length > 1 && !args.outDir) return usage(say('import.need-out-dir', lang, { n: docs.length }));
  const targets = docs.map((d) => (args.outDir ? path.join(args.outDir, `${path.basename(d, path.extname(d))}.yaml`) : args.out));
  const twice = targets.find((t, i) => t !== undefined && targets.indexOf(t) !== i);
  if (twice) return usage(say('import.same-target', lang, { file: twice }));
  const existing = args.force ? [] : targets.filter((t): t is string => t !== undefined && existsSync(t));
  if (existing.length) return usage(say(existing.length === 1 ? 'import.exists' : 'import.exist-many', lang, { files: existing.join(', ') }));

  let known: Plan[] = [];
  if (args.plansDir) {
    const corpus = await loadCorpusFromPaths(typeof args.plansDir === 'string' ? [args.plansDir] : args.plansDir, args.maxFileMb !== undefined ? { maxFileMb: args.maxFileMb } : {});
    if (!corpus.ok) return reportLoadErrors(io, corpus.errors, lang);
    known = [...corpus.corpus.plans.values()].map((l) => l.plan);
  }
  if (args.parent && !known.some((p) => p.id === args.parent)) {
    io.err(`kehoach import: ${say(args.plansDir ? 'import.parent-not-loaded' : 'import.parent-not-loaded-no-plans', lang, { id: args.parent })}\n`);
  }
  let code: number = EXIT.ok;
  for (const [i, file] of docs.entries()) {
    if (docs.length > 1) io.err(`${i ? '\n' : ''}== ${file}\n`);
    const r = await importOne(file, targets[i], args, known, io, extra, lang);
    code = Math.max(code, r);
  }
  return code;
}

async function importOne(file: string, out: string | undefined, args: ImportArgs, known: Plan[], io: CliIO, extra: Omit<ImportOptions, 'file' | 'knownPlans' | 'parentId'>, lang: Lang): Promise<number> {
  const imported = await importDocument(
    file,
    {
      ...extra,
      knownPlans: known,
      ...(args.parent ? { parentId: args.parent } : {}),
      schemaRef: extra.schemaRef ?? schemaRefFor(out),
    },
    documentLimit(args.maxFileMb),
  );
  if (!imported.ok) {
    io.err(documentErrorLine(imported.kind === 'document' ? imported.file : `${file}:${imported.line}`, imported.message, imported.said, lang) + '\n');
    return EXIT.load;
  }
  const result: ImportResult = imported.result;
  for (const w of result.warnings) io.err(importWarningLine(`${file}:${w.line}`, w, lang) + '\n');
  if (out) {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    // --force replaces an earlier YAML, never the document being imported.
    const w = await writeFileAtomic(out, result.yaml, { overwrite: !!args.force, inputs: [file] });
    if (!w.ok) {
      io.err(`kehoach import: ${w.code === 'EEXIST' ? say('import.exists', lang, { files: out }) : writeFailure(out, w.code, lang)}\n`);
      return w.code === 'EEXIST' ? EXIT.usage : EXIT.load;
    }
    io.err(say('import.wrote', lang, { file: out, id: result.plan.id }) + '\n');
  } else io.out(result.yaml);
  io.err(importSummaryText(result.summary, lang));
  const refused = importRefusals(result);
  for (const r of refused) io.err(`kehoach import: ${refusalText(r, lang)}\n`);
  return refused.length ? EXIT.findings : EXIT.ok;
}

