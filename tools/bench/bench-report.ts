/**
 * The benchmark's table: one row per measurement, one column group per corpus size, each time
 * with its ratio to its baseline (parse for the cold check, cold for warm, `node -e 0` for the
 * draft) and the target, then the growth from the smallest to the largest size.
 */
export type RowId = 'node' | 'parse' | 'cold' | 'warm' | 'draftCold' | 'draftWarm';

export interface Cell {
  /** median wall time, null when not measured */
  ms: number | null;
  /** highest peak RSS over the runs, bytes */
  rss: number | null;
  note?: string;
}

export interface SizeResult {
  plans: number;
  tasks: number;
  bytes: number;
  generateMs: number;
  cells: Record<RowId, Cell>;
}

interface RowSpec {
  id: RowId;
  label: string;
  base: RowId | null;
  baseName: string;
  target: number | null;
}

export const ROWS: RowSpec[] = [
  { id: 'node', label: 'node -e 0', base: null, baseName: '', target: null },
  { id: 'parse', label: 'yaml parse() (1 thread)', base: null, baseName: '', target: null },
  { id: 'cold', label: 'check, cold (--no-cache)', base: 'parse', baseName: 'parse', target: 1.0 },
  { id: 'warm', label: 'check, warm (cache)', base: 'cold', baseName: 'cold', target: 0.15 },
  { id: 'draftCold', label: 'one draft, cold', base: 'node', baseName: 'node', target: null },
  { id: 'draftWarm', label: 'one draft, warm', base: 'node', baseName: 'node', target: 5 },
];

export const MEMORY_TARGET = 1024 ** 3;

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const time = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mb = (b: number | null): string => (b === null ? 'n/a' : `${Math.round(b / 1048576)} MB`);
const mark = (ok: boolean): string => (ok ? '✓' : '✗');

function ratio(r: SizeResult, row: RowSpec): string {
  const c = r.cells[row.id];
  if (c.ms === null) return c.note ? `n/a (${c.note})` : 'n/a';
  if (!row.base) return 'base';
  const b = r.cells[row.base].ms;
  if (b === null || b === 0) return 'n/a';
  const x = c.ms / b;
  const target = row.target === null ? '' : ` ${mark(x <= row.target)} ≤${row.target}`;
  // A warm run about as slow as a cold one means the cache did not take effect.
  const hint = row.id === 'warm' && x > 0.8 ? ' (no cache?)' : '';
  return `${x.toFixed(2)}× ${row.baseName}${target}${hint}`;
}

export function renderTable(results: SizeResult[], header: string): string {
  const lines = [header];
  for (const r of results) {
    lines.push(`corpus: ${r.plans.toLocaleString('en')} plans, ${r.tasks.toLocaleString('en')} tasks, ${(r.bytes / 1048576).toFixed(1)} MB of YAML (generated in ${time(r.generateMs)})`);
  }
  const W = [26, 9, 30, 9];
  const group = W[1]! + W[2]! + W[3]! + 2;
  const sizes = [pad('', W[0]!), ...results.map((r) => pad(`── ${r.plans.toLocaleString('en')} plans ──`, group))];
  const head = [pad('', W[0]!), ...results.map(() => `${lpad('time', W[1]!)} ${pad('ratio', W[2]!)} ${lpad('peak RSS', W[3]!)}`)];
  if (results.length > 1) {
    sizes.push(' growth');
    head.push(` ${results[results.length - 1]!.plans / 1000}k/${results[0]!.plans / 1000}k`);
  }
  lines.push('', sizes.join(' '), head.join(' '));
  for (const row of ROWS) {
    const cols = [pad(row.label, W[0]!)];
    for (const r of results) {
      const c = r.cells[row.id];
      cols.push(lpad(c.ms === null ? '—' : time(c.ms), W[1]!) + ' ' + pad(ratio(r, row), W[2]!) + ' ' + lpad(mb(c.rss), W[3]!));
    }
    if (results.length > 1) {
      const [a, b] = [results[0]!, results[results.length - 1]!];
      const [ta, tb] = [a.cells[row.id].ms, b.cells[row.id].ms];
      const allowed = (1.1 * b.plans) / a.plans;
      const g = ta && tb ? tb / ta : null;
      const target = row.id === 'cold' && g !== null ? ` ${mark(g <= allowed)} ≤${allowed.toFixed(0)}` : '';
      cols.push(g === null ? ' n/a' : ` ${g.toFixed(1)}×${target}`);
    }
    lines.push(cols.join(' '));
  }
  const peaks = results.flatMap((r) => (['cold', 'warm', 'draftCold', 'draftWarm'] as const).map((id) => r.cells[id].rss)).filter((x): x is number => x !== null);
  if (peaks.length) {
    const peak = Math.max(...peaks);
    lines.push('', `peak memory of any check: ${mb(peak)} ${mark(peak <= MEMORY_TARGET)} ≤ 1 GiB`);
    lines.push('ratios: cold to the parse baseline, warm to cold, a draft to `node -e 0`; growth: time at the largest size over the smallest');
  }
  return `${lines.join('\n')}\n`;
}
