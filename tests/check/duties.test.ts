/**
 * Issue 14 on the real Thái Nguyên plan: a district plan written to satisfy every rule has no
 * graded finding; a plan with one unrelated task misses every duty Thái Nguyên addresses to a
 * district, except those it fulfils by existing (checking.md "Which parent duties …", refined).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkCorpus } from '../../src/core/check/engine.js';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildCorpus } from '../../src/core/load/corpus.js';
import { readSources, listPlanFiles } from '../../src/app/source/files.js';
import { RULES } from '../../src/core/rules/index.js';
import { messageOf } from '../../src/format/messages.js';

const GRADED = new Set(RULES.filter((r) => r.graded).map((r) => r.id));
let corpus: { file: string; text: string }[];

beforeAll(async () => {
  const listed = await listPlanFiles(['plans']);
  corpus = (await readSources(listed.files, { maxFileBytes: 10 * 1048576 })).sources;
});

function findingsFor(child: { file: string; text: string }) {
  const built = buildCorpus([...corpus, child]);
  if (!built.ok) throw new Error(built.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  const id = [...built.corpus.plans.values()].find((lp) => lp.file === child.file)!.plan.id;
  return checkCorpus(built.corpus, defaultConfig(), { today: '2023-09-01', only: new Set([id]) }).findings.filter((f) => f.plan === id);
}

const district = (tasks: unknown[]) => ({
  file: 'child.yaml',
  text: stringify({ id: 'child-2023', title: 'Kế hoạch huyện', issuer: 'Ủy ban nhân dân huyện Minh Sơn', level: 'district', jurisdiction: 'Minh Sơn, Thái Nguyên', issued: '2023-08-10', basedOn: ['thai-nguyen-2023'], tasks }),
});

describe('duties on the real Thái Nguyên plan (issue 14)', () => {
  it('a district plan written to satisfy every rule has no graded finding', () => {
    const file = join('tests/fixtures/check/minh-son-clean.yaml');
    const graded = findingsFor({ file, text: readFileSync(file, 'utf8') }).filter((f) => GRADED.has(f.rule));
    expect(graded.map((f) => `${f.rule} ${f.task} ← ${f.parentTask}: ${messageOf(f, 'en')}`)).toEqual([]);
  });

  it('a plan with one unrelated task misses every duty addressed to districts', () => {
    const missing = findingsFor(district([{ key: 'II.1', title: 'Trồng cây xanh trên các tuyến đường', lead: ['Phòng Tài nguyên và Môi trường'], deadline: 'Năm 2023' }]))
      .filter((f) => f.rule === 'missing-task')
      .map((f) => f.parentTask);
    // Addressed to a district (checking.md): II.1.a (UBND cấp huyện implements), II.1.b (Trung tâm
    // VH-TT&TT cấp huyện), II.1.c (+ UBND các huyện), II.1.d-2 (+ UBND cấp huyện), II.1.e (phòng, ban
    // cấp huyện), III.4 (UBND các huyện: a plan, which the child is, and funding, which it lacks).
    expect(missing).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d-2', 'II.1.e', 'III.4']);
  });

  it("III.4's funding clause is carried by the child's funding paragraph; its plan clause by the plan itself", () => {
    const missing = findingsFor(
      district([{ key: 'III.1', title: 'Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước theo phân cấp ngân sách hiện hành; chủ động bố trí kinh phí thực hiện' }]),
    ).filter((f) => f.rule === 'missing-task').map((f) => f.parentTask);
    expect(missing).not.toContain('III.4');
  });

  it('a duty that only asks for the child\'s own plan is never missing', () => {
    const parent = {
      file: 'p.yaml',
      text: stringify({ id: 'p-2023', title: 'Kế hoạch tỉnh', issuer: 'Ủy ban nhân dân tỉnh Thái Nguyên', level: 'province', jurisdiction: 'Thái Nguyên', issued: '2023-06-01', basedOn: [{ law: '10/2022/QH15' }], tasks: [
        { key: 'III.1', title: 'UBND các huyện, thành phố: Xây dựng Kế hoạch triển khai thi hành Luật trên địa bàn', implement: ['UBND các huyện, thành phố'] },
        { key: 'III.2', title: 'Tổ chức hội nghị sơ kết một năm thi hành Luật', implement: ['UBND các huyện, thành phố'], deadline: 'Năm 2024' },
      ] }),
    };
    const child = { file: 'c.yaml', text: stringify({ id: 'c-2023', title: 'Kế hoạch huyện', issuer: 'Ủy ban nhân dân huyện Minh Sơn', level: 'district', jurisdiction: 'Minh Sơn, Thái Nguyên', issued: '2023-08-10', basedOn: ['p-2023'], tasks: [{ key: 'II.1', title: 'Trồng cây xanh', lead: ['Phòng Nội vụ'] }] }) };
    const built = buildCorpus([parent, child]);
    if (!built.ok) throw new Error('load');
    const missing = checkCorpus(built.corpus, defaultConfig(), { today: '2023-09-01' }).findings.filter((f) => f.rule === 'missing-task').map((f) => f.parentTask);
    expect(missing).toEqual(['III.2']);
  });
});
