/**
 * The bounded matcher (auto-match.ts, issue 16) against the dense matrix it replaces on long plans
 * (auto-match-dense.ts): the same matches, scores and uncertain matches, in the same order, on the
 * bundled plans, the examples, a generated corpus, generated long plans and random plan pairs,
 * with the shipped configuration and with thresholds, margins and weights pushed to their edges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { autoMatches, autoMatchesSparse, boundsApply } from '../../src/core/check/auto-match.js';
import { autoMatchesDense } from '../../src/core/check/auto-match-dense.js';
import { defaultConfig, mergeConfig, type CheckConfig, type UserConfig } from '../../src/core/check/config.js';
import { analyseCorpus } from '../../src/core/check/engine.js';
import type { PlanAnalysis } from '../../src/core/check/types.js';
import { buildCorpus, type Corpus } from '../../src/core/load/corpus.js';
import { parentIds } from '../../src/core/model/plan.js';
import { generateCorpus } from '../../tools/bench/generate.js';
import { writeManyTasks } from '../../tools/bench/many-tasks.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'kehoach-auto-match-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const VARIANTS: [string, UserConfig][] = [
  ['shipped', {}],
  ['floor 0', { matching: { floor: 0 } }],
  ['threshold 0', { matching: { threshold: 0 } }],
  ['floor above threshold', { matching: { floor: 0.5, threshold: 0.3 } }],
  ['floor = threshold', { matching: { floor: 0.42, threshold: 0.42 } }],
  ['high threshold', { matching: { threshold: 0.9, floor: 0.7 } }],
  ['wide margins', { matching: { margin: 1, levelMargin: 1 } }],
  ['no level margin', { matching: { levelMargin: 0, margin: 0 } }],
  ['owners weigh most', { matching: { weights: { tokens: 0.1, agency: 5, position: 3 }, organisationWeights: { tokens: 0.2, agency: 1, position: 0 } } }],
  ['titles only', { matching: { weights: { tokens: 1, agency: 0, position: 0 }, organisationWeights: { tokens: 1, agency: 0, position: 0 } } }],
  ['position weighs most', { matching: { weights: { tokens: 0.3, agency: 0, position: 2 } } }],
];
const configs = VARIANTS.map(([name, user]): [string, CheckConfig] => [name, mergeConfig(defaultConfig(), user)]);

/** Both matchers on every edge of a corpus, under one configuration; the edges compared. */
function compareEdges(corpus: Corpus, cfg: CheckConfig): number {
  const analyses = analyseCorpus(corpus, cfg);
  let edges = 0;
  for (const id of corpus.order) {
    for (const parentId of parentIds(corpus.plans.get(id)!.plan)) {
      const parent = analyses.get(parentId);
      const child = analyses.get(id)!;
      if (!parent) continue;
      compareOne(parent, child, cfg);
      edges++;
    }
  }
  return edges;
}

function compareOne(parent: PlanAnalysis, child: PlanAnalysis, cfg: CheckConfig): void {
  const candidates = parent.tasks.filter((p) => p.task.cascade !== 'none');
  const dense = autoMatchesDense(candidates, child.tasks, parent, child, cfg.matching);
  const sparse = autoMatchesSparse(candidates, child.tasks, parent, child, cfg.matching);
  expect(sparse, `${parent.id} → ${child.id}`).toEqual(dense);
  expect(autoMatches(candidates, child.tasks, parent, child, cfg.matching)).toEqual(dense);
}

async function load(paths: string[]): Promise<Corpus> {
  const r = await loadCorpusFromPaths(paths);
  if (!r.ok) throw new Error(`does not load: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.corpus;
}

describe('the bounded matcher gives the dense matrix’s matches', () => {
  it('applies wherever the title weighs something', () => {
    for (const [, cfg] of configs) expect(boundsApply(cfg.matching)).toBe(true);
    expect(boundsApply(mergeConfig(defaultConfig(), { matching: { weights: { tokens: 0, agency: 1, position: 1 } } }).matching)).toBe(false);
  });

  it.each(configs)('on the bundled plans and the examples (%s)', async (_, cfg) => {
    expect(compareEdges(await load(['plans', 'examples']), cfg)).toBeGreaterThan(5);
  });

  it('on a generated corpus of 150 plans', async () => {
    const out = path.join(scratch, 'corpus');
    await generateCorpus({ out, plans: 150, shape: 2023, seed: 3 });
    const corpus = await load([out]);
    for (const [, cfg] of configs.slice(0, 4)) expect(compareEdges(corpus, cfg)).toBeGreaterThan(100);
  }, 120_000);

  it.each([
    [300, 1],
    [600, 2],
  ])('on a generated pair of %i-task plans (seed %i)', async (tasks, seed) => {
    const out = path.join(scratch, `many-${tasks}-${seed}`);
    writeManyTasks({ out, tasks, seed });
    const corpus = await load([out]);
    for (const [, cfg] of configs) expect(compareEdges(corpus, cfg)).toBe(1);
  }, 120_000);

  it('on random plan pairs', () => {
    // Few words, few numbers and few owners: titles overlap a lot, numbers repeat, scores tie.
    const WORDS = ['tuyên truyền', 'phổ biến', 'hội nghị', 'tập huấn', 'quy chế', 'kiểm tra', 'báo cáo', 'kinh phí', 'văn bản', 'nhân dân', 'cán bộ', 'lĩnh vực', 'đợt', 'tại xã', 'cấp huyện', 'tỉnh'];
    const PARENT_OWNERS = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Ủy ban nhân dân các huyện, thị xã, thành phố', 'các cơ quan, đơn vị có liên quan', 'Hội đồng nhân dân tỉnh'];
    const CHILD_OWNERS = ['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch', 'Ủy ban nhân dân các xã, thị trấn', 'Ủy ban nhân dân huyện', 'các cơ quan, đơn vị có liên quan'];
    const KEYS = ['II.1.a', 'II.1.b', 'II.2', 'II.3', 'III.1', 'III.2', 'IV.1', 'V.1'];
    const task = (owners: string[]) =>
      fc.record({
        words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 7 }),
        n: fc.integer({ min: 0, max: 3 }),
        key: fc.constantFrom(...KEYS),
        lead: fc.option(fc.subarray(owners, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        request: fc.boolean(),
      });
    const plan = (owners: string[]) => fc.array(task(owners), { minLength: 0, maxLength: 24 });
    // Long plans with two numbers only: a number shared by more candidates than are looked at one by one.
    const long = (owners: string[]) => fc.array(task(owners).map((t) => ({ ...t, key: t.key.startsWith('II') ? 'II.1' : 'III.1' })), { minLength: 70, maxLength: 90 });
    const pairs = fc.oneof({ arbitrary: fc.tuple(plan(PARENT_OWNERS), plan(CHILD_OWNERS)), weight: 9 }, { arbitrary: fc.tuple(long(PARENT_OWNERS), long(CHILD_OWNERS)), weight: 1 });
    fc.assert(
      fc.property(pairs, fc.constantFrom(...configs.map(([, c]) => c)), ([ps, cs], cfg) => {
        const tasks = (ts: typeof ps) =>
          ts.map((t, i) => ({
            key: `${t.key}-${i}`,
            label: t.key,
            title: `${t.words.join(' ')} số ${t.n}`.trim(),
            ...(t.lead ? { lead: t.lead } : {}),
            ...(t.request ? { request: true } : {}),
          }));
        const text = (p: object) => stringify(p);
        const built = buildCorpus([
          { file: 'p.yaml', text: text({ id: 'p', title: 'P', issuer: 'Ủy ban nhân dân tỉnh Thanh Hóa', level: 'province', jurisdiction: 'Thanh Hóa', issued: '2024-01-01', basedOn: [{ law: '10/2022/QH15' }], tasks: tasks(ps) }) },
          { file: 'c.yaml', text: text({ id: 'c', title: 'C', issuer: 'Ủy ban nhân dân huyện Đông Sơn', level: 'district', jurisdiction: 'Đông Sơn, Thanh Hóa', issued: '2024-02-01', basedOn: ['p'], tasks: tasks(cs) }) },
        ]);
        if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
        const analyses = analyseCorpus(built.corpus, cfg);
        compareOne(analyses.get('p')!, analyses.get('c')!, cfg);
      }),
      { numRuns: 300, seed: 16 },
    );
  }, 120_000);
});
