/**
 * The audit of Thanh Hóa 172 over the bundled district plan and the three synthetic ones in
 * examples/thanh-hoa (each built with deliberate differences, listed in its header).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildAudit } from '../helpers/reviews.js';
import { buildDiff } from '../helpers/reviews.js';
import { formatAudit, AUDIT_FORMATS } from '../../src/format/audit/index.js';
import { band, cellPoints, score } from '../../src/core/review/score.js';
import { layoutGraph } from '../../src/format/layout.js';
import { corpusWith, loadCorpus, TODAY } from './helpers.js';

const P = 'thanh-hoa-172-2023';

async function audit(paths = ['plans', 'examples/thanh-hoa'], parent = P, depth = 1) {
  return buildAudit(await loadCorpus(paths), parent, { depth, today: TODAY }, defaultConfig(), 'vi');
}

describe('buildAudit: Thanh Hóa 172 with the synthetic districts', () => {
  it('has one column per child and the cells the plans were written to produce', async () => {
    const a = await audit();
    const g = a.groups[0]!;
    expect(g.parent).toBe(P);
    expect(g.children).toEqual(['bim-son-2023', 'synthetic-an-lac-2023', 'synthetic-binh-hoa-2023', 'synthetic-tan-phong-2023']);
    expect(g.tasks.map((t) => t.key)).toEqual(['II.1.a', 'II.1.b', 'II.1.c']);
    const status = g.cells.map((row) => row.map((c) => c.status));
    expect(status).toEqual([
      ['late', 'done', 'late', 'weakened'],
      ['done', 'done', 'done', 'done'],
      ['cannot-compare', 'cannot-compare', 'cannot-compare', 'not-carried'],
    ]);
    expect(g.cells[0]![3]!.marks).toEqual(['weakened', 'other-agency']);
  });

  it('scores each child as docs/reports.md defines', async () => {
    const a = await audit();
    const s = Object.fromEntries(a.summaries.map((x) => [x.plan, x]));
    // Deviations that are warnings (tasks the districts mirror) weigh 0.25 each (issue 17).
    expect(s['bim-son-2023']).toMatchObject({ score: 88, scored: 2, points: 1.75, cannotCheck: 9, added: 0, band: 'fair' });
    expect(s['synthetic-an-lac-2023']).toMatchObject({ score: 100, scored: 2, cannotCheck: 1, band: 'good' });
    expect(s['synthetic-binh-hoa-2023']).toMatchObject({ score: 88 });
    expect(s['synthetic-tan-phong-2023']).toMatchObject({ score: 75, scored: 2, points: 1.5, band: 'fair' });
    expect(s['synthetic-tan-phong-2023']!.counts).toMatchObject({ weakened: 1, 'other-agency': 1, done: 1, 'not-carried': 1 });
    expect(s['synthetic-binh-hoa-2023']!.list.map((f) => f.rule)).toContain('order-to-independent-body');
    expect(s['synthetic-tan-phong-2023']!.list.map((f) => f.rule)).toContain('issued-before-parent');
  });

  it('agrees with kehoach diff cell by cell', async () => {
    const corpus = await loadCorpus(['plans', 'examples/thanh-hoa']);
    const a = buildAudit(corpus, P, { depth: 1, today: TODAY }, defaultConfig(), 'vi');
    const g = a.groups[0]!;
    g.children.forEach((c, j) => {
      const d = buildDiff(corpus, P, c, defaultConfig(), 'vi', { today: TODAY });
      g.tasks.forEach((t, i) => expect(g.cells[i]![j]!.marks).toEqual(d.rows.find((r) => r.parent?.key === t.key)!.marks));
    });
  });

  it('lays the graph out with dagre (for the HTML page): the parent above its children, edges parent → child', async () => {
    const a = await audit();
    const g = layoutGraph(a.graph);
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(a.graph.nodes).toHaveLength(5);
    for (const c of a.groups[0]!.children) expect(node(c).y).toBeGreaterThan(node(P).y);
    expect(a.graph.edges.map((e) => `${e.from}>${e.to}`)).toEqual(a.groups[0]!.children.map((c) => `${P}>${c}`));
    expect(g.width).toBeGreaterThan(0);
  });

  it('goes one level deeper with depth 2 (QĐ 346 → provinces → Bỉm Sơn), each edge on its own', async () => {
    const a = await audit(['plans'], 'qd-346-ttg-2023', 2);
    expect(a.groups.map((g) => g.parent)).toEqual(['qd-346-ttg-2023', P]);
    expect(a.groups[0]!.children).toEqual(['can-tho-2023', 'thai-nguyen-2023', P]);
    expect(a.groups[1]!.children).toEqual(['bim-son-2023']);
    expect(a.graph.nodes.find((n) => n.id === 'bim-son-2023')!.depth).toBe(2);
    const one = await audit(['plans'], 'qd-346-ttg-2023', 1);
    expect(one.groups.map((g) => g.parent)).toEqual(['qd-346-ttg-2023']);
  });

  it('marks a required parent task the child lacks as missing (missing-task), scored 0', async () => {
    // Thanh Hóa 172 addresses nothing to districts; make II.1.c required to see the mark.
    const required = (file: string, text: string) => (file.endsWith('thanh-hoa-172-2023.yaml') ? text.replace('    deadline: unknown\n', '    deadline: unknown\n    cascade: required\n') : text);
    const corpus = await corpusWith(required, ['examples/thanh-hoa']);
    const a = buildAudit(corpus, P, { depth: 1, today: TODAY }, defaultConfig(), 'vi');
    const j = a.groups[0]!.children.indexOf('synthetic-tan-phong-2023');
    expect(a.groups[0]!.cells[2]![j]).toMatchObject({ status: 'missing', marks: ['missing'], addressing: 'addressed' });
    const s = a.summaries.find((x) => x.plan === 'synthetic-tan-phong-2023')!;
    // A missing addressed duty: red whatever the score.
    expect(s).toMatchObject({ scored: 3, points: 1.5, score: 50, band: 'poor' });
    expect(s.list[0]).toMatchObject({ rule: 'missing-task', severity: 'error', parentTask: 'II.1.c' });
    const d = buildDiff(corpus, P, 'synthetic-tan-phong-2023', defaultConfig(), 'vi', { today: TODAY });
    expect(d.rows[2]!.marks).toEqual(['missing']);
  });

  it('reports a plan without children as such', async () => {
    const a = await audit(['plans'], 'bim-son-2023');
    expect(a.groups).toEqual([]);
    expect(formatAudit('markdown', a)).toContain('không có kế hoạch cấp dưới');
  });

  it.each(AUDIT_FORMATS)('%s is deterministic and names the synthetic plans as such', async (format) => {
    const x = formatAudit(format, await audit());
    expect(formatAudit(format, await audit())).toBe(x);
    if (format !== 'json') expect(x).toContain('synthetic-');
  });
});

describe('score', () => {
  it('gives 1 per done cell, 0.5 off per deviation that is an error, 0.25 per warning, 0 for missing, and leaves out not-carried and cannot-compare', () => {
    expect(cellPoints('done', [])).toBe(1);
    expect(cellPoints('late', ['error'])).toBe(0.5);
    expect(cellPoints('late', ['warning'])).toBe(0.75);
    expect(cellPoints('late', ['error', 'error'])).toBe(0);
    expect(cellPoints('missing', [])).toBe(0);
    expect(cellPoints('not-carried', [])).toBeNull();
    expect(cellPoints('cannot-compare', [])).toBeNull();
    expect(score([{ status: 'not-carried', deviations: [] }])).toEqual({ scored: 0, points: 0, score: null });
    expect(score([{ status: 'done', deviations: [] }, { status: 'missing', deviations: [] }, { status: 'late', deviations: ['error'] }]).score).toBe(50);
  });

  it('bands: a missing addressed duty is poor whatever the score, another error fair at best (issue 17)', () => {
    const counts = (missing: number) => ({ done: 0, late: 0, weakened: 0, 'other-agency': 0, missing, 'cannot-compare': 0, 'not-carried': 0 });
    const found = (error: number) => ({ error, warning: 0, info: 0, waived: 0 });
    // Three errors, one a missing task, and a score of 67: it showed amber; it is red.
    expect(band({ score: 67, counts: counts(1), findings: found(3) })).toBe('poor');
    // One late conference, addressed: an error, score 75.
    expect(band({ score: 75, counts: counts(0), findings: found(1) })).toBe('fair');
    expect(band({ score: 95, counts: counts(0), findings: found(1) })).toBe('fair');
    expect(band({ score: 95, counts: counts(0), findings: found(0) })).toBe('good');
    expect(band({ score: 50, counts: counts(0), findings: found(0) })).toBe('poor');
    expect(band({ score: null, counts: counts(0), findings: found(0) })).toBeNull();
  });
});
