/**
 * `npm run bench -- --tasks N [--runs R] [--seed S] [--json file] [--keep] [--vs old/cli.js]`
 * `npm run bench [-- --plans N] [--runs R] [--shape 2023|2025] [--seed S] [--json file] [--keep] [--vs old/cli.js]`
 * `npm run bench -- --import [--paragraphs N] [--runs R] [--json file]`
 *
 * Generates the synthetic corpus (tools/bench/generate.ts) at 1,000 and 10,000 plans (or N), then
 * times, as users run them (a fresh `node` on the package's bin, the bundle dist/bundle/cli.js), the median of R runs of: `node -e 0`,
 * a bare yaml parse() of every file in one thread (the baseline), the cold check (--no-cache),
 * the warm check (cache in place), and one draft checked against its parents inside the full
 * tree, cold and warm. Not a timed test: it exits 0 unless something crashed. The cache is kept
 * in a scratch directory (XDG_CACHE_HOME and KEHOACH_CACHE_DIR point there), never the user's.
 * With --vs, this build and another are timed side by side instead (tools/bench/compare.ts).
 * With --tasks, the check of two plans of N tasks each and of 10·N, and the growth between them
 * (tools/bench/tasks-bench.ts), instead of the corpus sizes.
 * With --import [--paragraphs N], the importer is timed on N and 10N paragraphs instead
 * (tools/bench/import-bench.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Cell, renderTable, type RowId, type SizeResult } from './bench-report.js';
import { generateCorpus } from './generate.js';
import { median, REPORT_SINK, rssMethod, type Run, Runner } from './measure.js';
import { pairRow, renderPaired, type PairedRow } from './compare.js';
import { benchImport } from './import-bench.js';
import { packageRoot } from '../../src/app/tables.js';
import { benchTasks, renderTasks } from './tasks-bench.js';

interface BenchOptions {
  sizes: number[];
  runs: number;
  shape: 2023 | 2025;
  seed: number;
  json: string | null;
  keep: boolean;
  /** Another build's bin, timed side by side with this one. */
  vs: string | null;
  /** Tasks per file: time N and 10·N tasks per file instead of corpus sizes. */
  tasks: number | null;
  /** Time the importer on `paragraphs` and 10× as many paragraphs instead. */
  import: boolean;
  paragraphs: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The installed command: package.json's bin (the esbuild bundle). */
const CLI = path.join(packageRoot(), 'dist', 'bundle', 'cli.js');
const BASELINE = path.join(here, 'parse-baseline.js');
const progress = (s: string): boolean => process.stderr.write(`bench: ${s}\n`);

/** What the built CLI supports, so that a missing cache or --plan reads "n/a", not a crash. */
async function features(runner: Runner): Promise<{ noCache: boolean; plan: boolean }> {
  const help = await runner.node([CLI, 'check', '--help']);
  return { noCache: help.stdout.includes('--no-cache'), plan: help.stdout.includes('--plan ') };
}

/** A commune plan from the middle of the tree: a drafter's file, checked against its three ancestors. */
function pickDraft(corpus: string, into: string): string {
  const level = readdirSync(corpus).includes('commune') ? 'commune' : 'province';
  const files: string[] = [];
  for (const d of readdirSync(path.join(corpus, level)).sort()) {
    for (const f of readdirSync(path.join(corpus, level, d)).sort()) files.push(path.join(corpus, level, d, f));
  }
  const src = files[Math.floor(files.length / 2)]!;
  mkdirSync(into, { recursive: true });
  const dst = path.join(into, path.basename(src));
  copyFileSync(src, dst);
  return dst;
}

interface Crash {
  what: string;
  run: Run;
}

async function measure(runner: Runner, what: string, args: string[], runs: number, okCodes: number[], crashes: Crash[]): Promise<Cell> {
  const done: Run[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`${what} ${i + 1}/${runs}`);
    const r = await runner.node(args);
    if (r.code === null || !okCodes.includes(r.code)) {
      crashes.push({ what, run: r });
      return { ms: null, rss: r.rss, note: r.signal ? `killed by ${r.signal}` : `exit ${r.code}` };
    }
    done.push(r);
  }
  const rss = done.map((r) => r.rss).filter((x): x is number => x !== null);
  return { ms: median(done.map((r) => r.ms)), rss: rss.length ? Math.max(...rss) : null };
}

async function benchSize(n: number, o: BenchOptions, crashes: Crash[]): Promise<SizeResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `kehoach-bench-${n}-`));
  try {
    const corpus = path.join(scratch, 'corpus');
    const cache = path.join(scratch, 'cache');
    mkdirSync(cache);
    progress(`generating ${n} plans (shape ${o.shape}, seed ${o.seed}) into ${corpus}`);
    const gen = await generateCorpus({ out: corpus, plans: n, shape: o.shape, seed: o.seed });
    const runner = new Runner(scratch, { ...process.env, XDG_CACHE_HOME: cache, KEHOACH_CACHE_DIR: cache, NO_COLOR: '1' });
    const has = await features(runner);
    const draft = pickDraft(corpus, path.join(scratch, 'draft'));
    const report = ['--format', 'json', '-o', REPORT_SINK];
    const noCache = has.noCache ? ['--no-cache'] : [];
    const check = [CLI, 'check', corpus, ...report];
    const draftArgs = [CLI, 'check', '--plan', draft, '--plans', corpus, ...report];
    const na = (note: string): Cell => ({ ms: null, rss: null, note });
    const cells = {} as Record<RowId, Cell>;
    cells.node = await measure(runner, 'node -e 0', ['-e', '0'], o.runs, [0], crashes);
    cells.parse = await measure(runner, 'yaml parse() baseline', [BASELINE, corpus], o.runs, [0], crashes);
    cells.cold = await measure(runner, 'check, cold', [...check, ...noCache], o.runs, [0, 1], crashes);
    if (has.noCache) {
      progress('priming the cache');
      await runner.node(check);
      cells.warm = await measure(runner, 'check, warm', check, o.runs, [0, 1], crashes);
    } else cells.warm = na('no --no-cache: cache not implemented');
    if (has.plan) {
      cells.draftCold = await measure(runner, 'draft, cold', [...draftArgs, ...noCache], o.runs, [0, 1], crashes);
      cells.draftWarm = has.noCache ? await measure(runner, 'draft, warm', draftArgs, o.runs, [0, 1], crashes) : na('no cache');
    } else [cells.draftCold, cells.draftWarm] = [na('no --plan'), na('no --plan')];
    process.stdout.write(await (await import('./audit-bench.js')).benchAudit({ runner, cli: CLI, corpus, scratch, runs: o.runs, plans: gen.plans, node: cells.node, cold: cells.cold, progress }));
    return { plans: gen.plans, tasks: gen.tasks, bytes: gen.bytes, generateMs: gen.ms, cells };
  } finally {
    if (o.keep) progress(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

function parseCli(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      plans: { type: 'string' },
      runs: { type: 'string', default: '3' },
      shape: { type: 'string', default: '2023' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      vs: { type: 'string' },
      tasks: { type: 'string' },
      import: { type: 'boolean', default: false },
      paragraphs: { type: 'string', default: '4000' },
    },
  });
  const int = (name: string, v: string | undefined, min: number): number => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < min) throw new Error(`--${name} needs an integer ≥ ${min}, got "${v}"`);
    return x;
  };
  if (values.shape !== '2023' && values.shape !== '2025') throw new Error(`--shape is 2023 or 2025, got "${values.shape}"`);
  return {
    sizes: values.plans === undefined ? [1000, 10000] : [int('plans', values.plans, 2)],
    runs: int('runs', values.runs, 1),
    shape: values.shape === '2023' ? 2023 : 2025,
    seed: int('seed', values.seed, 0),
    json: values.json ?? null,
    keep: values.keep ?? false,
    vs: values.vs ? path.resolve(values.vs) : null,
    tasks: values.tasks === undefined ? null : int('tasks', values.tasks, 1),
    import: values.import ?? false,
    paragraphs: int('paragraphs', values.paragraphs, 10),
  };
}

/** The cold and warm check and the draft, cold and warm, by this build and the other, runs alternating. */
async function pairedSize(n: number, o: BenchOptions, vs: string): Promise<{ plans: number; rows: PairedRow[] }> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `kehoach-bench-vs-${n}-`));
  try {
    const corpus = path.join(scratch, 'corpus');
    progress(`generating ${n} plans (shape ${o.shape}, seed ${o.seed}) into ${corpus}`);
    const gen = await generateCorpus({ out: corpus, plans: n, shape: o.shape, seed: o.seed });
    const draft = pickDraft(corpus, path.join(scratch, 'draft'));
    // Each build its own cache, so that neither reads the other's.
    const side = (name: string): Runner => {
      const cache = path.join(scratch, `cache-${name}`);
      mkdirSync(cache);
      return new Runner(scratch, { ...process.env, XDG_CACHE_HOME: cache, KEHOACH_CACHE_DIR: cache, NO_COLOR: '1' });
    };
    const builds = { new: { cli: CLI, runner: side('new') }, old: { cli: vs, runner: side('old') } };
    const report = ['--format', 'json', '-o', REPORT_SINK];
    const rows: { label: string; args: (cli: string) => string[]; prime: boolean }[] = [
      { label: 'check, cold (--no-cache)', args: (cli) => [cli, 'check', corpus, ...report, '--no-cache'], prime: false },
      { label: 'check, warm (cache)', args: (cli) => [cli, 'check', corpus, ...report], prime: true },
      { label: 'one draft, cold', args: (cli) => [cli, 'check', '--plan', draft, '--plans', corpus, ...report, '--no-cache'], prime: false },
      { label: 'one draft, warm', args: (cli) => [cli, 'check', '--plan', draft, '--plans', corpus, ...report], prime: true },
    ];
    const out: PairedRow[] = [];
    for (const row of rows) {
      const runs = { new: [] as Run[], old: [] as Run[] };
      for (const b of ['new', 'old'] as const) if (row.prime) await builds[b].runner.node(row.args(builds[b].cli));
      for (let i = 0; i < o.runs; i++) {
        for (const b of ['new', 'old'] as const) {
          progress(`${row.label}, ${b} ${i + 1}/${o.runs}`);
          runs[b].push(await builds[b].runner.node(row.args(builds[b].cli)));
        }
      }
      out.push(pairRow(row.label, runs));
    }
    return { plans: gen.plans, rows: out };
  } finally {
    if (o.keep) progress(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const o = parseCli(process.argv.slice(2));
  if (o.tasks !== null) {
    const to = { tasks: o.tasks, runs: o.runs, seed: o.seed, keep: o.keep, cli: CLI, vs: o.vs };
    const r = await benchTasks(to);
    process.stdout.write(renderTasks(r, to));
    if (o.json) writeFileSync(o.json, `${JSON.stringify({ options: to, node: process.version, ...r }, null, 2)}\n`);
    return r.sizes.some((s) => Object.values(s.check).some((c) => c.ms === null)) ? 1 : 0;
  }
  if (o.import) {
    const r = benchImport({ paragraphs: o.paragraphs, runs: o.runs });
    process.stdout.write(r.text);
    if (o.json) writeFileSync(o.json, `${JSON.stringify({ options: o, node: process.version, rows: r.rows }, null, 2)}\n`);
    return 0;
  }
  if (o.vs) {
    const sizes = [];
    for (const n of o.sizes) sizes.push(await pairedSize(n, o, o.vs));
    const header = `kehoach bench · this build (new) against ${o.vs} (old) · ${o.runs} run(s) each, alternating · node ${process.version} · ${os.cpus().length} CPU(s) · peak RSS by ${rssMethod()}`;
    const text = renderPaired(sizes, header);
    process.stdout.write(text);
    if (o.json) writeFileSync(o.json, `${JSON.stringify({ options: o, node: process.version, sizes }, null, 2)}\n`);
    return sizes.some((s) => s.rows.some((r) => !r.time)) ? 1 : 0;
  }
  const crashes: Crash[] = [];
  const results: SizeResult[] = [];
  for (const n of o.sizes) results.push(await benchSize(n, o, crashes));
  const cpus = os.cpus().length;
  const method = rssMethod();
  const header = `kehoach bench · shape ${o.shape} · seed ${o.seed} · median of ${o.runs} run(s) · node ${process.version} · ${cpus} CPU(s) · peak RSS by ${method}`;
  process.stdout.write(renderTable(results, header));
  for (const c of crashes) {
    process.stdout.write(`\n${c.what} failed (${c.run.signal ?? `exit ${c.run.code}`}):\n${c.run.stderr.trim().split('\n').slice(-8).join('\n')}\n`);
  }
  process.stdout.write(`\n${await (await import('./partial-bench.js')).benchPartial({ sizes: o.sizes, runs: o.runs, shape: o.shape, seed: o.seed, keep: o.keep })}`); // issue 19: drafts, re-checks after an edit
  if (o.json) writeFileSync(o.json, `${JSON.stringify({ options: o, node: process.version, cpus, results, crashes: crashes.map((c) => c.what) }, null, 2)}\n`);
  return crashes.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
