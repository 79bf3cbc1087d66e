/**
 * `kehoach scaffold`, the pure function (src/core/scaffold/draft.ts): a parent, a level and a
 * unit → a draft plan. On the bundled plans: which parent duties are carried (the check's own
 * addressing), with which agencies, deadlines and links, what is left unknown, and the units
 * refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { analyseCorpus } from '../../src/core/check/engine.js';
import { defaultConfig } from '../../src/core/check/config.js';
import { taskFingerprint } from '../../src/core/check/fingerprint.js';
import { compareDeadlines } from '../../src/core/domain/deadline-compare.js';
import { parseDeadline } from '../../src/core/domain/deadline.js';
import { resolveAgency } from '../../src/core/domain/agencies.js';
import type { Corpus } from '../../src/core/load/corpus.js';
import type { PlanAnalysis } from '../../src/core/check/types.js';
import { Plan, type Level, type Task } from '../../src/core/model/plan.js';
import { NOTE_KINDS, scaffoldPlan, withNotes, type Draft, type ScaffoldResult } from '../../src/core/scaffold/draft.js';
import { rt, TERM_KEYS, type TermKey } from '../../src/format/terms.js';
import { isHigherLevel } from '../../src/core/rules/wrong-level-agency.js';

let corpus: Corpus;
let analyses: Map<string, PlanAnalysis>;

beforeAll(async () => {
  const r = await loadCorpusFromPaths(['plans', 'examples']);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  corpus = r.corpus;
  analyses = analyseCorpus(corpus, defaultConfig());
});

function scaffold(parent: string, unit: string, level?: Level, reportLeadDays = 10): ScaffoldResult {
  return scaffoldPlan({ parent: corpus.plans.get(parent)!, analysis: analyses.get(parent)!, unit, level, reportLeadDays });
}

function draftOf(parent: string, unit: string, level?: Level, reportLeadDays = 10): Draft {
  const r = scaffold(parent, unit, level, reportLeadDays);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r.draft;
}

const byParent = (d: Draft, parentKey: string): Task => {
  const c = d.tasks.find((t) => t.parentTask === parentKey);
  if (!c) throw new Error(`${parentKey} is not carried`);
  return d.plan.tasks.find((t) => t.key === c.key)!;
};
const carriedKeys = (d: Draft): string[] => d.tasks.map((t) => t.parentTask);
const owners = (t: Task): string[] => [...(t.lead ?? []), ...(t.implement ?? []), ...(t.duties ?? []).flatMap((d) => (d.owner === undefined ? [] : Array.isArray(d.owner) ? d.owner : [d.owner]))];

describe('every draft', () => {
  const cases: [string, string, Level | undefined][] = [
    ['thanh-hoa-172-2023', 'thị xã Bỉm Sơn', undefined],
    ['thanh-hoa-172-2023', 'huyện Hậu Lộc', undefined],
    ['can-tho-2023', 'quận Ninh Kiều', undefined],
    ['thai-nguyen-2023', 'huyện Đại Từ', undefined],
    ['bim-son-2023', 'phường Bắc Sơn', undefined],
    ['qd-346-ttg-2023', 'tỉnh Hà Nam', undefined],
    ['thai-nguyen-2023', 'Sở Nội vụ', 'department'],
    ['can-tho-2023', 'Sở Nội vụ', 'department'],
    ['synthetic-an-lac-2023', 'thị trấn An Lạc', undefined],
  ];
  it.each(cases)('%s → %s: a valid plan, each task linked to its parent task, its deadline never later than the parent\'s', (parent, unit, level) => {
    const d = draftOf(parent, unit, level);
    expect(Plan.safeParse(d.plan).success).toBe(true);
    expect(d.plan.basedOn).toEqual([parent]);
    expect(d.plan.number).toBeUndefined();
    expect(d.plan.issued).toBeUndefined();
    expect(d.plan.tasks.length).toBeGreaterThan(0);
    const parentPlan = corpus.plans.get(parent)!.plan;
    d.plan.tasks.forEach((t, i) => {
      expect(t.key).toBe(`II.${i + 1}`);
      const p = parentPlan.tasks.find((x) => x.key === d.tasks[i]!.parentTask)!;
      expect(t.implements).toEqual([{ plan: parent, task: p.key, fingerprint: taskFingerprint(p) }]);
      // The parent's deadline, or an earlier one; unknown where the parent is silent or cut off.
      if (p.deadline === undefined || parseDeadline(p.deadline).kind === 'unknown') expect(t.deadline).toBe('unknown');
      else expect(compareDeadlines(parseDeadline(p.deadline), parseDeadline(t.deadline)).verdict).not.toBe('late');
      // No agency the draft cannot command (wrong-level-agency's own test).
      for (const name of owners(t)) expect(isHigherLevel(resolveAgency(name, { level: d.plan.level, on: analyses.get(parent)!.on }), d.plan.level), `${name} in ${t.key}`).toBe(false);
    });
  });
});

describe('province → district', () => {
  it('Thanh Hóa 172 → thị xã Bỉm Sơn: the three known tasks, mirrored (the province gives districts only a coordinating part), with counterparts', () => {
    const d = draftOf('thanh-hoa-172-2023', 'thị xã Bỉm Sơn');
    expect(d.plan).toMatchObject({
      id: 'thi-xa-bim-son-2023',
      title: 'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Bỉm Sơn',
      issuer: 'Ủy ban nhân dân thị xã Bỉm Sơn',
      level: 'district',
      jurisdiction: 'Bỉm Sơn, Thanh Hóa',
    });
    expect(carriedKeys(d)).toEqual(['II.1.a', 'II.1.b', 'II.1.c']);
    expect(d.tasks.map((t) => t.carry)).toEqual(['mirrored', 'mirrored', 'mirrored']);
    const conference = byParent(d, 'II.1.a');
    expect(conference.title).toBe(corpus.plans.get('thanh-hoa-172-2023')!.plan.tasks[0]!.title);
    expect(conference.lead).toEqual(['Phòng Nội vụ']);
    expect(conference.coordinate).toContain('Phòng Tư pháp');
    // The district itself is no coordinator of its own plan.
    expect(conference.coordinate).not.toContain('Ủy ban nhân dân thị xã Bỉm Sơn');
    expect(conference.deadline).toBe('Quý III năm 2023');
    // Sở Thông tin và Truyền thông → Phòng Văn hóa và Thông tin; the province's radio has three possible counterparts: none is chosen.
    const media = byParent(d, 'II.1.b');
    expect(media.implement).toEqual(['Phòng Văn hóa và Thông tin', 'Cổng Thông tin điện tử thị xã Bỉm Sơn']);
    expect(d.tasks[1]!.remarks).toContainEqual(expect.objectContaining({ kind: 'ambiguous', agency: 'Đài Phát thanh và Truyền hình Thanh Hóa' }));
    // II.1.c is where the copy is cut: its deadline stays unknown, and a remark says why.
    expect(byParent(d, 'II.1.c').deadline).toBe('unknown');
    expect(d.tasks[2]!.remarks).toContainEqual({ kind: 'deadline-cut', parent: 'thanh-hoa-172-2023' });
    expect(d.remarks).toContainEqual({ kind: 'partial', parent: 'thanh-hoa-172-2023', task: 'II.1.c' });
    expect(d.summary.deadlinesUnknown).toEqual(['II.1.c']);
  });

  it('Cần Thơ → quận Ninh Kiều: duties addressed to districts required, the communes\' optional, the yearly report ten days earlier', () => {
    const d = draftOf('can-tho-2023', 'quận Ninh Kiều');
    expect(d.summary.carried).toEqual({ required: ['II.1.c', 'II.4', 'III.2', 'IV.2'], optional: ['II.1.d'], mirrored: ['II.1.a', 'II.1.b', 'II.3', 'II.6'], standing: [], unknown: [] });
    // "Ủy ban nhân dân cấp huyện" is the district's own government.
    expect(byParent(d, 'II.1.c').lead).toEqual(['Ủy ban nhân dân quận Ninh Kiều']);
    // The communes' conference stays the communes', as an optional task.
    expect(byParent(d, 'II.1.d').lead).toEqual(['Ủy ban nhân dân cấp xã']);
    expect(d.tasks.find((t) => t.parentTask === 'II.1.d')!.remarks[0]).toEqual({ kind: 'optional', owners: ['Ủy ban nhân dân cấp xã'] });
    const report = byParent(d, 'IV.2');
    expect(report.deadline).toBe('Hàng năm, trước ngày 05 tháng 11 hoặc đột xuất');
    expect(report.title).toContain('Hàng năm, trước ngày 05 tháng 11 hoặc đột xuất, báo cáo');
    expect(report.implement).toEqual(['các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân quận Ninh Kiều', 'Ủy ban nhân dân xã, phường, thị trấn']);
    // III.2 states no deadline: unknown, said so.
    expect(byParent(d, 'III.2').deadline).toBe('unknown');
    expect(d.tasks.find((t) => t.parentTask === 'III.2')!.remarks).toContainEqual({ kind: 'deadline-silent', parent: 'can-tho-2023' });
    // Tasks of the city's own departments are not a district's.
    expect(d.summary.notConcerned).toContain('II.5');
  });

  it('the report lead time comes from the request: 0 keeps the parent\'s date, 14 days moves it two weeks', () => {
    expect(byParent(draftOf('can-tho-2023', 'quận Ninh Kiều', undefined, 0), 'IV.2').deadline).toBe('Hàng năm, trước ngày 15 tháng 11 hoặc đột xuất');
    expect(byParent(draftOf('can-tho-2023', 'quận Ninh Kiều', undefined, 14), 'IV.2').deadline).toBe('Hàng năm, trước ngày 01 tháng 11 hoặc đột xuất');
  });

  it('Thái Nguyên → huyện Đại Từ: the HĐND resolution is a request, duties keep their owners\' counterparts, the plan-making duty is the plan itself', () => {
    const d = draftOf('thai-nguyen-2023', 'huyện Đại Từ');
    expect(d.summary.carried.required).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d-2', 'II.1.e', 'III.4']);
    expect(d.summary.fulfilled).toEqual(['III.5']);
    const resolution = byParent(d, 'II.1.d-2');
    expect(resolution.lead).toEqual(['Hội đồng nhân dân huyện Đại Từ']);
    expect(resolution.request).toBe(true);
    const training = byParent(d, 'II.1.c');
    expect(training.duties!.map((x) => [x.owner, x.request ?? false])).toEqual([
      ['Phòng Nội vụ', false],
      ['Ủy ban nhân dân huyện Đại Từ', false],
      ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đại Từ', true],
      ['Liên đoàn Lao động huyện Đại Từ', true],
    ]);
    expect(byParent(d, 'II.1.b').implement).toContain('Trung tâm Văn hóa - Thể thao và Truyền thông huyện Đại Từ');
  });
});

describe('district → commune', () => {
  it('Bỉm Sơn → phường Bắc Sơn: the yearly report "trước ngày 01/11" becomes "trước ngày 22/10"; the standing instruction is optional', () => {
    const d = draftOf('bim-son-2023', 'phường Bắc Sơn');
    expect(d.plan).toMatchObject({ id: 'phuong-bac-son-2023', level: 'commune', issuer: 'Ủy ban nhân dân phường Bắc Sơn', jurisdiction: 'Bắc Sơn, Bỉm Sơn, Thanh Hóa' });
    expect(d.summary.carried.required).toEqual(['II.1.b', 'II.2', 'II.3', 'III.2']);
    expect(d.summary.carried.standing).toEqual(['III.5']);
    const report = byParent(d, 'III.2');
    expect(report.deadline).toBe('Hằng năm, trước ngày 22/10 hoặc đột xuất');
    expect(report.implement).toEqual(['Ủy ban nhân dân phường Bắc Sơn']);
    expect(byParent(d, 'II.1.b').implement).toContain('Đài Truyền thanh phường Bắc Sơn');
    // The district's trade union has no commune counterpart: its bullet is left out, and said so.
    const training = d.tasks.find((t) => t.parentTask === 'II.1.c')!;
    expect(training.remarks).toContainEqual({ kind: 'duty-dropped', agency: 'Liên đoàn Lao động thị xã' });
  });
});

describe('a reconstructed root', () => {
  it('QĐ 346 → tỉnh Hà Nam: every attested task carried with its agencies unknown, unknown deadlines stay unknown, decree drafting left out', () => {
    const d = draftOf('qd-346-ttg-2023', 'tỉnh Hà Nam');
    expect(d.plan).toMatchObject({ id: 'tinh-ha-nam-2023', level: 'province', issuer: 'Ủy ban nhân dân tỉnh Hà Nam', jurisdiction: 'Hà Nam' });
    expect(d.summary.reconstructed).toBe(true);
    expect(d.summary.carried.unknown).toEqual(['N1.1', 'N1.2', 'N1.3', 'N1.4', 'N1.7', 'N1.8', 'N1.9', 'N2.1', 'N3.1', 'N3.2']);
    expect(d.summary.agenciesUnknown).toEqual(d.summary.carried.unknown);
    expect(d.summary.deadlinesUnknown).toEqual(['N1.3', 'N1.7', 'N1.8', 'N1.9', 'N2.1', 'N3.1', 'N3.2']);
    expect(d.summary.cascadeNone).toEqual(['N1.5', 'N1.6']);
    for (const t of d.plan.tasks) expect(owners(t)).toEqual([]);
    expect(byParent(d, 'N1.1').deadline).toBe('Quý II và Quý III năm 2023');
    expect(byParent(d, 'N1.3').deadline).toBe('unknown');
    expect(d.remarks).toContainEqual({ kind: 'reconstructed', parent: 'qd-346-ttg-2023' });
  });
});

describe('a department under its province', () => {
  it('Thái Nguyên → Sở Nội vụ: the duties the province gives the department or "các sở, ban, ngành", led by the department; reports ten days earlier', () => {
    const d = draftOf('thai-nguyen-2023', 'Sở Nội vụ', 'department');
    expect(d.plan).toMatchObject({ id: 'so-noi-vu-tinh-thai-nguyen-2023', level: 'department', issuer: 'Sở Nội vụ tỉnh Thái Nguyên', title: 'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở tại Sở Nội vụ' });
    expect(d.summary.carried.required).toEqual(['II.1.a', 'II.1.c', 'II.1.d-2', 'II.1.e', 'II.3', 'III.3-1', 'III.3-2']);
    for (const t of d.plan.tasks) expect(t.lead).toEqual(['Sở Nội vụ']);
    expect(byParent(d, 'III.1').deadline).toBe('báo cáo 6 tháng gửi trước ngày 26 tháng 5, báo cáo năm gửi trước ngày 15 tháng 11');
    // Other departments' duties (Sở Tư pháp's review) are not the Sở Nội vụ's.
    expect(d.summary.notConcerned).toContain('II.2');
  });
});

describe('units refused', () => {
  it.each([
    ['thanh-hoa-172-2023', '   ', undefined, 'empty-unit'],
    ['thanh-hoa-172-2023', 'Bỉm Sơn', undefined, 'unit-kind'],
    ['thanh-hoa-172-2023', 'huyện Hậu Lộc', 'commune', 'unit-level'],
    ['thanh-hoa-172-2023', 'quận Ninh Kiều', undefined, 'other-province'],
    ['thanh-hoa-172-2023', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'department', 'not-a-department'],
    ['qd-346-ttg-2023', 'huyện Hậu Lộc', 'district', 'level-not-below'],
    ['bim-son-2023', 'Sở Nội vụ', 'department', 'level-not-below'],
    ['can-tho-2023', 'thành phố Cần Thơ', 'district', 'unit-level'],
  ] as const)('%s with --unit "%s" --level %s: %s', (parent, unit, level, kind) => {
    const r = scaffold(parent, unit, level);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe(kind);
  });

  it('a commune plan has no level below it', () => {
    const r = scaffoldPlan({
      parent: { ...corpus.plans.get('bim-son-2023')!, plan: { ...corpus.plans.get('bim-son-2023')!.plan, level: 'commune' } },
      analysis: analyses.get('bim-son-2023')!,
      unit: 'thôn Đông',
      reportLeadDays: 10,
    });
    expect(r.ok ? null : r.problem.kind).toBe('no-level-below');
  });
});

describe('notes', () => {
  it('withNotes writes each remark into its task\'s note, in the words of rules/messages.yaml, in either language', () => {
    const d = draftOf('thanh-hoa-172-2023', 'thị xã Bỉm Sơn');
    for (const lang of ['vi', 'en'] as const) {
      const plan = withNotes(d, (kind, vars) => rt(`scaffold.note.${kind}` as TermKey, lang, vars));
      expect(Plan.safeParse(plan).success).toBe(true);
      expect(plan.note).toBe(rt('scaffold.note.partial', lang, { parent: 'thanh-hoa-172-2023', task: 'II.1.c' }));
      expect(plan.tasks[2]!.note).toContain(rt('scaffold.note.deadline-cut', lang, { parent: 'thanh-hoa-172-2023' }));
      expect(plan.tasks[2]!.note).not.toMatch(/\{\w+\}/);
    }
  });

  it('every remark kind has its words', () => {
    for (const kind of NOTE_KINDS) expect(TERM_KEYS).toContain(`scaffold.note.${kind}`);
  });
});
