/**
 * Each seed imports to YAML that validates and agrees with the curated plan in plans/ on
 * every task key, agency list and deadline text, and on the header facts. The curated files
 * are the reference; the differences below are intended and each says why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlanText, type ImportResult } from '../../src/core/import/index.js';
import { parsePlanText } from '../../src/core/load/parse-plan.js';
import { Plan } from '../../src/core/model/plan.js';
import { canonical } from '../../src/core/domain/canonical.js';
import { compareTasks, type Difference } from './compare.js';
import { curated, SEEDS, seedText } from './helpers.js';
import { INTENDED } from './intended.js';

/** Header facts compared with the curated plan; `id` differs where the curator named the plan. */
const HEADER = ['number', 'issuer', 'level', 'jurisdiction', 'place', 'issued', 'basedOn'] as const;
const INTENDED_ID: Record<string, string> = {
  // The curator's id names the conference; the importer builds ids from place, number and year only.
  '004_9c70a196d409041a.txt': 'hoa-binh-2023',
};

let reference: Awaited<ReturnType<typeof curated>>;
const results = new Map<string, ImportResult>();

beforeAll(async () => {
  reference = await curated();
  for (const seed of SEEDS) {
    // The corpus without the plan itself, as when a new document is imported.
    const known = reference.all.filter((p) => p.source !== seed);
    results.set(seed, importPlanText(seedText(seed), { file: seed, knownPlans: known }));
  }
});

describe.each(SEEDS)('seed %s', (seed) => {
  it('imports to YAML that validates and loads', () => {
    const r = results.get(seed)!;
    expect(Plan.safeParse(r.plan).success).toBe(true);
    expect(r.yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/plan.schema.json');
    const loaded = parsePlanText(`${seed}.yaml`, r.yaml);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    if (loaded.ok) expect(loaded.loaded.plan).toEqual(r.plan);
  });

  it('agrees with the curated plan on task keys, agency lists and deadlines', () => {
    const r = results.get(seed)!;
    const ref = reference.bySource.get(seed)!;
    const found = compareTasks(r.plan, ref).map((d: Difference) => ({ task: d.task, field: d.field }));
    expect(found).toEqual(INTENDED[seed]!.map(({ task, field }) => ({ task, field })));
  });

  it('agrees with the curated plan on the header', () => {
    const r = results.get(seed)!;
    const ref = reference.bySource.get(seed)!;
    for (const f of HEADER) expect([f, r.plan[f]]).toEqual([f, ref[f]]);
    expect(canonical(r.plan.title)).toBe(canonical(ref.title));
    expect(r.plan.id).toBe(INTENDED_ID[seed] ?? ref.id);
    expect(r.plan.completeness?.status).toBe(ref.completeness?.status);
    expect(r.plan.completeness?.knownUntil?.task).toBe(ref.completeness?.knownUntil?.task);
  });
});

describe('import summary on the seeds', () => {
  it('says how each parent was resolved', () => {
    const how = Object.fromEntries(SEEDS.map((s) => [s.slice(0, 3), [results.get(s)!.summary.parent.how, results.get(s)!.summary.parent.id]]));
    expect(how).toEqual({
      '000': ['number-and-date', 'qd-346-ttg-2023'],
      '001': ['number-and-date', 'qd-346-ttg-2023'],
      '002': ['number-and-date', 'thanh-hoa-172-2023'],
      '003': ['number-and-date', 'qd-346-ttg-2023'],
      '004': ['legal-bases-only', undefined],
    });
  });

  it('reports the duplicate letter, the cut-off and what it could not place', () => {
    const w = (s: string): string[] => results.get(s)!.warnings.map((x) => `${x.line}: ${x.message}`);
    expect(w('000_25e4ce0a9e6b60bb.txt')).toContain('64: task number II.1.d is printed twice: keyed II.1.d-2');
    expect(w('003_47e455f0bbe2ddc3.txt').some((m) => m.startsWith('81: the text is cut off'))).toBe(true);
    // Cần Thơ III.1 (funding sources) names no agency: in a KINH PHÍ section it is the city's own
    // funding duty, a task without owner (checking.md, issue 14), and nothing is left to place.
    expect(w('001_29320d86a44961ce.txt')).toEqual([]);
    const cantho = results.get('001_29320d86a44961ce.txt')!;
    expect(cantho.plan.tasks.find((t) => t.key === 'III.1')).toMatchObject({ title: expect.stringMatching(/^Kinh phí thực hiện Kế hoạch này được bố trí/) });
    expect(cantho.summary.missing).toContainEqual({ key: 'III.1', fields: ['owner', 'deadline'] });
    // Hòa Bình II–IV are conference content, and its closing paragraph is no duty: all kept as notes.
    const hb = results.get('004_9c70a196d409041a.txt')!;
    expect(hb.summary.unplaced).toBe(4);
    expect(hb.plan.note).toMatch(/dự kiến tổ chức trong tháng 11 năm 2023/);
  });

  it('lists the tasks that lack an owner or a deadline', () => {
    const s = results.get('002_e36d209b1b3f8de2.txt')!.summary;
    expect(s.tasks).toBe(12);
    expect(s.missing).toEqual([
      { key: 'III.1', fields: ['deadline'] },
      { key: 'III.3', fields: ['deadline'] },
      { key: 'III.4', fields: ['deadline'] },
      { key: 'III.5', fields: ['deadline'] },
    ]);
  });
});
