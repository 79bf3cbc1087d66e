/**
 * `npm run bench -- --import [--paragraphs N] [--runs R]`: the importer's growth (issue 16: 10×
 * the paragraphs must take at most 12× the time). For each text, generated at N and 10N
 * paragraphs (default 4,000 and 40,000), the fastest of R runs of the importer itself
 * (importPlanText, in this process, after warm-up runs, each run after a garbage collection: the
 * bin's start-up would hide the growth), then the ratio against the target. The fastest, not the
 * median: on a machine shared with other work the slower runs measure the other work, and a
 * growth is a ratio of two times that such noise would skew either way. The rows: a generated plan (tools/bench/
 * plan-text.ts), and the shapes that were quadratic before issue 16: lines that all continue
 * one paragraph, a title in capitals that runs on, one number printed again and again, a
 * preamble citing a document a line (bounded by SHAPE_BOUND: linear, not quadratic). Not a timed
 * test: it exits 0 unless something crashed.
 */
import * as os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useDiskTables } from '../../src/app/tables.js';
import { ImportError, importPlanText } from '../../src/core/import/importer.js';
import { planText } from './plan-text.js';

/** 10× the paragraphs of a plan in at most this many times the time (issue 16). */
export const GROWTH_TARGET = 12;
/**
 * The bound for the shapes that were quadratic: linear, not quadratic (which grows 100×). Their
 * work is a few µs a line, so going from 4,000 to 40,000 lines leaves the processor's caches and
 * the young generation, and costs them more than the plan (per line they are flat beyond: 64,000
 * to 128,000 lines takes 2×).
 */
export const SHAPE_BOUND = 20;

export interface ImportBenchOptions {
  paragraphs: number;
  runs: number;
}

const HEAD = 'ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 12/KH-UBND\nThanh Hóa, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở\n';
const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** The texts timed, each a function of its number of paragraphs (lines, for the shapes). */
const TEXTS: { label: string; text: (n: number) => string; bound: number }[] = [
  { label: 'a generated plan', text: (n) => planText(n).text, bound: GROWTH_TARGET },
  { label: 'lines continuing one paragraph', text: (n) => `${HEAD}II. NỘI DUNG\n1. Tổ chức\n${lines(n, (i) => `các cơ quan, đơn vị thực hiện nhiệm vụ ${i}`)}`, bound: SHAPE_BOUND },
  { label: 'a title in capitals running on', text: (n) => `KẾ HOẠCH\n${lines(n, (i) => `TRIỂN KHAI THI HÀNH LUẬT SỐ ${i}`)}I. MỤC ĐÍCH\n`, bound: SHAPE_BOUND },
  { label: 'one number printed again', text: (n) => `${HEAD}II. NỘI DUNG\n${lines(n / 2, (i) => `1. Tổ chức tập huấn ${i}\n- Cơ quan chủ trì: Sở Nội vụ.`)}`, bound: SHAPE_BOUND },
  { label: 'a preamble citing a document a line', text: (n) => `${HEAD}${lines(n, (i) => `Căn cứ Nghị định số ${i}/2023/NĐ-CP ngày 14/8/2023 của Chính phủ`)}I. MỤC ĐÍCH\n`, bound: SHAPE_BOUND },
];

const time = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const progress = (s: string): boolean => process.stderr.write(`bench: ${s}\n`);

/** The collector, when it can be had: a run starts without the garbage of the one before. */
const collect: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

/**
 * The importer's time on a text, the fastest of `runs` (a refusal counts: it is the importer's
 * answer too), after warm-up runs (up to three, or a second of them): the first runs compile the importer.
 */
function timeImport(text: string, runs: number): number {
  const once = (): number => {
    collect();
    const started = performance.now();
    try {
      importPlanText(text, { file: 'bench.txt' });
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
    }
    return performance.now() - started;
  };
  for (let k = 0, spent = 0; k < 3 && spent < 1000; k++) spent += once();
  return Math.min(...Array.from({ length: runs }, once));
}

/** Runs the import bench and returns its table. */
export function benchImport(o: ImportBenchOptions): { text: string; rows: { label: string; small: number; large: number; ratio: number; bound: number }[] } {
  useDiskTables();
  const n = o.paragraphs;
  const rows = TEXTS.map(({ label, text, bound }) => {
    progress(`${label}: ${n} and ${10 * n} paragraphs, ${o.runs} run(s) each`);
    const small = timeImport(text(n), o.runs);
    const large = timeImport(text(10 * n), o.runs);
    return { label, small, large, ratio: large / small, bound };
  });
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  const head = `kehoach bench --import · the importer in process, fastest of ${o.runs} run(s) after a warm-up · node ${process.version} · ${os.cpus().length} CPU(s) · load ${os.loadavg()[0]!.toFixed(1)}`;
  const out = [
    head,
    '',
    `${pad('text', width)}${lpad(`N = ${n.toLocaleString('en')}`, 14)}${lpad(`10N = ${(10 * n).toLocaleString('en')}`, 16)}   growth`,
    ...rows.map((r) => `${pad(r.label, width)}${lpad(time(r.small), 14)}${lpad(time(r.large), 16)}   ${r.ratio.toFixed(1)}× ${r.ratio <= r.bound ? '✓' : '✗'} ≤${r.bound}×`),
    '',
    `A plan: 10× the paragraphs in at most ${GROWTH_TARGET}× the time (issue 16). The other texts were quadratic before issue 16`,
    `(a quadratic growth is 100×): bounded by ${SHAPE_BOUND}×, as their few µs a line leave the caches between N and 10N.`,
  ];
  return { text: `${out.join('\n')}\n`, rows };
}
