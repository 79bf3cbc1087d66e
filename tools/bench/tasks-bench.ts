/**
 * `npm run bench -- --tasks N [--runs R] [--seed S] [--vs old/cli.js] [--json file]` (issue 16):
 * how the check grows with the number of tasks per file. Writes a parent and a child plan of N
 * tasks each, and of 10·N (tools/bench/many-tasks.ts), times the cold check of each (the median
 * of R runs of the installed command, --no-cache) and prints the growth from N to 10·N against
 * the target of 12× (a check linear in tasks would take 10× the time, plus what does not grow).
 * With --vs, another build is timed on the same files, runs alternating. Untimed in the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeManyTasks, type ManyTasksReport } from './many-tasks.js';
import { median, REPORT_SINK, rssMethod, type Run, Runner } from './measure.js';

export interface TasksBenchOptions {
  tasks: number;
  runs: number;
  seed: number;
  keep: boolean;
  /** this build's bin */
  cli: string;
  /** another build's bin, timed beside it */
  vs: string | null;
}

export const GROWTH_TARGET = 12;

interface Timed {
  ms: number | null;
  rss: number | null;
  note?: string;
}

export interface TasksSize {
  tasks: number;
  generated: ManyTasksReport;
  /** by build: "new" (this one) and, with --vs, "old" */
  check: Record<string, Timed>;
}

export interface TasksBenchResult {
  sizes: TasksSize[];
  /** by build: the time at 10·N over the time at N */
  growth: Record<string, number | null>;
}

const progress = (s: string): boolean => process.stderr.write(`bench: ${s}\n`);

function summarise(runs: Run[]): Timed {
  const failed = runs.find((r) => r.code === null || (r.code !== 0 && r.code !== 1));
  const rss = runs.map((r) => r.rss).filter((x): x is number => x !== null);
  if (failed) return { ms: null, rss: rss.length ? Math.max(...rss) : null, note: failed.signal ? `killed by ${failed.signal}` : `exit ${failed.code}` };
  return { ms: median(runs.map((r) => r.ms)), rss: rss.length ? Math.max(...rss) : null };
}

export async function benchTasks(o: TasksBenchOptions): Promise<TasksBenchResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `kehoach-bench-tasks-${o.tasks}-`));
  const builds: [string, string][] = [['new', o.cli], ...(o.vs ? ([['old', o.vs]] as [string, string][]) : [])];
  try {
    const runner = new Runner(scratch, { ...process.env, NO_COLOR: '1' });
    const sizes: TasksSize[] = [];
    for (const tasks of [o.tasks, o.tasks * 10]) {
      const dir = path.join(scratch, `p${tasks}`);
      progress(`writing two plans of ${tasks} tasks (seed ${o.seed}) into ${dir}`);
      const generated = writeManyTasks({ out: dir, tasks, seed: o.seed });
      const runs: Record<string, Run[]> = Object.fromEntries(builds.map(([name]) => [name, []]));
      for (let i = 0; i < o.runs; i++) {
        for (const [name, cli] of builds) {
          progress(`${tasks} tasks per file, ${name} ${i + 1}/${o.runs}`);
          runs[name]!.push(await runner.node([cli, 'check', dir, '--no-cache', '--format', 'json', '-o', REPORT_SINK]));
        }
      }
      sizes.push({ tasks, generated, check: Object.fromEntries(builds.map(([name]) => [name, summarise(runs[name]!)])) });
    }
    const growth = Object.fromEntries(
      builds.map(([name]) => {
        const [a, b] = sizes.map((s) => s.check[name]!.ms);
        return [name, a && b ? b / a : null];
      }),
    );
    return { sizes, growth };
  } finally {
    if (o.keep) progress(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

const time = (ms: number | null): string => (ms === null ? 'n/a' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mb = (b: number | null): string => (b === null ? 'n/a' : `${Math.round(b / 1048576)} MB`);
const n = (x: number): string => x.toLocaleString('en-US');

export function renderTasks(r: TasksBenchResult, o: TasksBenchOptions): string {
  const builds = Object.keys(r.growth);
  const head = `kehoach bench · tasks per file · seed ${o.seed} · median of ${o.runs} run(s) · node ${process.version} · ${os.cpus().length} CPU(s) · peak RSS by ${rssMethod()}`;
  const label = (b: string): string => (builds.length > 1 ? (b === 'new' ? ' (this build)' : ` (${o.vs})`) : '');
  const lines = [head, '', `| tasks per file | parent / child tasks | size | ${builds.map((b) => `check, cold${label(b)} | peak RSS`).join(' | ')} |`, `|---|---|---|${builds.map(() => '---|---|').join('')}`];
  for (const s of r.sizes) {
    const cells = builds.map((b) => {
      const c = s.check[b]!;
      return `${time(c.ms)}${c.note ? ` (${c.note})` : ''} | ${mb(c.rss)}`;
    });
    lines.push(`| ${n(s.tasks)} | ${n(s.generated.parentTasks)} / ${n(s.generated.childTasks)} | ${(s.generated.bytes / 1048576).toFixed(1)} MB | ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const b of builds) {
    const g = r.growth[b] ?? null;
    const verdict = g === null ? 'n/a' : `${g.toFixed(1)}× the time ${g <= GROWTH_TARGET ? '✓' : '✗'} (target ≤ ${GROWTH_TARGET}×)`;
    lines.push(`growth ${n(o.tasks)} → ${n(o.tasks * 10)} tasks per file${label(b)}: ${verdict}`);
  }
  return `${lines.join('\n')}\n`;
}
