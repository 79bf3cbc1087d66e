/**
 * `kehoach link <child> [--plans dir] [--write]`: shows the automatic matches of a child
 * plan against each direct parent and, only with --write, writes them into the child's
 * YAML as explicit `implements` links with the parent task's fingerprint. Only lines are
 * added (src/core/link/insert.ts); without --write nothing is ever written.
 */
import { readFile, realpath } from 'node:fs/promises';
import { withFileLock } from '../../app/lock.js';
import { writeFileAtomic } from '../../app/write.js';
import type { LoadError } from '../../core/load/errors.js';
import type { Lang } from '../../format/messages.js';
import { insertLinks } from '../../core/link/insert.js';
import { rt } from '../../format/terms.js';
import { terminalText } from '../../format/escape.js';
import { insertionsOf, proposeLinks, type EdgeProposal } from '../../core/link/propose.js';
import { EXIT, reportLoadErrors, writeFailure, type CliIO, noticeTo } from './context.js';
import { commandSetup } from './config-file.js';
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
const say = (k: Word, lang: Lang, vars: Record<string, string | number> = {}): string => terminalText(rt(`link.${k}`, lang, vars));

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
  // Labels come from plan text: control characters are shown, not sent to the terminal.
  return lines.map(terminalText).join('\n') + '\n';
}

export async function linkCommand(io: CliIO, child: string, opts: LinkCommandOptions): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  if (opts.write && isDocumentArg(child)) {
    io.err(`kehoach link: ${say('refusedDocument', lang, { file: child })}\n`);
    return EXIT.usage;
  }
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: isFileArg(child), lang });
  const propose = async (): Promise<LoadCorpusFailure | Proposed> => {
    const loaded = await loadCorpus({ paths: dirs, given: [child], maxFileBytes: (opts.maxFileSize ?? DEFAULT_MAX_FILE_MB) * 1048576, maxDocumentBytes: documentLimit(opts.maxFileSize), notice: noticeTo(io, lang) });
    if (!loaded.ok) return loaded;
    const childId = loaded.ids[0]!;
    const proposals = proposeLinks(loaded.corpus, childId, cfg);
    return { childId, file: loaded.corpus.plans.get(childId)!.file, proposals, insertions: insertionsOf(proposals, loaded.corpus, childId) };
  };
  const first = await propose();
  if ('errors' in first) return reportLoadErrors(io, first.errors, lang);
  if (!opts.write) {
    report(io, first, lang);
    if (count(first)) io.out(say(isDocumentArg(child) ? 'documentDryRun' : 'dryRun', lang, { n: count(first), file: first.file }) + '\n');
    return EXIT.ok;
  }
  // Concurrent writers of one plan take turns; each loads the corpus again under the lock, so
  // it sees the links the one before it wrote and writes only what is still missing.
  const locked = await withFileLock(await realpath(first.file).catch(() => first.file), async (): Promise<number> => {
    const now = await propose();
    if ('errors' in now) return reportLoadErrors(io, now.errors, lang);
    report(io, now, lang);
    if (!count(now)) return EXIT.ok;
    // Read the file again as it is on disk now: the edit must be computed on the exact bytes it replaces.
    const text = await readFile(now.file, 'utf8');
    const r = insertLinks(text, now.insertions);
    if (!r.ok) {
      for (const p of r.problems) io.err(`kehoach: ${say('refused', lang, { file: now.file })}: ${p.taskKey ? `${p.taskKey}: ` : ''}${p.message}\n`);
      return EXIT.load;
    }
    const w = await writeFileAtomic(now.file, r.text, { overwrite: true });
    if (!w.ok) {
      io.err(`kehoach link: ${writeFailure(now.file, w.code, lang)}\n`);
      return EXIT.load;
    }
    io.out(say('wrote', lang, { n: count(now), lines: r.addedLines, file: now.file }) + '\n');
    return EXIT.ok;
  });
  if (locked.ok) return locked.value;
  io.err(`kehoach link: ${writeFailure(first.file, locked.code, lang, locked.holder)}\n`);
  return EXIT.load;
}

interface Proposed {
  childId: string;
  file: string;
  proposals: EdgeProposal[];
  insertions: ReturnType<typeof insertionsOf>;
}
type LoadCorpusFailure = { ok: false; errors: LoadError[] };

const count = (p: Proposed): number => p.insertions.reduce((k, i) => k + i.links.length, 0);

function report(io: CliIO, p: Proposed, lang: Lang): void {
  io.out(describeProposals(p.childId, p.proposals, lang));
  if (!count(p)) io.out(say('nothing', lang) + '\n');
}
