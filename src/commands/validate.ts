/** `kehoach validate [paths…]`: load only; exit 0 when everything loads, 2 otherwise. */
import { EXIT, loadOrReport, type CliIO } from './context.js';

export async function validateCommand(io: CliIO, paths: string[], opts: { maxFileSize?: number }): Promise<number> {
  const corpus = await loadOrReport(io, paths, opts.maxFileSize ? { maxFileMb: opts.maxFileSize } : {});
  if (!corpus) return EXIT.load;
  const tasks = [...corpus.plans.values()].reduce((n, lp) => n + lp.plan.tasks.length, 0);
  io.out(`${corpus.plans.size} plans, ${tasks} tasks: all valid\n`);
  return EXIT.ok;
}
