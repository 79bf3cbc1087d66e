/**
 * `npm run bench -- --vs <other build's bin>`: this build (new) and another (old, e.g. a checkout
 * of the commit before a change, built, its dist/bundle/cli.js) timed side by side in one run,
 * runs alternating new, old, new, old… so that drift of the machine's speed falls on both. Each
 * build keeps its own cache. A row passes when the new median lies within the old runs' spread
 * (or below it): the test of "no regression" a restructuring must meet.
 */
import { median, type Run } from './measure.js';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PairedRow {
  label: string;
  time: { new: Spread; old: Spread } | null;
  rss: { new: Spread; old: Spread } | null;
  note?: string;
}

export function spread(xs: readonly number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** Both sides' runs, or null when a side failed to run. */
export function pairRow(label: string, runs: { new: Run[]; old: Run[] }): PairedRow {
  const ok = (rs: Run[]): boolean => rs.length > 0 && rs.every((r) => r.code === 0 || r.code === 1);
  if (!ok(runs.new) || !ok(runs.old)) return { label, time: null, rss: null, note: 'a run failed' };
  const rss = (rs: Run[]): number[] => rs.map((r) => r.rss).filter((x): x is number => x !== null);
  const [rn, ro] = [rss(runs.new), rss(runs.old)];
  return {
    label,
    time: { new: spread(runs.new.map((r) => r.ms)), old: spread(runs.old.map((r) => r.ms)) },
    rss: rn.length && ro.length ? { new: spread(rn), old: spread(ro) } : null,
  };
}

/** The new median is no worse than the worst old run. */
export const within = (p: { new: Spread; old: Spread }): boolean => p.new.median <= p.old.max;

const ms = (x: number): string => (x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);
const mb = (x: number): string => `${Math.round(x / 1048576)} MB`;
const pad = (s: string, n: number): string => s.padEnd(n);

export function renderPaired(sizes: { plans: number; rows: PairedRow[] }[], header: string): string {
  const lines = [header, ''];
  const cols = [26, 12, 22, 8, 10, 20];
  lines.push(['', 'new median', 'old median [min–max]', 'new/old', 'new RSS', 'old RSS [min–max]'].map((h, i) => pad(h, cols[i]!)).join(' ') + ' within old spread');
  let all = true;
  for (const size of sizes) {
    lines.push(`── ${size.plans.toLocaleString('en')} plans ──`);
    for (const r of size.rows) {
      if (!r.time) {
        lines.push(`${pad(r.label, cols[0]!)} ${r.note ?? 'n/a'}`);
        all = false;
        continue;
      }
      const t = r.time;
      const okTime = within(t);
      const okRss = r.rss ? within(r.rss) : true;
      all &&= okTime && okRss;
      lines.push(
        [
          pad(r.label, cols[0]!),
          pad(ms(t.new.median), cols[1]!),
          pad(`${ms(t.old.median)} [${ms(t.old.min)}–${ms(t.old.max)}]`, cols[2]!),
          pad(`${(t.new.median / t.old.median).toFixed(2)}×`, cols[3]!),
          pad(r.rss ? mb(r.rss.new.median) : 'n/a', cols[4]!),
          pad(r.rss ? `${mb(r.rss.old.median)} [${mb(r.rss.old.min)}–${mb(r.rss.old.max)}]` : 'n/a', cols[5]!),
        ].join(' ') + ` time ${okTime ? '✓' : '✗'} memory ${okRss ? '✓' : '✗'}`,
      );
    }
  }
  lines.push('', all ? 'every new median is within the old runs\u2019 spread' : 'some new median lies outside the old runs\u2019 spread (✗)');
  return `${lines.join('\n')}\n`;
}
