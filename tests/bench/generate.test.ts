/**
 * The benchmark corpus generator (issue 8): deterministic, loadable by the project's own loader,
 * proportioned like the country, and carrying every injected defect kind where it says it does.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFECT_KINDS } from '../../tools/bench/defects.js';
import { catalogue, CONTINUOUS, DUE_DAYS, PERIODIC, UNREADABLE, yearlyText } from '../../tools/bench/deadline-texts.js';
import { generateCorpus, type GenerateReport } from '../../tools/bench/generate.js';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import type { Plan } from '../../src/core/model/plan.js';

const root = mkdtempSync(path.join(tmpdir(), 'kehoach-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = (): string => path.join(root, `c${n++}`);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** One hash over every path and byte of the tree. */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of files(dir)) h.update(path.relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

describe('determinism', () => {
  it('same seed → byte-identical tree; another seed → another tree', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    await generateCorpus({ out: a, plans: 200, shape: 2023, seed: 7 });
    await generateCorpus({ out: b, plans: 200, shape: 2023, seed: 7 });
    await generateCorpus({ out: c, plans: 200, shape: 2023, seed: 8 });
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).not.toBe(treeHash(c));
  }, 60_000);

  it('regenerating into its own output replaces it, and refuses a foreign or plans/ directory', async () => {
    const out = fresh();
    const first = await generateCorpus({ out, plans: 50, shape: 2025, seed: 1 });
    const again = await generateCorpus({ out, plans: 20, shape: 2025, seed: 1 });
    expect(first.plans).toBe(50);
    expect(files(out).filter((f) => f.endsWith('.yaml'))).toHaveLength(again.plans);
    await expect(generateCorpus({ out: path.resolve('tests'), plans: 5, shape: 2023, seed: 1 })).rejects.toThrow(/refusing/);
    await expect(generateCorpus({ out: path.resolve('plans/synthetic'), plans: 5, shape: 2023, seed: 1 })).rejects.toThrow(/plans\//);
  }, 60_000);
});

describe.each([2023, 2025] as const)('shape %i', (shape) => {
  it('every file loads with the project loader, with the schema line first', async () => {
    const out = fresh();
    const r = await generateCorpus({ out, plans: 300, shape, seed: 3 });
    const loaded = await loadCorpusFromPaths([out]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 5), null, 2));
    expect(loaded.corpus.plans.size).toBe(r.plans);
    expect(r.plans).toBe(300);
    for (const f of files(out).filter((x) => x.endsWith('.yaml'))) {
      const first = readFileSync(f, 'utf8').split('\n', 1)[0]!;
      const depth = path.relative(out, f).split(path.sep).length - 1;
      expect(first).toBe(`# yaml-language-server: $schema=${'../'.repeat(depth + 1)}schema/plan.schema.json`);
    }
  }, 60_000);
});

describe('proportions and size', () => {
  const share = (r: GenerateReport, level: keyof GenerateReport['byLevel']): number => r.byLevel[level] / r.plans;

  it('2023: provinces, departments, districts and communes in the country\'s proportions', async () => {
    const r = await generateCorpus({ out: fresh(), plans: 2000, shape: 2023, seed: 5 });
    expect(r.plans).toBe(2000);
    expect(r.byLevel.national).toBe(1);
    expect(r.byLevel.province).toBe(Math.round((63 * 2000) / 11000));
    expect(share(r, 'commune')).toBeGreaterThan(0.85);
    expect(share(r, 'commune')).toBeLessThan(0.95);
    expect(share(r, 'district')).toBeGreaterThan(0.03);
    expect(share(r, 'district')).toBeLessThan(0.09);
    expect(share(r, 'department')).toBeGreaterThan(0.01);
    expect(share(r, 'department')).toBeLessThan(0.05);
    // ≈ 23 tasks and ≈ 7 KB per plan: 11,000 plans ≈ 250,000 tasks, ≈ 80 MB.
    expect(r.tasks / r.plans).toBeGreaterThan(21);
    expect(r.tasks / r.plans).toBeLessThan(25);
    expect(r.bytes / r.plans).toBeGreaterThan(6000);
    expect(r.bytes / r.plans).toBeLessThan(8500);
  }, 60_000);

  it('2025: no district level, communes straight under 34 provinces at full size', async () => {
    const r = await generateCorpus({ out: fresh(), plans: 3560, shape: 2025, seed: 5 });
    expect(r.byLevel.district).toBe(0);
    expect(r.byLevel.province).toBe(34);
    expect(r.byLevel.commune).toBeGreaterThan(3100);
    expect(r.byLevel.commune).toBeLessThan(3500);
  }, 60_000);
});

describe('injected defects', () => {
  it('every kind occurs at N=2000, and each plan holds what its record says', async () => {
    const out = fresh();
    const r = await generateCorpus({ out, plans: 2000, shape: 2023, seed: 11 });
    for (const kind of DEFECT_KINDS) expect(r.defects[kind], kind).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { injected: unknown[] };
    expect(manifest.injected).toHaveLength(r.injected.length);
    for (const d of r.injected) {
      const plan = parse(readFileSync(path.join(out, d.file), 'utf8')) as Plan;
      expect(plan.id).toBe(d.plan);
      const titles = plan.tasks.map((t) => t.title);
      if (d.kind === 'missing-task') {
        expect(titles, d.detail).not.toContain(d.evidence);
        continue;
      }
      expect(JSON.stringify(plan), `${d.kind} in ${d.file}`).toContain(JSON.stringify(d.evidence).slice(1, -1));
      const task = d.task === null ? null : plan.tasks.find((t) => t.key === d.task);
      if (d.task !== null) expect(task, `${d.kind}: task ${d.task} in ${d.file}`).toBeDefined();
      if (d.kind === 'duplicate-task-number') expect(task?.label).toBe(d.task!.replace(/-2$/, ''));
      if (d.kind === 'order-to-independent-body') expect(task?.request).toBeUndefined();
      if (d.kind === 'implausible-date') expect(plan.issued).toMatch(/^1900-/);
      if (d.kind === 'unreadable-deadline' || d.kind === 'late-deadline' || d.kind === 'weakened-deadline') expect(task?.deadline).toBe(d.evidence);
    }
  }, 60_000);
});

describe('deadline texts', () => {
  // Each text the generator writes says what it means; the project's parser must agree, or the
  // injected deadline defects would not be the defects they claim to be.
  it('the parser reads every text as the generator means it', async () => {
    const { parseDeadline } = await import('../../src/core/domain/deadline.js');
    for (const year of [2023, 2025]) {
      const { windows, opens } = catalogue(year);
      for (const o of windows) if (o.cls === 'window') expect(parseDeadline(o.text), o.text).toMatchObject({ kind: 'window', end: o.end });
      for (const o of opens) {
        if (o.cls === 'open') expect(parseDeadline(o.text), o.text).toMatchObject({ kind: 'open-ended', from: { start: o.fromStart, end: o.fromEnd } });
      }
    }
    for (const o of CONTINUOUS) expect(parseDeadline(o.text).kind, o.text).toBe('continuous');
    for (const o of PERIODIC) expect(parseDeadline(o.text).kind, o.text).toBe('periodic');
    for (let i = 0; i < DUE_DAYS.length; i++) {
      for (let form = 0; form < 4; form++) {
        const o = yearlyText(i, form);
        const due = parseDeadline(o.text).due;
        const [m, d] = DUE_DAYS[i]!;
        // "trước ngày D" is due the day before D; the annual report is the last due day.
        expect(due.length, o.text).toBeGreaterThan(0);
        const last = due[due.length - 1]!;
        expect(new Date(Date.UTC(2023, last.month - 1, last.day + 1)).toISOString().slice(5, 10), o.text).toBe(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
    for (const text of UNREADABLE) expect(parseDeadline(text).kind, text).toBe('unreadable');
  });
});
