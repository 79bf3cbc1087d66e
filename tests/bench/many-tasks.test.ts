/**
 * The long-plan generator (issue 16): deterministic, loadable by the project's own loader, and
 * shaped as it says (a child carrying most of its parent's tasks, some left out, some late).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { checkCorpus } from '../../src/core/check/engine.js';
import { defaultConfig } from '../../src/core/check/config.js';
import { writeManyTasks } from '../../tools/bench/many-tasks.js';

const root = mkdtempSync(path.join(tmpdir(), 'kehoach-many-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('many-tasks generator', () => {
  it('writes the same bytes for the same size and seed, other bytes for another seed', () => {
    const read = (dir: string) => ['parent.yaml', 'child.yaml'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
    writeManyTasks({ out: path.join(root, 'a'), tasks: 200, seed: 7 });
    writeManyTasks({ out: path.join(root, 'b'), tasks: 200, seed: 7 });
    writeManyTasks({ out: path.join(root, 'c'), tasks: 200, seed: 8 });
    expect(read(path.join(root, 'a'))).toEqual(read(path.join(root, 'b')));
    expect(read(path.join(root, 'a'))).not.toEqual(read(path.join(root, 'c')));
  });

  it('writes a parent of N tasks and a child carrying most of them, which the check reads', async () => {
    const out = path.join(root, 'd');
    const r = writeManyTasks({ out, tasks: 400, seed: 1 });
    expect(r.parentTasks).toBe(400);
    expect(r.childTasks).toBeGreaterThan(300);
    expect(r.missing).toBeGreaterThan(0);
    expect(r.late).toBeGreaterThan(0);
    const loaded = await loadCorpusFromPaths([out]);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    expect(loaded.corpus.plans.get('syn-many-parent')!.plan.tasks).toHaveLength(400);
    const report = checkCorpus(loaded.corpus, defaultConfig(), { today: '2024-06-01' });
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of ['late-deadline', 'misassigned-agency', 'uncertain-match']) expect(rules).toContain(rule);
  });
});
