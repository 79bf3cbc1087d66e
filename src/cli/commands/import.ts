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
import { importRefusals, type ImportOptions, type ImportResult, type ImportSummary } from '../../core/import/index.js';
import { describeParent } from '../../core/import/resolve.js';

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
}

const SCHEMA = path.join(packageRoot(), 'schema', 'plan.schema.json');

/** The $schema reference as seen from the written file. */
export function schemaRefFor(out: string | undefined): string {
  const from = out ? path.dirname(path.resolve(out)) : process.cwd();
  return path.relative(from, SCHEMA).split(path.sep).join('/');
}

/** "how the parent was resolved" and the tasks that lack an owner or a deadline, for people. */
export function formatSummary(s: ImportSummary): string {
  const parent = describeParent(s.parent);
  const lines = [
    `tasks found: ${s.tasks}${s.tasks ? ` (${s.keys.join(', ')})` : ''}`,
    `parent: ${parent}`,
    ...s.missing.map((m) => `  ${m.key}: no ${m.fields.join(', no ')} in the text`),
    ...(s.unplaced ? [`unplaced text kept as notes: ${s.unplaced}`] : []),
    ...(s.partial ? ['the document is cut off: plan marked partial'] : []),
    ...s.tables.filter((t) => t.read).map((t) => `tasks read from the table at line ${t.line}`),
  ];
  return lines.join('\n') + '\n';
}

/** The documents named: files as given, folders as their supported files in name order. */
async function documentsOf(args: readonly string[]): Promise<{ docs: string[]; errors: string[] }> {
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
    if (!found.length) errors.push(`${a}: no document (${SUPPORTED.join(', ')}) in this folder`);
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
  const usage = (msg: string): number => {
    io.err(`kehoach import: ${msg}\n`);
    return EXIT.usage;
  };
  const { docs, errors } = await documentsOf(args.files);
  if (errors.length) return usage(errors.join('\nkehoach import: '));
  if (args.out && args.outDir) return usage('give --out (one document) or --out-dir (several), not both');
  if (docs.length > 1 && !args.outDir) return usage(`${docs.length} documents: give --out-dir <folder> to write one YAML file per document`);
  const targets = docs.map((d) => (args.outDir ? path.join(args.outDir, `${path.basename(d, path.extname(d))}.yaml`) : args.out));
  const twice = targets.find((t, i) => t !== undefined && targets.indexOf(t) !== i);
  if (twice) return usage(`two documents would both be written to ${twice}: import them separately`);
  const existing = args.force ? [] : targets.filter((t): t is string => t !== undefined && existsSync(t));
  if (existing.length) return usage(`${existing.join(', ')} ${existing.length === 1 ? 'exists; pass --force to overwrite it' : 'exist; pass --force to overwrite them'}`);

  let known: Plan[] = [];
  if (args.plansDir) {
    const corpus = await loadCorpusFromPaths(typeof args.plansDir === 'string' ? [args.plansDir] : args.plansDir, args.maxFileMb !== undefined ? { maxFileMb: args.maxFileMb } : {});
    if (!corpus.ok) return reportLoadErrors(io, corpus.errors);
    known = [...corpus.corpus.plans.values()].map((l) => l.plan);
  }
  if (args.parent && !known.some((p) => p.id === args.parent)) {
    io.err(`kehoach import: warning: --parent ${args.parent} is not among the loaded plans${args.plansDir ? '' : ' (no --plans given)'}\n`);
  }
  let code: number = EXIT.ok;
  for (const [i, file] of docs.entries()) {
    if (docs.length > 1) io.err(`${i ? '\n' : ''}== ${file}\n`);
    const r = await importOne(file, targets[i], args, known, io, extra);
    code = Math.max(code, r);
  }
  return code;
}

async function importOne(file: string, out: string | undefined, args: ImportArgs, known: Plan[], io: CliIO, extra: Omit<ImportOptions, 'file' | 'knownPlans' | 'parentId'>): Promise<number> {
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
    io.err(imported.kind === 'document' ? `${imported.file}: error: ${imported.message}\n` : `${file}:${imported.line}: error: ${imported.message}\n`);
    return EXIT.load;
  }
  const result: ImportResult = imported.result;
  for (const w of result.warnings) io.err(`${file}:${w.line}: warning: ${w.message}\n`);
  if (out) {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    // --force replaces an earlier YAML, never the document being imported.
    const w = await writeFileAtomic(out, result.yaml, { overwrite: !!args.force, inputs: [file] });
    if (!w.ok) {
      io.err(w.code === 'EEXIST' ? `kehoach import: ${out} exists; pass --force to overwrite it\n` : `kehoach import: ${writeFailure(out, w.code, readerLang(io))}\n`);
      return w.code === 'EEXIST' ? EXIT.usage : EXIT.load;
    }
    io.err(`wrote ${out} (plan ${result.plan.id})\n`);
  } else io.out(result.yaml);
  io.err(formatSummary(result.summary));
  const refused = importRefusals(result);
  for (const r of refused) io.err(`kehoach import: ${r}\n`);
  return refused.length ? EXIT.findings : EXIT.ok;
}

