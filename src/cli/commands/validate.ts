/** `kehoach validate [paths…] [--plans dir…]`: load only; exit 0 when everything loads, 2 otherwise. */
import { EXIT, loadOrReport, type CliIO } from './context.js';

export interface ValidateOptions {
  maxFileSize?: number;
  /** --plans, repeatable: corpus folders loaded with the paths, as one corpus (the parents of the files named). */
  plans?: string[];
}

export async function validateCommand(io: CliIO, paths: string[], opts: ValidateOptions): Promise<number> {
  const all = [...(opts.plans ?? []), ...paths];
  const corpus = await loadOrReport(io, all.length ? all : ['plans'], opts.maxFileSize ? { maxFileMb: opts.maxFileSize } : {});
  if (!corpus) return EXIT.load;
  const tasks = [...corpus.plans.values()].reduce((n, lp) => n + lp.plan.tasks.length, 0);
  io.out(`${corpus.plans.size} plans, ${tasks} tasks: all valid\n`);
  return EXIT.ok;
}
