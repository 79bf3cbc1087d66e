/**
 * Runs a command the way a user does (a fresh `node` process on the built entry point) and
 * measures its wall time and peak resident memory: through GNU time (`/usr/bin/time -v`) when
 * present, else through a preloaded hook that records the process's own maxRSS at exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Where the timed commands write their reports (`-o`): a file, never /dev/null. A build from before
 * the write fix (issue 19) renamed its temporary file over the target, so `-o /dev/null` under
 * `--vs <old build>` put a regular file in place of the machine's /dev/null.
 */
export const REPORT_SINK = path.join(tmpdir(), `kehoach-bench-report-${process.pid}.out`);
process.once('exit', () => rmSync(REPORT_SINK, { force: true }));
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Run {
  ms: number;
  /** peak RSS in bytes, null when it could not be measured */
  rss: number | null;
  code: number | null;
  signal: string | null;
  stderr: string;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

export const rssMethod = (): string => (existsSync(GNU_TIME) ? 'GNU time -v' : 'process.resourceUsage().maxRSS');

export class Runner {
  private readonly useTime: boolean;
  private readonly hook: string;
  private seq = 0;

  constructor(private readonly scratch: string, private readonly env: NodeJS.ProcessEnv) {
    this.useTime = existsSync(GNU_TIME);
    this.hook = path.join(scratch, 'rss-hook.mjs');
    // The fallback: the measured process writes its own peak RSS (kB) where the runner tells it.
    writeFileSync(
      this.hook,
      "import { writeFileSync } from 'node:fs';\n" +
        "process.on('exit', () => { const f = process.env.KEHOACH_BENCH_RSS; if (f) writeFileSync(f, String(process.resourceUsage().maxRSS)); });\n",
    );
  }

  get method(): string {
    return rssMethod();
  }

  /** `node <args>`; node's own flags may lead `args`. */
  async node(args: string[]): Promise<Run> {
    const out = path.join(this.scratch, `rss-${this.seq++}.txt`);
    const [cmd, argv] = this.useTime
      ? [GNU_TIME, ['-v', '-o', out, process.execPath, ...args]]
      : [process.execPath, ['--import', this.hook, ...args]];
    const env = { ...this.env, KEHOACH_BENCH_RSS: out };
    const started = performance.now();
    const r = await new Promise<Omit<Run, 'ms' | 'rss'>>((resolve, reject) => {
      // Run from the scratch directory, as a user elsewhere would: no project config is picked up.
      const child = spawn(cmd, argv, { env, cwd: this.scratch, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-4000)));
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    const ms = performance.now() - started;
    let rss: number | null = null;
    if (existsSync(out)) {
      const text = readFileSync(out, 'utf8');
      const kb = this.useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] : text.trim();
      rss = kb ? Number(kb) * 1024 : null;
      // GNU time reports a killed child in its output too; the exit status there is the child's.
      rmSync(out, { force: true });
    }
    return { ...r, ms, rss };
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
