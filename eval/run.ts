/**
 * Runs the evaluation set and writes eval/RESULTS-<half>.md: per plan and format, the expected
 * findings found and missed, the unexpected ones (listed in known-gaps.yaml or not), precision and
 * recall, per rule and in total.
 *   npm run eval                         the development half (eval/dev)
 *   npm run eval -- --half sealed        the sealed half (eval/sealed): run only at the end
 *   --plans a,b                          only these plans of the half
 *   --stdout                             print only, do not write the results file
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DocResult, EVAL, evaluate, goldPairs, type Half, HALVES, loadExpected, loadGaps, planNames, score, type Score, UNSCORED } from './lib.js';
import { FORMATS } from '../tests/helpers/office.js';

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

const halfArg = process.argv[process.argv.indexOf('--half') + 1];
const half: Half = process.argv.includes('--half') && (HALVES as readonly string[]).includes(halfArg ?? '') ? (halfArg as Half) : 'dev';
// --plans a,b: only these plans of the half (while a half is being written, or to look at one plan).
const only = process.argv.includes('--plans') ? (process.argv[process.argv.indexOf('--plans') + 1] ?? '').split(',') : null;
const PLAN_NAMES = planNames(half).filter((p) => !only || only.includes(p));
const run = await evaluate(PLAN_NAMES);
const gaps = loadGaps();
const lines: string[] = [];
const push = (...l: string[]): void => void lines.push(...l);

push(
  `# Evaluation results (synthetic set, ${half} half: ${PLAN_NAMES.length} plans)`,
  '',
  `Written by \`npx tsx eval/run.ts\` on ${new Date().toISOString().slice(0, 10)}, against the built bin (dist/bundle/cli.js); ${run.seconds.toFixed(0)} s.`,
  `Scored: every finding except the info rules ${[...UNSCORED].map((r) => `\`${r}\``).join(', ')} (checking.md leaves them open).`,
  'A finding is identified by rule, child task and parent task; "found" = an expected finding reported; "unexpected" =',
  'a scored finding neither expected nor acceptable (listed in eval/known-gaps.yaml, or not: "unlisted").',
  `\`check <document>\` directly: ${run.direct ? 'supported, compared below' : 'not supported by this build (only `import` + `check --plan`)'}.`,
  '',
  '| plan | format | parent | tasks | expected | found | missed | unexpected (listed / unlisted) | precision | recall |',
  '|---|---|---|---|---|---|---|---|---|---|',
);

const scores: Score[] = [];
const byPlan = new Map<string, DocResult[]>();
for (const d of run.docs) byPlan.set(d.plan, [...(byPlan.get(d.plan) ?? []), d]);
const details: string[] = [];
for (const plan of PLAN_NAMES) {
  const exp = loadExpected(plan);
  for (const d of byPlan.get(plan) ?? []) {
    const missingKeys = exp.tasks.filter((k) => !d.taskKeys.includes(k));
    const parentOk = d.parentIds.includes(exp.parent);
    const tasks = `${d.taskKeys.length}${missingKeys.length ? ` (missing ${missingKeys.join(', ')})` : ''}`;
    if (!d.findings) {
      push(`| ${plan} | ${d.format} | ${parentOk ? 'ok' : `**${d.parentIds.join(',') || 'none'}**`} | ${tasks} | ${exp.findings.length} | — | — | — | — | 0.00 |`);
      details.push(`- ${plan} / ${d.format}: no check output (import exit ${d.importCode}, check exit ${d.checkCode}): ${(d.checkErr || d.importErr).trim().split('\n').slice(0, 3).join(' / ')}`);
      scores.push(score(exp, plan, d.format, [], gaps));
      continue;
    }
    const s = score(exp, plan, d.format, d.findings, gaps);
    scores.push(s);
    push(
      `| ${plan} | ${d.format} | ${parentOk ? 'ok' : `**${d.parentIds.join(',') || 'none'}**`} | ${tasks} | ${s.expected.length} | ${s.found.length} | ${s.missed.length} | ${s.unexpected.length} (${s.gapListed.length} / ${s.unlisted.length}) | ${fmt(s.precision)} | ${fmt(s.recall)} |`,
    );
    if (!parentOk) details.push(`- ${plan} / ${d.format}: parent not resolved (basedOn ${JSON.stringify(d.parentIds)}): ${d.importErr.trim().split('\n').filter((l) => /parent|cite/i.test(l)).join(' / ')}`);
    for (const m of s.missed) details.push(`- ${plan} / ${d.format}: MISSED ${m}`);
    for (const m of s.severityMismatch) details.push(`- ${plan} / ${d.format}: severity ${m}`);
    for (const u of s.unlisted) details.push(`- ${plan} / ${d.format}: unexpected, not in known-gaps: ${u}: ${d.findings.find((f) => `${f.rule} ${f.task ?? '–'} ← ${f.parentTask ?? '–'}` === u)?.message ?? ''}`);
    for (const g of s.staleGaps) details.push(`- ${plan} / ${d.format}: known gap no longer reported: ${g}`);
  }
}

const total = (sel: Score[]): [number, number, number] => {
  const found = sel.reduce((a, s) => a + s.found.length, 0);
  const exp = sel.reduce((a, s) => a + s.expected.length, 0);
  const unexp = sel.reduce((a, s) => a + s.unexpected.length, 0);
  return [found, exp, unexp];
};
push('', '## Totals', '', '| selection | expected | found | unexpected | precision | recall |', '|---|---|---|---|---|---|');
for (const [label, sel] of [
  ['all plans, all formats', scores] as const,
  ...PLAN_NAMES.map((p) => [`${p}, all formats`, scores.filter((s) => s.plan === p)] as const),
  ...FORMATS.map((f) => [`format ${f}`, scores.filter((s) => s.format === f)] as const),
]) {
  const [found, exp, unexp] = total(sel);
  push(`| ${label} | ${exp} | ${found} | ${unexp} | ${fmt(found + unexp ? found / (found + unexp) : null)} | ${fmt(exp ? found / exp : null)} |`);
}

// Per rule: each expected finding counts once per format; a reported one counts as right when expected.
const RULES = [...new Set(scores.flatMap((s) => [...s.expected, ...s.unexpected].map((id) => id.split(' ')[0]!)))].sort();
push('', '## Per rule (all formats)', '', '| rule | expected | found | unexpected | precision | recall |', '|---|---|---|---|---|---|');
for (const rule of RULES) {
  const of = (ids: string[]): number => ids.filter((id) => id.split(' ')[0] === rule).length;
  const exp = scores.reduce((a, s) => a + of(s.expected), 0);
  const found = scores.reduce((a, s) => a + of(s.found), 0);
  const unexp = scores.reduce((a, s) => a + of(s.unexpected), 0);
  push(`| ${rule} | ${exp} | ${found} | ${unexp} | ${fmt(found + unexp ? found / (found + unexp) : null)} | ${fmt(exp ? found / exp : null)} |`);
}

// Matching against the gold alignments (the text form): which pairs the tool made.
push('', '## Matching against the gold alignment (text form)', '', '| plan | gold pairs | found | missed | extra | precision | recall |', '|---|---|---|---|---|---|---|');
let gp = 0;
let gf = 0;
let gx = 0;
for (const plan of PLAN_NAMES) {
  const gold = goldPairs(loadExpected(plan));
  const d = (byPlan.get(plan) ?? []).find((x) => x.format === 'txt');
  if (!gold || !d?.pairs) continue;
  const found = d.pairs.filter((p) => gold.includes(p));
  const missed = gold.filter((p) => !d.pairs!.includes(p));
  const extra = d.pairs.filter((p) => !gold.includes(p));
  gp += gold.length;
  gf += found.length;
  gx += extra.length;
  push(`| ${plan} | ${gold.length} | ${found.length} | ${missed.join(', ') || '—'} | ${extra.join(', ') || '—'} | ${fmt(d.pairs.length ? found.length / d.pairs.length : null)} | ${fmt(gold.length ? found.length / gold.length : null)} |`);
}
push(`| all | ${gp} | ${gf} | | | ${fmt(gf + gx ? gf / (gf + gx) : null)} | ${fmt(gp ? gf / gp : null)} |`);

push('', '## Same plan, same findings across formats', '');
for (const plan of PLAN_NAMES) {
  const sets = (byPlan.get(plan) ?? []).map((d) => [d.format, JSON.stringify((d.findings ?? []).filter((f) => !UNSCORED.has(f.rule)).map((f) => `${f.rule}|${f.severity}|${f.task}|${f.parentTask}`).sort())] as const);
  const distinct = new Set(sets.map(([, s]) => s));
  push(`- ${plan}: ${distinct.size === 1 ? 'identical in every format' : `${distinct.size} different finding sets: ${[...distinct].map((s) => sets.filter(([, x]) => x === s).map(([f]) => f).join('+')).join(' | ')}`}`);
}

if (run.direct) {
  push('', '## `check <document>` against `import` + `check --plan`', '');
  for (const d of run.docs) {
    const a = JSON.stringify((d.findings ?? []).map((f) => `${f.rule}|${f.task}|${f.parentTask}`).sort());
    const b = JSON.stringify((d.direct?.findings ?? []).map((f) => `${f.rule}|${f.task}|${f.parentTask}`).sort());
    push(`- ${d.plan} / ${d.format}: ${a === b ? 'same findings' : `DIFFERENT (exit ${d.direct?.code}): ${d.direct?.err.trim().split('\n')[0] ?? ''}`}`);
  }
}

push('', '## Citation forms, each alone (the plan\'s .txt with its citation sentence replaced)', '', '| form | expected parent | resolved | import exit | summary |', '|---|---|---|---|---|');
for (const c of run.citations) push(`| ${c.variant.name} | ${c.variant.parent} | ${c.parentIds.includes(c.variant.parent) ? 'yes' : `**no** (${c.parentIds.join(',') || 'none'})`} | ${c.code} | ${c.summary.replace(/\|/g, '\\|')} |`);

push('', '## Details', '', ...(details.length ? details : ['- nothing missed, nothing unexpected outside known-gaps.yaml']), '');
const text = lines.join('\n');
if (process.argv.includes('--stdout')) process.stdout.write(text);
else {
  writeFileSync(join(EVAL, `RESULTS-${half}.md`), text);
  process.stdout.write(text);
}
