/**
 * The evaluation (eval/, `npm run eval`) is a measurement kept apart from the unit tests; this
 * smoke test runs it on two of its plans in every form so that it never rots, and holds what
 * issue 13 asks of intake: whatever the form (text, Word typed, Word lists, Word table, PDF by
 * Chromium, PDF by pdfkit), the plan imports through the built bin with its parent resolved
 * and its tasks read, `check <document>` gives what import + `check --plan` gives, the findings
 * are the same in every form, the deliberate defects are all found, and anything else reported
 * is a gap recorded in eval/known-gaps.yaml (judged there against docs/checking.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadExpected, loadGaps, score, UNSCORED, type EvalRun } from '../../eval/lib.js';

const PLANS = ['dai-tu', 'hoang-hoa'] as const;
let run: EvalRun;

beforeAll(async () => {
  run = await evaluate(PLANS);
}, 600_000);

describe.each(PLANS)('evaluation plan %s', (plan) => {
  const docs = () => run.docs.filter((d) => d.plan === plan);

  it('imports in every form with its parent resolved and its tasks read', () => {
    const exp = loadExpected(plan);
    expect(docs()).toHaveLength(6);
    for (const d of docs()) {
      expect(d.parentIds, `${d.format}: ${d.importErr}`).toContain(exp.parent);
      expect(d.taskKeys, d.format).toEqual(exp.tasks);
    }
  });

  it('gives the same findings in every form, and check <document> gives what import + check --plan gives', () => {
    const key = (fs: { rule: string; severity: string; task: string | null; parentTask: string | null }[] | null | undefined): string[] =>
      (fs ?? []).map((f) => `${f.rule}|${f.severity}|${f.task}|${f.parentTask}`).sort();
    const sets = new Set(docs().map((d) => JSON.stringify(key(d.findings))));
    expect(sets.size).toBe(1);
    expect(run.direct).toBe(true);
    for (const d of docs()) expect(key(d.direct?.findings), d.format).toEqual(key(d.findings));
  });

  it('finds every deliberate defect, and reports nothing else that is not a recorded gap', () => {
    const exp = loadExpected(plan);
    const gaps = loadGaps();
    for (const d of docs()) {
      const s = score(exp, plan, d.format, (d.findings ?? []).filter((f) => !UNSCORED.has(f.rule)), gaps);
      expect(s.missed, d.format).toEqual([]);
      expect(s.severityMismatch, d.format).toEqual([]);
      expect(s.unlisted, d.format).toEqual([]);
      expect(s.staleGaps, d.format).toEqual([]);
    }
  });
});

it('resolves the parent from every citation form the evaluation tries', () => {
  for (const c of run.citations) expect(c.parentIds, `${c.variant.name}: ${c.summary}`).toContain(c.variant.parent);
});
