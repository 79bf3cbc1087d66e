/**
 * `kehoach link <child> [--plans dir] [--write]`: shows the automatic matches of a child
 * plan against each direct parent and, only with --write, writes them into the child's
 * YAML as explicit `implements` links with the parent task's fingerprint. Only lines are
 * added (src/core/link/insert.ts); without --write nothing is ever written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Lang } from '../../format/messages.js';
import { insertLinks } from '../../core/link/insert.js';
import { rt } from '../../format/terms.js';
import { insertionsOf, proposeLinks, type EdgeProposal } from '../../core/link/propose.js';
import { EXIT, reportLoadErrors, type CliIO } from './context.js';
import { loadConfig } from './config-file.js';
import { isDocumentArg } from '../../app/source/files.js';
import { corpusPaths } from './corpus-paths.js';
import { isFileArg, loadCorpus } from '../../app/source/corpus-source.js';
import { documentLimit } from '../../app/source/read-capped.js';
import { DEFAULT_MAX_FILE_MB } from '../../app/source/files.js';

export interface LinkCommandOptions {
  /** --plans, repeatable. */
  plans?: string[];
  write?: boolean;
  config?: string;
  lang?: Lang;
  maxFileSize?: number;
}

type Word = 'versus' | 'auto' | 'score' | 'linked' | 'uncertain' | 'none' | 'dryRun' | 'wrote' | 'nothing' | 'refused' | 'refusedDocument' | 'documentDryRun';

/** The command's words are the terms `link.*` of rules/messages.yaml. */
const say = (k: Word, lang: Lang, vars: Record<string, string | number> = {}): string => rt(`link.${k}`, lang, vars);

export function describeProposals(childId: string, proposals: readonly EdgeProposal[], lang: Lang): string {
  const lines: string[] = [];
  for (const e of proposals) {
    lines.push(`${childId} ${say('versus', lang)} ${e.parent}`);
    for (const l of e.links) {
      lines.push(`  ${l.childLabel} → ${e.parent} ${l.parentLabel}  (${say('auto', lang)}, ${say('score', lang)} ${l.score}; ${l.fingerprint})`);
    }
    for (const x of e.explicit) lines.push(`  ${x.childTask} → ${e.parent} ${x.parentTask}  (${say('linked', lang)})`);
    for (const u of e.uncertain) lines.push(`  ${u.childTask} ? ${e.parent} ${u.parentTask ?? '—'}  (${say('uncertain', lang)}; ${say('score', lang)} ${u.score})`);
    if (!e.links.length) lines.push(`  ${say('none', lang)}`);
  }
  return lines.join('\n') + '\n';
}

export async function linkCommand(io: CliIO, child: string, opts: LinkCommandOptions): Promise<number> {
  const conf = await loadConfig(io, opts.config);
  if (!conf.ok) return reportLoadErrors(io, conf.errors);
  const cfg = conf.config;
  const lang: Lang = opts.lang ?? cfg.lang ?? 'vi';
  if (opts.write && isDocumentArg(child)) {
    io.err(`kehoach link: ${say('refusedDocument', lang, { file: child })}\n`);
    return EXIT.usage;
  }
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(child), lang });
  const loaded = await loadCorpus({ paths: dirs, given: [child], maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576, maxDocumentBytes: documentLimit(opts.maxFileSize), notice: (line) => io.err(line + '\n') });
  if (!loaded.ok) return reportLoadErrors(io, loaded.errors);
  const childId = loaded.ids[0]!;
  const file = loaded.corpus.plans.get(childId)!.file;
  const proposals = proposeLinks(loaded.corpus, childId, cfg);
  io.out(describeProposals(childId, proposals, lang));
  const insertions = insertionsOf(proposals, loaded.corpus, childId);
  const n = insertions.reduce((k, i) => k + i.links.length, 0);
  if (!n) {
    io.out(say('nothing', lang) + '\n');
    return EXIT.ok;
  }
  if (!opts.write) {
    io.out(say(isDocumentArg(child) ? 'documentDryRun' : 'dryRun', lang, { n, file }) + '\n');
    return EXIT.ok;
  }
  // Read the file again as it is on disk now: the edit must be computed on the exact bytes it replaces.
  const text = await readFile(file, 'utf8');
  const r = insertLinks(text, insertions);
  if (!r.ok) {
    for (const p of r.problems) io.err(`kehoach: ${say('refused', lang, { file })}: ${p.taskKey ? `${p.taskKey}: ` : ''}${p.message}\n`);
    return EXIT.load;
  }
  await writeFile(file, r.text, 'utf8');
  io.out(say('wrote', lang, { n, lines: r.addedLines, file }) + '\n');
  return EXIT.ok;
}
