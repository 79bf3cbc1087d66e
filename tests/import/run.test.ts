/**
 * runImport (what `kehoach import` runs): writes a new file or prints, refuses to overwrite
 * without --force, reports warnings with their lines and a summary on stderr, exits 2 on a
 * document it cannot read. And how the parent is resolved, overridden or left open.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/commands/context.js';
import { importPlanText } from '../../src/core/import/index.js';
import { runImport, schemaRefFor } from '../../src/cli/commands/import.js';
import { importSummaryText } from '../../src/format/said.js';
import type { Plan } from '../../src/core/model/plan.js';
import { curated, ROOT, SEED_DIR, seedText } from './helpers.js';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: { KEHOACH_LANG: 'en' }, stdout: () => out, stderr: () => err };
}

const BIM_SON = join(SEED_DIR, '002_e36d209b1b3f8de2.txt');
const PLANS = join(ROOT, 'plans');

describe('runImport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-run-'));

  it('writes a new file, with a $schema path relative to it, and a summary on stderr', async () => {
    const out = join(dir, 'district', 'bim-son.yaml');
    const io = capture();
    expect(await runImport({ files: [BIM_SON], out, plansDir: PLANS }, io)).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaRefFor(out)}`);
    expect(existsSync(join(dir, 'district', schemaRefFor(out)))).toBe(true);
    expect(io.stderr()).toContain('parent: thanh-hoa-172-2023 (resolved by number and date from "Kế hoạch số 172/KH-UBND ngày 26/6/2023');
    expect(io.stderr()).toContain('tasks found: 12 (II.1.a, II.1.b');
    expect(io.stderr()).toContain('  III.1: no deadline in the text');
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const out = join(dir, 'exists.yaml');
    writeFileSync(out, 'keep me');
    const io = capture();
    expect(await runImport({ files: [BIM_SON], out }, io)).toBe(2);
    expect(io.stderr()).toContain('exists; pass --force to overwrite it');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(await runImport({ files: [BIM_SON], out, force: true, plansDir: PLANS }, capture())).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('prints to stdout without --out, and warns with file and line; exits 1 when the parent is not found', async () => {
    const io = capture();
    expect(await runImport({ files: [join(SEED_DIR, '000_25e4ce0a9e6b60bb.txt')] }, io)).toBe(1);
    expect(io.stderr()).toContain('kehoach import: the parent plan was not found (unresolved): set it with --parent <id>');
    expect(io.stdout()).toMatch(/^# yaml-language-server.*\n# Imported by .*\nid: thai-nguyen-2023\n/);
    expect(io.stderr()).toContain('000_25e4ce0a9e6b60bb.txt:64: warning: task number II.1.d is printed twice: keyed II.1.d-2');
    // Without --plans the parent cannot be resolved: said so, with the way out.
    expect(io.stderr()).toMatch(/000_25e4ce0a9e6b60bb\.txt:7: warning: parent "Quyết định số 346\/QĐ-TTg .*" matches no known plan: set it with --parent <id>/);
  });

  it('exits 2 with a message on a document it cannot read or a text that is no plan', async () => {
    const odt = join(dir, 'x.odt');
    writeFileSync(odt, 'x');
    const a = capture();
    expect(await runImport({ files: [odt] }, a)).toBe(2);
    expect(a.stderr()).toMatch(/x\.odt: error: unsupported file type/);
    const txt = join(dir, 'empty.txt');
    writeFileSync(txt, '\n\nnot a plan\n');
    const b = capture();
    expect(await runImport({ files: [txt] }, b)).toBe(2);
    expect(b.stderr()).toMatch(/empty\.txt:3: error: no plan title found/);
  });

  it('writes the YAML but exits 1 when no task was read', async () => {
    const txt = join(dir, 'no-tasks.txt');
    writeFileSync(txt, 'KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở\nThực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa, UBND thị xã Bỉm Sơn ban hành Kế hoạch như sau:\nCác nhiệm vụ được giao theo bảng đính kèm.\n');
    const out = join(dir, 'no-tasks.yaml');
    const io = capture();
    expect(await runImport({ files: [txt], out, plansDir: PLANS }, io)).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(io.stderr()).toContain('tasks found: 0');
    expect(io.stderr()).toContain('kehoach import: no task was read from the document');
  });

  it('takes --parent over the text, and warns when it is not loaded', async () => {
    const io = capture();
    expect(await runImport({ files: [BIM_SON], parent: 'thanh-hoa-999-2023' }, io)).toBe(0);
    expect(io.stdout()).toMatch(/basedOn:\n {2}- thanh-hoa-999-2023\n/);
    expect(io.stderr()).toContain('--parent thanh-hoa-999-2023 is not among the loaded plans');
    expect(io.stderr()).toContain('parent: thanh-hoa-999-2023 (set with --parent)');
  });
});

describe('parent resolution', () => {
  let known: Plan[];
  beforeAll(async () => {
    known = (await curated()).all;
  });
  const child = (preamble: string): string =>
    `KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Nga Sơn\n${preamble}, UBND huyện Nga Sơn ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền`;

  it('by number and date', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'number-and-date', id: 'thanh-hoa-172-2023' });
    expect(r.plan.jurisdiction).toBe('Nga Sơn, Thanh Hóa');
  });

  it('a number shared by two provinces is told apart by the issuer, else reported as ambiguous', () => {
    const other: Plan = { ...known.find((p) => p.id === 'thanh-hoa-172-2023')!, id: 'nghe-an-172-2023', issuer: 'Ủy ban nhân dân tỉnh Nghệ An', jurisdiction: 'Nghệ An' };
    const plans = [...known, other];
    expect(importPlanText(child('Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Nghệ An'), { knownPlans: plans }).summary.parent.id).toBe('nghe-an-172-2023');
    const r = importPlanText(child('Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023'), { knownPlans: plans });
    expect(r.summary.parent).toMatchObject({ how: 'ambiguous', candidates: ['nghe-an-172-2023', 'thanh-hoa-172-2023'] });
    expect(r.plan.basedOn).toBeUndefined();
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/matches several known plans \(nghe-an-172-2023, thanh-hoa-172-2023\): set it with --parent/);
  });

  it('by issuer and subject where the corpus does not know the number', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch số 145/KH-UBND ngày 20/7/2023 của UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thái Nguyên'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thai-nguyen-2023' });
  });

  it('a plan with another number is another plan, even from the same issuer', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch số 200/KH-UBND ngày 01/9/2023 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa'), { knownPlans: known });
    expect(r.summary.parent.how).toBe('unresolved');
    expect(r.plan.note).toContain('Cites "Kế hoạch số 200/KH-UBND');
  });

  it('legal bases become basedOn entries; a decision that issues no plan is a legal basis', () => {
    const r = importPlanText(seedText('004_9c70a196d409041a.txt'), { knownPlans: [] });
    expect(r.plan.basedOn).toEqual([{ law: '10/2022/QH15' }, { decree: '59/2023/NĐ-CP' }]);
    expect(r.summary.parent.how).toBe('legal-bases-only');
    const d = importPlanText(child('Căn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2023 của UBND tỉnh Thanh Hóa về việc thành lập Ban Chỉ đạo'), { knownPlans: known });
    expect(d.plan.basedOn).toEqual([{ decision: '12/QĐ-UBND' }]);
    expect(d.summary.parent.how).toBe('legal-bases-only');
    expect(d.plan.cites).toBeUndefined();
  });

  it('a Quyết định that issues a plan is a parent citation: resolved, or recorded in cites, never a legal basis', () => {
    const resolved = importPlanText(seedText('003_47e455f0bbe2ddc3.txt'), { knownPlans: known });
    expect(resolved.plan.basedOn).toEqual(['qd-346-ttg-2023']);
    const q = importPlanText(seedText('003_47e455f0bbe2ddc3.txt'), { knownPlans: [] });
    expect(q.plan.basedOn).toBeUndefined();
    expect(q.plan.cites).toEqual([{ text: expect.stringMatching(/^Quyết định số 346\/QĐ-TTg/), number: '346/QĐ-TTg', issued: '2023-04-06', by: 'Thủ tướng Chính phủ' }]);
    expect(q.summary.parent.how).toBe('unresolved');
  });

  it('a cited number the corpus does not know resolves by issuer and subject, and the summary says it is not confirmed', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch số 145/KH-UBND ngày 20/7/2023 của UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thái Nguyên'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thai-nguyen-2023', unconfirmedNumber: '145/KH-UBND' });
    expect(importSummaryText(r.summary, 'en')).toContain('the cited number 145/KH-UBND is not confirmed');
  });

  it('several plans cited in one sentence are each a parent', () => {
    const r = importPlanText(
      child('Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở và Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa'),
      { knownPlans: known },
    );
    expect(r.plan.basedOn).toEqual(['qd-346-ttg-2023', 'thanh-hoa-172-2023']);
    const u = importPlanText(child('Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa và Kế hoạch số 9/KH-UBND ngày 01/8/2023 của UBND tỉnh Thanh Hóa về việc tổ chức hội nghị'), { knownPlans: known });
    expect(u.plan.basedOn).toEqual(['thanh-hoa-172-2023']);
    expect(u.plan.cites).toEqual([expect.objectContaining({ number: '9/KH-UBND', by: 'UBND tỉnh Thanh Hóa' })]);
  });

  it('"của Chủ tịch UBND tỉnh …" is the province\'s UBND', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch của Chủ tịch UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thanh-hoa-172-2023' });
  });

  it('"của UBND tỉnh" takes the province the document names; where it names none, the citation is recorded, never guessed', () => {
    const named = `KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Minh Sơn, tỉnh Thái Nguyên\nThực hiện Kế hoạch của UBND tỉnh về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, UBND huyện Minh Sơn ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền`;
    const r = importPlanText(named, { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thai-nguyen-2023', impliedIssuer: 'UBND tỉnh Thái Nguyên' });
    expect(r.plan.jurisdiction).toBe('Minh Sơn, Thái Nguyên');
    // "huyện Châu Thành" is a district of several provinces: its province is not known.
    const bare = importPlanText(child('Thực hiện Kế hoạch của UBND tỉnh về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở').replace(/Nga Sơn/g, 'Châu Thành'), { knownPlans: known });
    expect(bare.summary.parent.id).toBeUndefined();
    expect(bare.plan.cites).toEqual([expect.objectContaining({ by: 'UBND tỉnh' })]);
  });

  it('"của UBND tỉnh" in a district\'s plan is its own province, from the district gazetteer (rules/districts.yaml)', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch của UBND tỉnh về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thanh-hoa-172-2023', impliedIssuer: 'UBND tỉnh Thanh Hóa' });
    // "thành phố" is a centrally-run city only: Nga Sơn's province is a tỉnh, so nothing is implied.
    const city = importPlanText(child('Thực hiện Kế hoạch của UBND thành phố về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở'), { knownPlans: known });
    expect(city.summary.parent.id).toBeUndefined();
    const ninhKieu = importPlanText(
      'KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn quận Ninh Kiều\nThực hiện Kế hoạch số 143/KH-UBND ngày 12 tháng 7 năm 2023 của Ủy ban nhân dân thành phố về triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân quận Ninh Kiều ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền',
      { knownPlans: known },
    );
    expect(ninhKieu.summary.parent).toMatchObject({ id: 'can-tho-2023', impliedIssuer: 'Ủy ban nhân dân thành phố Cần Thơ', unconfirmedNumber: '143/KH-UBND' });
  });
});

describe('citations without a number', () => {
  let known: Plan[];
  beforeAll(async () => {
    known = (await curated()).all;
  });
  const child = (preamble: string): string =>
    `KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Đại Từ\n${preamble}, UBND huyện Đại Từ ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền`;

  it('"Thực hiện Kế hoạch của UBND tỉnh … về việc …" resolves by issuer and subject', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch của UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thái Nguyên'), { knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thai-nguyen-2023' });
    expect(r.plan.basedOn).toEqual(['thai-nguyen-2023']);
    expect(r.plan.cites).toBeUndefined();
  });

  it('an unknown one is recorded in cites, for no-parent', () => {
    const r = importPlanText(child('Thực hiện Kế hoạch ngày 12/7/2023 của UBND tỉnh Bắc Kạn về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở'), { knownPlans: known });
    expect(r.summary.parent.how).toBe('unresolved');
    expect(r.plan.cites).toEqual([expect.objectContaining({ issued: '2023-07-12', by: 'UBND tỉnh Bắc Kạn' })]);
  });
});
