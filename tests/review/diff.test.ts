/**
 * The diff on the bundled corpus: Bỉm Sơn against Thanh Hóa 172 (checking.md's expected
 * findings: II.1.a later, mirrored; II.1.b and II.1.c no graded finding; II.2–II.5 and III
 * not checkable against the partial parent). Golden files for text, markdown and json.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildDiff } from '../helpers/reviews.js';
import { formatDiff, DIFF_FORMATS } from '../../src/format/diff/index.js';
import { width } from '../../src/format/width.js';
import { golden, loadCorpus, TODAY } from './helpers.js';

const P = 'thanh-hoa-172-2023';
const C = 'bim-son-2023';

async function diff(lang: 'vi' | 'en' = 'vi') {
  return buildDiff(await loadCorpus(), P, C, defaultConfig(), lang, { today: TODAY });
}

describe('buildDiff: Bỉm Sơn vs Thanh Hóa 172', () => {
  it('marks II.1.a later (92 days, mirrored), II.1.b same, II.1.c cannot-compare', async () => {
    const d = await diff();
    const row = (key: string) => d.rows.find((r) => r.parent?.key === key)!;
    expect(row('II.1.a').marks).toEqual(['later']);
    expect(row('II.1.a').addressing).toBe('mirrored');
    expect(row('II.1.a').children.map((c) => c.task.key)).toEqual(['II.1.a']);
    expect(row('II.1.a').children[0]!.comparison).toEqual({ verdict: 'late', delayDays: 92 });
    expect(row('II.1.a').children[0]!.task.deadline).toMatchObject({ text: 'Quý IV năm 2023', start: '2023-10-01', end: '2023-12-31' });
    expect(row('II.1.a').parent!.deadline).toMatchObject({ text: 'Quý III năm 2023', start: '2023-07-01', end: '2023-09-30' });
    expect(row('II.1.a').findings.map((f) => [f.rule, f.severity])).toEqual([['late-deadline', 'warning']]);
    expect(row('II.1.b').marks).toEqual(['same']);
    expect(row('II.1.c').marks).toEqual(['cannot-compare']);
  });

  it('lists the child-only tasks after the parent rows, each not checkable against the partial parent', async () => {
    const d = await diff();
    expect(d.rows.map((r) => r.kind)).toEqual([...Array(3).fill('parent'), ...Array(9).fill('child-only')]);
    const only = d.rows.filter((r) => r.kind === 'child-only');
    expect(only.map((r) => r.children[0]!.task.key)).toEqual(['II.2', 'II.3', 'II.4', 'II.5', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5']);
    for (const r of only) {
      expect(r.marks).toEqual(['cannot-compare']);
      expect(r.findings.map((f) => f.rule)).toContain('cannot-check');
    }
  });

  it('attaches no graded finding outside II.1.a (checking.md, seed chain)', async () => {
    const d = await diff();
    const graded = ['missing-task', 'late-deadline', 'weakened-deadline', 'misassigned-agency', 'wrong-level-agency', 'order-to-independent-body', 'reporting-chain'];
    const all = [...d.rows.flatMap((r) => r.findings), ...d.general];
    expect(all.filter((f) => graded.includes(f.rule)).map((f) => `${f.rule} ${f.task}`)).toEqual(['late-deadline II.1.a']);
    expect(d.summary.marks).toMatchObject({ later: 1, same: 1, 'cannot-compare': 10, missing: 0, added: 0 });
  });

  it('refuses a pair that is not parent and direct child', async () => {
    const corpus = await loadCorpus();
    expect(() => buildDiff(corpus, 'qd-346-ttg-2023', C, defaultConfig(), 'vi', { today: TODAY })).toThrow(/not a direct parent/);
    expect(() => buildDiff(corpus, P, 'no-such-plan', defaultConfig(), 'vi', { today: TODAY })).toThrow(/no plan with id/);
  });
});

describe('diff formats', () => {
  it.each(['text', 'markdown', 'json'] as const)('%s matches its golden file', async (format) => {
    const ext = { text: 'txt', markdown: 'md', json: 'json' }[format];
    golden(`diff-bim-son-vs-thanh-hoa-172.${ext}`, formatDiff(format, await diff(), { color: false }));
  });

  it('English text matches its golden file', async () => {
    golden('diff-bim-son-vs-thanh-hoa-172.en.txt', formatDiff('text', await diff('en'), { color: false }));
  });

  it.each(DIFF_FORMATS)('%s is deterministic: two runs are byte-identical', async (format) => {
    const a = formatDiff(format, await diff(), { color: false });
    const b = formatDiff(format, await diff(), { color: false });
    expect(a).toBe(b);
  });

  it('text fits 100 columns and has no colour unless asked', async () => {
    const d = await diff();
    const plain = formatDiff('text', d, { color: false });
    expect(plain).not.toContain('\x1b[');
    for (const line of plain.split('\n')) expect(width(line), line).toBeLessThanOrEqual(100);
    const coloured = formatDiff('text', d, { color: true });
    expect(coloured).toContain('\x1b[31m[muộn hơn]\x1b[0m');
    // Colour codes are added after layout: removing them gives the plain text back.
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('json parses back to the same report', async () => {
    const d = await diff();
    expect(JSON.parse(formatDiff('json', d, { color: false }))).toEqual(JSON.parse(JSON.stringify(d)));
  });
});
