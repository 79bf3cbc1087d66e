/**
 * The audit's figures (issue 19), printed by `npm run bench` for each corpus size, beside the
 * check's (bench.ts calls `benchAudit` once per size, with its runner and the `node -e 0` and cold
 * check cells it measured):
 *
 * - the audit of one province with its districts and communes (`--depth 2`), HTML and JSON, against
 *   the full cold check (target ≤ 0.2×);
 * - the audit of one commune (no children) against `node -e 0` (target ≤ 10×);
 * - the phases of the province audit in one process (`node audit-bench.js --phases …`): loading the
 *   corpus, the check and review, and the report (render and streaming write), so that the part the
 *   audit owns is seen apart from the load, whose cost is partial loading's to cut;
 * - the national audit to depth 3 (HTML, the larger peak): its time and peak RSS (target ≤ 1 GiB),
 *   and the growth of that peak from the smallest size benched to the largest (target ≤ 11×).
 *
 * Reports go to files in the scratch folder (written through the atomic streaming write, as a user's
 * `-o` would be), never to /dev/null.
 */
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Cell } from './bench-report.js';
import { median, type Run, type Runner } from './measure.js';

export interface AuditBenchInput {
  runner: Runner;
  /** The built bin (dist/bundle/cli.js). */
  cli: string;
  corpus: string;
  scratch: string;
  runs: number;
  plans: number;
  /** `node -e 0` and the cold check, as bench.ts measured them on this corpus. */
  node: Cell;
  cold: Cell;
  progress: (s: string) => void;
}

const GIB = 1 << 30;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Peak RSS of the national audit per corpus size benched in this process, for the growth line. */
const nationalPeak = new Map<number, number>();

/** The plan files of one level, sorted (the generator writes level/<province>/<id>.yaml). */
function idsOf(corpus: string, level: string): string[] {
  const dir = path.join(corpus, level);
  const out: string[] = [];
  for (const d of readdirSync(dir).sort()) for (const f of readdirSync(path.join(dir, d)).sort()) out.push(f.replace(/\.yaml$/, ''));
  return out;
}

interface Timed {
  ms: number | null;
  rss: number | null;
  note?: string;
}

async function timed(i: AuditBenchInput, what: string, args: string[]): Promise<Timed> {
  const done: Run[] = [];
  for (let k = 0; k < i.runs; k++) {
    i.progress(`${what} ${k + 1}/${i.runs}`);
    const r = await i.runner.node(args);
    if (r.code !== 0) return { ms: null, rss: r.rss, note: `${r.signal ?? `exit ${r.code}`}: ${r.stderr.trim().split('\n').slice(-2).join(' ')}` };
    done.push(r);
  }
  const rss = done.map((r) => r.rss).filter((x): x is number => x !== null);
  return { ms: median(done.map((r) => r.ms)), rss: rss.length ? Math.max(...rss) : null };
}

const sec = (ms: number | null): string => (ms === null ? 'n/a' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mb = (b: number | null): string => (b === null ? 'n/a' : `${Math.round(b / 1048576)} MB`);
const ratio = (a: number | null, b: number | null): string => (a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
const verdict = (x: number | null, target: number): string => (x === null ? '' : x <= target ? 'met' : '**not met**');

/** The audit rows for one corpus size, as Markdown-ish text (the bench's own table style). */
export async function benchAudit(i: AuditBenchInput): Promise<string> {
  const province = idsOf(i.corpus, 'province')[0]!;
  const communes = readdirSync(i.corpus).includes('commune') ? idsOf(i.corpus, 'commune') : [];
  const commune = communes[Math.floor(communes.length / 2)] ?? province;
  const out = (name: string): string => path.join(i.scratch, 'audit-out', name);
  const base = [i.cli, 'audit'];
  const provHtml = await timed(i, 'audit, one province --depth 2, html', [...base, province, '--plans', i.corpus, '--depth', '2', '-o', out('province.html')]);
  const provJson = await timed(i, 'audit, one province --depth 2, json', [...base, province, '--plans', i.corpus, '--depth', '2', '--format', 'json', '-o', out('province.json')]);
  const one = await timed(i, 'audit, one commune', [...base, commune, '--plans', i.corpus, '-o', out('commune.html')]);
  i.progress('audit, one province: phases in one process');
  const phases = await i.runner.node([path.join(here, 'audit-bench.js'), '--phases', i.corpus, province, '2', out('phases.html')]);
  const ph = phases.code === 0 ? (JSON.parse(phases.stdout.trim().split('\n').at(-1)!) as { load: number; review: number; report: number }) : null;
  const national = await timed(i, 'audit, national --depth 3, html', [...base, 'syn-national', '--plans', i.corpus, '--depth', '3', '-o', out('national.html')]);
  rmSync(path.join(i.scratch, 'audit-out'), { recursive: true, force: true });
  if (national.rss !== null) nationalPeak.set(i.plans, national.rss);

  const cold = i.cold.ms;
  const lines = [
    '',
    `audit (issue 19) · ${i.plans.toLocaleString('en')} plans · median of ${i.runs} · province ${province}, commune ${commune}`,
    '',
    '| | time | ratio | target | peak RSS |',
    '|---|---|---|---|---|',
  ];
  const row = (label: string, t: Timed, base: number | null, baseName: string, target: number | null): void => {
    const r = t.ms !== null && base ? t.ms / base : null;
    lines.push(`| ${label} | ${sec(t.ms)}${t.note ? ` (${t.note})` : ''} | ${ratio(t.ms, base)} ${baseName} | ${target === null ? '' : `≤ ${target}× ${verdict(r, target)}`} | ${mb(t.rss)} |`);
  };
  row('audit, one province --depth 2, html', provHtml, cold, 'cold check', 0.2);
  row('audit, one province --depth 2, json', provJson, cold, 'cold check', 0.2);
  row('audit, one commune', one, i.node.ms, 'node -e 0', 10);
  if (ph) {
    lines.push(`| — province, in one process: load / check + review / report (render, write) | ${sec(ph.load)} / ${sec(ph.review)} / ${sec(ph.report)} | review + report ${ratio(ph.review + ph.report, cold)} cold check | | |`);
  } else lines.push(`| — province phases | failed: ${phases.stderr.trim().split('\n').slice(-2).join(' ')} | | | |`);
  lines.push(`| audit, national --depth 3, html | ${sec(national.ms)}${national.note ? ` (${national.note})` : ''} | | peak ≤ 1 GiB ${national.rss === null ? '' : verdict(national.rss / GIB, 1)} | ${mb(national.rss)} |`);
  const sizes = [...nationalPeak.keys()].sort((a, b) => a - b);
  if (sizes.length > 1) {
    const [lo, hi] = [sizes[0]!, sizes.at(-1)!];
    const growth = nationalPeak.get(hi)! / nationalPeak.get(lo)!;
    lines.push(`| national audit's peak RSS, growth ${lo.toLocaleString('en')} → ${hi.toLocaleString('en')} | | ${growth.toFixed(1)}× | ≤ 11× ${verdict(growth, 11)} | |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `node audit-bench.js --phases <corpus> <plan> <depth> <out.html>`: the audit of one plan in this
 * process, its phases timed; prints {"load","review","report"} in ms on its last line.
 */
async function phasesMain(argv: string[]): Promise<void> {
  const [corpus, plan, depth, file] = argv;
  const { useDiskTables } = await import('../../src/app/tables.js');
  useDiskTables();
  const { loadCorpus } = await import('../../src/app/source/corpus-source.js');
  const { reviewAudit } = await import('../../src/core/review/audit.js');
  const { renderAudit } = await import('../../src/format/audit/render.js');
  const { auditChunks } = await import('../../src/format/audit/index.js');
  const { defaultConfig } = await import('../../src/core/check/config.js');
  const { writeChunksAtomic } = await import('../../src/app/write.js');
  const cfg = defaultConfig();
  const t0 = performance.now();
  const loaded = await loadCorpus({ paths: [corpus!], given: [plan!], maxFileBytes: 64 << 20, maxDocumentBytes: 64 << 20, notice: () => undefined });
  if (!loaded.ok) throw new Error(`load failed: ${loaded.errors.length} errors`);
  const t1 = performance.now();
  const review = reviewAudit(loaded.corpus, loaded.ids[0]!, { depth: Number(depth) }, cfg);
  const t2 = performance.now();
  const w = await writeChunksAtomic(file!, auditChunks('html', renderAudit(review, 'vi'), { graphLimit: cfg.audit.graphLimit }), { overwrite: true, createFolders: true });
  if (!w.ok) throw new Error(`write failed: ${w.code}`);
  const t3 = performance.now();
  process.stdout.write(`${JSON.stringify({ load: t1 - t0, review: t2 - t1, report: t3 - t2 })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--phases') {
  phasesMain(process.argv.slice(3)).catch((e: unknown) => {
    process.stderr.write(`audit-bench: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
