/**
 * The figures of issue 19 that are about work proportional to the question, timed as users run
 * them (a fresh `node` on the bundle), medians of R runs, each beside its target:
 * - one draft checked against its parents inside the full tree, cold (--no-cache) and warm, against `node -e 0`;
 * - the re-check after one plan is edited (a commune, a district, a province: each run edits the
 *   file anew, the run before left the cache in place) against the full cold check;
 * - the full cold check against the single-thread `yaml` parse() of every file, and warm against cold.
 * Called by `npm run bench` (tools/bench/bench.ts) after its own table; `node
 * dist-tools/tools/bench/partial-bench.js --plans N [--runs R]` runs it alone.
 */
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';
import { median, REPORT_SINK, type Run, Runner } from './measure.js';
import { packageRoot } from '../../src/app/tables.js';
import { readHead } from '../../src/app/source/neighbourhood.js';

export interface PartialBenchOptions {
  sizes: number[];
  runs: number;
  shape: 2023 | 2025;
  seed: number;
  keep?: boolean;
}

interface Row {
  label: string;
  ms: number | null;
  /** What it is compared with, its ratio and the target. */
  against?: { label: string; ratio: number | null; target: number };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(packageRoot(), 'dist', 'bundle', 'cli.js');
const BASELINE = path.join(here, 'parse-baseline.js');
const say = (s: string): boolean => process.stderr.write(`bench (partial): ${s}\n`);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** A commune from the middle of the tree, its district and its province (files), found by their heads. */
function pickChain(corpus: string): { commune: string; district: string; province: string } {
  const heads = new Map<string, { file: string; parents: string[] }>();
  for (const f of walk(corpus)) {
    const h = readHead(f, 1 << 30);
    if (h) heads.set(h.id, { file: f, parents: h.parents });
  }
  const levelOf = (file: string): string => path.relative(corpus, file).split(path.sep)[0]!;
  const communes = [...heads.values()].filter((h) => levelOf(h.file) === 'commune' && h.parents.some((p) => heads.get(p) && levelOf(heads.get(p)!.file) === 'district'));
  const pool = communes.length ? communes : [...heads.values()].filter((h) => h.parents.length && heads.get(h.parents[0]!)?.parents.length);
  const commune = pool[Math.floor(pool.length / 2)]!;
  const district = heads.get(commune.parents[0]!)!;
  const province = heads.get(district.parents[0]!) ?? district;
  return { commune: commune.file, district: district.file, province: province.file };
}

async function timed(runner: Runner, what: string, args: string[], runs: number, before?: (i: number) => void): Promise<number | null> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    say(`${what} ${i + 1}/${runs}`);
    const r: Run = await runner.node(args);
    if (r.code === null || r.code > 1) {
      say(`${what} failed (${r.signal ?? `exit ${r.code}`}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      return null;
    }
    ms.push(r.ms);
  }
  return median(ms);
}

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

async function benchOne(n: number, o: PartialBenchOptions): Promise<{ plans: number; rows: Row[] }> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `kehoach-bench-partial-${n}-`));
  try {
    const corpus = path.join(scratch, 'corpus');
    const cache = path.join(scratch, 'cache');
    mkdirSync(cache);
    say(`generating ${n} plans into ${corpus}`);
    const gen = await generateCorpus({ out: corpus, plans: n, shape: o.shape, seed: o.seed });
    const runner = new Runner(scratch, { ...process.env, XDG_CACHE_HOME: cache, KEHOACH_CACHE_DIR: cache, KEHOACH_CONFIG_DIR: path.join(scratch, 'config'), NO_COLOR: '1' });
    const chain = pickChain(corpus);
    const draftDir = path.join(scratch, 'draft');
    mkdirSync(draftDir);
    const draft = path.join(draftDir, path.basename(chain.commune));
    copyFileSync(chain.commune, draft);
    const report = ['--format', 'json', '-o', REPORT_SINK];
    const check = [CLI, 'check', corpus, ...report];
    const draftArgs = [CLI, 'check', '--plan', draft, '--plans', corpus, ...report];

    const node = await timed(runner, 'node -e 0', ['-e', '0'], o.runs);
    const parse = await timed(runner, 'yaml parse() baseline', [BASELINE, corpus], o.runs);
    const cold = await timed(runner, 'check, cold', [...check, '--no-cache'], o.runs);
    say('priming the cache');
    await runner.node(check);
    const warm = await timed(runner, 'check, warm', check, o.runs);
    const draftCold = await timed(runner, 'draft, cold', [...draftArgs, '--no-cache'], o.runs);
    await runner.node(draftArgs);
    const draftWarm = await timed(runner, 'draft, warm', draftArgs, o.runs);
    // Each run edits the plan anew (a comment line: a new content hash), the cache of the run before in place.
    const edited = async (level: 'commune' | 'district' | 'province'): Promise<number | null> => {
      await runner.node(check);
      return timed(runner, `re-check after editing a ${level}`, check, o.runs, (i) => appendFileSync(chain[level], `# edit ${level} ${i} ${Date.now()}\n`));
    };
    const commune = await edited('commune');
    const district = await edited('district');
    const province = await edited('province');
    const rows: Row[] = [
      { label: 'node -e 0', ms: node },
      { label: 'yaml parse(), one thread', ms: parse },
      { label: 'one draft, cold', ms: draftCold, against: { label: 'node -e 0', ratio: ratio(draftCold, node), target: 10 } },
      { label: 'one draft, warm', ms: draftWarm, against: { label: 'node -e 0', ratio: ratio(draftWarm, node), target: 4 } },
      { label: 'check, cold (--no-cache)', ms: cold, against: { label: 'yaml parse()', ratio: ratio(cold, parse), target: 0.6 } },
      { label: 'check, warm', ms: warm, against: { label: 'cold check', ratio: ratio(warm, cold), target: 0.15 } },
      { label: 're-check, a commune edited', ms: commune, against: { label: 'cold check', ratio: ratio(commune, cold), target: 0.15 } },
      { label: 're-check, a district edited', ms: district, against: { label: 'cold check', ratio: ratio(district, cold), target: 0.15 } },
      { label: 're-check, a province edited', ms: province, against: { label: 'cold check', ratio: ratio(province, cold), target: 0.15 } },
    ];
    return { plans: gen.plans, rows };
  } finally {
    if (o.keep) say(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

export function renderPartial(sizes: { plans: number; rows: Row[] }[], header: string): string {
  const lines = [header, ''];
  for (const s of sizes) {
    lines.push(`${s.plans} plans`);
    lines.push(`  ${'figure'.padEnd(30)} ${'median'.padStart(10)}   ${'ratio'.padStart(7)}  target   against`);
    for (const r of s.rows) {
      const ms = r.ms === null ? 'failed' : `${(r.ms / 1000).toFixed(2)} s`;
      if (!r.against) {
        lines.push(`  ${r.label.padEnd(30)} ${ms.padStart(10)}`);
        continue;
      }
      const x = r.against.ratio;
      const mark = x === null ? '' : x <= r.against.target ? '  ok' : '  MISSED';
      lines.push(`  ${r.label.padEnd(30)} ${ms.padStart(10)}   ${(x === null ? 'n/a' : `${x.toFixed(2)}×`).padStart(7)}  ≤ ${`${r.against.target}×`.padEnd(6)} ${r.against.label}${mark}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Every size's figures, as text. */
export async function benchPartial(o: PartialBenchOptions): Promise<string> {
  const sizes = [];
  for (const n of o.sizes) sizes.push(await benchOne(n, o));
  return renderPartial(sizes, `kehoach bench · partial loads and incremental re-check (issue 19) · median of ${o.runs} run(s) · node ${process.version} · ${os.cpus().length} CPU(s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { plans: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
  benchPartial({ sizes: [Number(values.plans)], runs: Number(values.runs), shape: 2023, seed: Number(values.seed), keep: values.keep ?? false }).then(
    (text) => process.stdout.write(text),
    (e: unknown) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
