/**
 * Deterministic generator of a synthetic national hierarchy of plans, for the benchmark
 * (issue 8). `node dist/bench/generate.js --out <dir> --plans N --shape 2023|2025 --seed S`.
 *
 * One national root (`syn-national`, a copy of QĐ 346's tasks with known deadlines and
 * agencies), then per province: its plan, its departments' plans, and (2023) its districts'
 * and communes' plans, or (2025) its communes' plans. Plans are written depth-first, each as
 * soon as it is built; only the current chain of parents stays in memory. Same seed → the same
 * bytes: each plan draws from its own PRNG stream seeded by (seed, plan id).
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Level } from '../../src/core/model/plan.js';
import { agency, type Role, type Shape, type Unit } from './agencies.js';
import { buildPlan, type Plan0 } from './build-plan.js';
import { CALENDARS } from './dates.js';
import { DEFECT_KINDS, type DefectKind, type Injected, injectDefect } from './defects.js';
import { emitPlan } from './emit.js';
import { nationalUnit, planLayout } from './layout.js';
import { slugify } from './places.js';
import { Rng } from './prng.js';
import { BatchWriter, GENERATOR, MANIFEST, prepareOut } from './writer.js';

export interface GenerateOptions {
  out: string;
  /** approximate total number of plans (exact when ≥ 2) */
  plans: number;
  shape: Shape;
  seed: number;
  /** share of non-root plans given one injected defect (default 0.08) */
  defectRate?: number;
}

export interface GenerateReport {
  shape: Shape;
  seed: number;
  plans: number;
  tasks: number;
  bytes: number;
  byLevel: Record<Level, number>;
  defects: Record<DefectKind, number>;
  injected: (Injected & { file: string })[];
  ms: number;
}

export async function generateCorpus(opts: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const { shape, seed } = opts;
  const rate = opts.defectRate ?? 0.08;
  const cal = CALENDARS[shape];
  prepareOut(opts.out);
  const writer = new BatchWriter(opts.out);
  const report: GenerateReport = {
    shape, seed, plans: 0, tasks: 0, bytes: 0, ms: 0,
    byLevel: { national: 0, province: 0, district: 0, commune: 0, department: 0 },
    defects: Object.fromEntries(DEFECT_KINDS.map((k) => [k, 0])) as Record<DefectKind, number>,
    injected: [],
  };
  const provenance = `kehoach bench generator, shape ${shape}, seed ${seed}`;

  const make = async (id: string, level: Level, unit: Unit, dept: Role | null, parent: Plan0 | null, dir: string): Promise<Plan0> => {
    const rng = Rng.for(seed, id);
    const plan = buildPlan({ id, level, unit, dept, parent, cal, rng });
    const rel = `${dir}/${id}.yaml`;
    const defect = injectDefect(plan, parent, rng, rate, cal.year);
    if (defect) {
      report.defects[defect.kind]++;
      report.injected.push({ ...defect, file: rel });
    }
    await writer.write(rel, emitPlan(plan, dir.split('/').length, provenance));
    report.plans++;
    report.tasks += plan.tasks.length;
    report.byLevel[level]++;
    return plan;
  };

  if (opts.plans >= 1) {
    const root = await make('syn-national', 'national', nationalUnit(shape), null, null, 'national');
    for (const slot of planLayout(shape, opts.plans, seed)) {
      const ps = slugify(slot.unit.name);
      const prov = await make(`syn-${ps}`, 'province', slot.unit, null, root, `province/${ps}`);
      for (const dept of slot.depts) {
        const name = agency(dept, slot.unit, { oldTones: false, abbrev: false, variant: 0, brief: false }) ?? dept;
        await make(`syn-${ps}-${slugify(name)}`, 'department', slot.unit, dept, prov, `department/${ps}`);
      }
      for (const d of slot.districts) {
        const ds = slugify(`${d.unit.kind} ${d.unit.name}`);
        const dist = await make(`syn-${ps}-${ds}`, 'district', d.unit, null, prov, `district/${ps}`);
        for (const c of d.communes) await make(`syn-${ps}-${ds}-${slugify(`${c.kind} ${c.name}`)}`, 'commune', c, null, dist, `commune/${ps}`);
      }
      for (const c of slot.communes) await make(`syn-${ps}-${slugify(`${c.kind} ${c.name}`)}`, 'commune', c, null, prov, `commune/${ps}`);
    }
  }
  await writer.flush();
  report.bytes = writer.bytes;
  report.ms = Math.round(performance.now() - started);
  // The manifest is what prepareOut recognises; it holds no timing so that it is reproducible too.
  const { ms: _ms, ...stable } = report;
  writeFileSync(path.join(opts.out, MANIFEST), `${JSON.stringify({ generator: GENERATOR, version: 1, requested: opts.plans, defectRate: rate, ...stable }, null, 2)}\n`);
  return report;
}

function parseCli(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      plans: { type: 'string', default: '1000' },
      shape: { type: 'string', default: '2023' },
      seed: { type: 'string', default: '1' },
      'defect-rate': { type: 'string' },
    },
  });
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a non-negative number, got "${v}"`);
    return n;
  };
  if (!values.out) throw new Error('--out <dir> is required (a directory under /tmp, never plans/)');
  if (values.shape !== '2023' && values.shape !== '2025') throw new Error(`--shape is 2023 or 2025, got "${values.shape}"`);
  return {
    out: values.out,
    plans: Math.floor(num('plans', values.plans)),
    shape: Number(values.shape) as Shape,
    seed: Math.floor(num('seed', values.seed)),
    ...(values['defect-rate'] !== undefined ? { defectRate: num('defect-rate', values['defect-rate']) } : {}),
  };
}

async function main(): Promise<void> {
  try {
    const r = await generateCorpus(parseCli(process.argv.slice(2)));
    const levels = Object.entries(r.byLevel).map(([k, v]) => `${k} ${v}`).join(', ');
    const defects = Object.values(r.defects).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${r.plans} plans (${levels}), ${r.tasks} tasks, ${(r.bytes / 1048576).toFixed(1)} MB, ` +
        `${defects} injected defects, ${(r.ms / 1000).toFixed(1)} s\n`,
    );
  } catch (e) {
    process.stderr.write(`generate: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
