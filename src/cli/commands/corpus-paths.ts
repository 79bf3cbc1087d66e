/**
 * Which corpus a command reads. In order: --plans (repeatable) and the command's own path
 * arguments, all loaded as one corpus; the configuration's `plans`, ./plans when it
 * exists; and only when none of these is there and the command was given plans to check as
 * files (a --plan draft, a document), the plans bundled with the package, announced on stderr
 * so that the bundled corpus is never silently what a draft is checked against. Otherwise
 * ./plans, whose absence is the usual located load error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../format/messages.js';
import { term } from '../../format/messages.js';
import { packageRoot } from '../../app/tables.js';
import type { CliIO } from './context.js';

export interface CorpusChoice {
  /** --plans, in the order given. */
  plans?: readonly string[] | undefined;
  /** Corpus paths given as arguments (check's [paths…]). */
  paths?: readonly string[] | undefined;
  /** The configuration's `plans`. */
  configured?: readonly string[] | undefined;
  /** The command was given plans as files, which need parents from somewhere. */
  given: boolean;
  lang: Lang;
}

/** The package's own plans/ folder (next to its rules/), whatever the working directory. */
export const bundledPlans = (): string => path.join(packageRoot(), 'plans');

export function corpusPaths(io: CliIO, c: CorpusChoice): string[] {
  const explicit = [...(c.plans ?? []), ...(c.paths ?? [])];
  if (explicit.length) return explicit;
  if (c.configured?.length) return [...c.configured];
  if (existsSync('plans') || !c.given) return ['plans'];
  const bundled = bundledPlans();
  if (!existsSync(bundled)) return ['plans'];
  io.err(`kehoach: ${term('bundled-plans', c.lang)}: ${bundled}\n`);
  return [bundled];
}
