/**
 * `kehoach import <file> [--out <file.yaml>] [--plans <dir>] [--parent <id>] [--force]`:
 * reads a plan document, writes its YAML (or prints it), and reports on stderr what it could
 * not place and how it resolved the parent. The CLI wires this in src/cli.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../commands/context.js';
import { EXIT, reportLoadErrors } from '../commands/context.js';
import { loadCorpusFromPaths } from '../io/load.js';
import type { Plan } from '../model/plan.js';
import { importDocument } from './document.js';
import type { ImportOptions, ImportResult, ImportSummary } from './importer.js';

export { ImportError, importPlanText } from './importer.js';
export type { ImportOptions, ImportResult, ImportSummary, ImportWarning } from './importer.js';
export { DocumentError, documentText, readDocumentText, SUPPORTED, type DocumentText } from './read.js';
export { simpleSplit, type AgencySplitter } from './split.js';

export interface ImportArgs {
  /** The document: .txt, .md, .docx or .pdf. */
  file: string;
  /** Where to write the YAML; stdout when absent. */
  out?: string;
  /** Corpus to resolve the parent against (--plans, repeatable). */
  plansDir?: string | readonly string[];
  /** Overwrite an existing --out file. */
  force?: boolean;
  /** Parent plan id, overriding the text (--parent). */
  parent?: string;
}

const SCHEMA = fileURLToPath(new URL('../../schema/plan.schema.json', import.meta.url));

/** The $schema reference as seen from the written file. */
export function schemaRefFor(out: string | undefined): string {
  const from = out ? path.dirname(path.resolve(out)) : process.cwd();
  return path.relative(from, SCHEMA).split(path.sep).join('/');
}

/** "how the parent was resolved" and the tasks that lack an owner or a deadline, for people. */
export function formatSummary(s: ImportSummary): string {
  const p = s.parent;
  const parent =
    p.how === 'explicit' ? `${p.id} (set with --parent)`
    : p.id ? `${p.id} (resolved by ${p.how.replace(/-/g, ' ')} from "${p.cited}"${p.impliedIssuer ? `, read as "${p.impliedIssuer}"` : ''})${p.unconfirmedNumber ? `; the cited number ${p.unconfirmedNumber} is not confirmed: the known plan records no number` : ''}`
    : p.how === 'ambiguous' ? `ambiguous: "${p.cited}" matches ${p.candidates?.join(', ')}`
    : p.how === 'unresolved' ? `not found: "${p.cited}" is not among the known plans`
    : p.how === 'legal-bases-only' ? 'none: the plan cites legal bases only'
    : 'none: no "Thực hiện …" / "Căn cứ …" sentence names one';
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

export async function runImport(args: ImportArgs, io: CliIO, extra: Omit<ImportOptions, 'file' | 'knownPlans' | 'parentId'> = {}): Promise<number> {
  if (args.out && existsSync(args.out) && !args.force) {
    io.err(`kehoach import: ${args.out} exists; pass --force to overwrite it\n`);
    return EXIT.usage;
  }
  let known: Plan[] = [];
  if (args.plansDir) {
    const corpus = await loadCorpusFromPaths(typeof args.plansDir === 'string' ? [args.plansDir] : args.plansDir);
    if (!corpus.ok) return reportLoadErrors(io, corpus.errors);
    known = [...corpus.corpus.plans.values()].map((l) => l.plan);
  }
  if (args.parent && !known.some((p) => p.id === args.parent)) {
    io.err(`kehoach import: warning: --parent ${args.parent} is not among the loaded plans${args.plansDir ? '' : ' (no --plans given)'}\n`);
  }
  const imported = await importDocument(args.file, {
    ...extra,
    knownPlans: known,
    ...(args.parent ? { parentId: args.parent } : {}),
    schemaRef: extra.schemaRef ?? schemaRefFor(args.out),
  });
  if (!imported.ok) {
    io.err(imported.kind === 'document' ? `${imported.file}: error: ${imported.message}\n` : `${args.file}:${imported.line}: error: ${imported.message}\n`);
    return EXIT.load;
  }
  const result: ImportResult = imported.result;
  for (const w of result.warnings) io.err(`${args.file}:${w.line}: warning: ${w.message}\n`);
  if (args.out) {
    await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
    try {
      // "wx" refuses atomically, even if the file appeared since the check above.
      await writeFile(args.out, result.yaml, { encoding: 'utf8', flag: args.force ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(code === 'EEXIST' ? `kehoach import: ${args.out} exists; pass --force to overwrite it\n` : `kehoach import: cannot write ${args.out} (${code ?? String(e)})\n`);
      return code === 'EEXIST' ? EXIT.usage : EXIT.load;
    }
    io.err(`wrote ${args.out} (plan ${result.plan.id})\n`);
  } else io.out(result.yaml);
  io.err(formatSummary(result.summary));
  const refused = importRefusals(result);
  for (const r of refused) io.err(`kehoach import: ${r}\n`);
  return refused.length ? EXIT.findings : EXIT.ok;
}

/**
 * Why an imported plan cannot be checked as it stands: no task read, or no parent plan for a
 * plan below national level that does not rest on legal bases alone. The YAML is still
 * written (a reviewer can complete it), but the import fails so that a script notices.
 */
export function importRefusals(result: ImportResult): string[] {
  const out: string[] = [];
  const { summary, plan } = result;
  const unread = summary.tables.filter((t) => !t.read).map((t) => t.line);
  if (unread.length) {
    out.push(`the tasks in the table at line ${unread.join(', ')} were not read (a table's rows cannot be read from a PDF or plain text): import the Word (.docx) file of the plan (exit 1)`);
  }
  if (summary.tasks === 0) out.push('no task was read from the document: the plan would be checked against nothing (exit 1)');
  const how = summary.parent.how;
  const hasParent = how === 'explicit' || summary.parent.id !== undefined || how === 'legal-bases-only';
  if (plan.level !== 'national' && !hasParent) {
    out.push(
      how === 'none'
        ? 'no parent plan is cited: set it with --parent <id> (exit 1)'
        : `the parent plan was not found (${how}): set it with --parent <id> or pass --plans with the parent (exit 1)`,
    );
  }
  return out;
}
