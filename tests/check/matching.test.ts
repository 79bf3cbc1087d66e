/**
 * The matcher against the gold alignment of the real pairs. Precision must be perfect (a
 * wrong match produces wrong findings); recall is measured and must stay above a floor.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { analyseCorpus, pairContext } from '../../src/core/check/engine.js';
import { defaultConfig } from '../../src/core/check/config.js';

const gold = parse(readFileSync('tests/check/gold-alignment.yaml', 'utf8')) as Record<string, Record<string, string[]>>;

async function alignment() {
  const r = await loadCorpusFromPaths(['plans']);
  if (!r.ok) throw new Error('corpus does not load');
  const cfg = defaultConfig();
  const analyses = analyseCorpus(r.corpus, cfg);
  const out: Record<string, Set<string>> = {};
  for (const pair of Object.keys(gold)) {
    const [child, parent] = pair.split(' <- ') as [string, string];
    const ctx = pairContext(r.corpus.plans.get(parent)!, r.corpus.plans.get(child)!, analyses.get(parent)!, analyses.get(child)!, cfg);
    out[pair] = new Set(ctx.matches.map((m) => `${m.childTask}→${m.parentTask}`));
  }
  return out;
}

describe('automatic matching against the gold alignment', () => {
  it('makes no wrong match and finds most gold pairs', async () => {
    const got = await alignment();
    let found = 0;
    let total = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const [pair, rows] of Object.entries(gold)) {
      const want = new Set(Object.entries(rows).flatMap(([c, ps]) => ps.map((p) => `${c}→${p}`)));
      for (const m of got[pair]!) if (!want.has(m)) wrong.push(`${pair}: ${m}`);
      for (const w of want) {
        total++;
        if (got[pair]!.has(w)) found++;
        else missed.push(`${pair}: ${w}`);
      }
    }
    const recall = found / total;
    console.info(`matching recall ${found}/${total} = ${recall.toFixed(2)}; missed: ${missed.join(', ') || 'none'}`);
    expect(wrong).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never auto-matches a cascade: none task (the national decree drafting)', async () => {
    const got = await alignment();
    for (const set of Object.values(got)) for (const m of set) expect(m).not.toMatch(/→N1\.[56]$/);
  });
});
