/** `kehoach validate [paths…] [--plans dir…]`: load only; exit 0 when everything loads, 2 otherwise. */
import { EXIT, loadOrReport, readerLang, type CliIO } from './context.js';
import type { Lang } from '../../format/messages.js';
import { saidText } from '../../format/said.js';

export interface ValidateOptions {
  maxFileSize?: number;
  /** --plans, repeatable: corpus folders loaded with the paths, as one corpus (the parents of the files named). */
  plans?: string[];
  lang?: Lang;
}

export async function validateCommand(io: CliIO, paths: string[], opts: ValidateOptions): Promise<number> {
  const all = [...(opts.plans ?? []), ...paths];
  const corpus = await loadOrReport(io, all.length ? all : ['plans'], opts.maxFileSize ? { maxFileMb: opts.maxFileSize } : {}, readerLang(io, opts.lang));
  if (!corpus) return EXIT.load;
  const tasks = [...corpus.plans.values()].reduce((n, lp) => n + lp.plan.tasks.length, 0);
  io.out(saidText({ key: 'cli.validate.ok', vars: { plans: corpus.plans.size, tasks } }, readerLang(io, opts.lang)) + '\n');
  return EXIT.ok;
}
