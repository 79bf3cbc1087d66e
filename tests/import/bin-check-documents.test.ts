/**
 * Documents given straight to `check`, `diff` and `link` through the built bin: imported in
 * memory, checked against their parents, findings located in the document (paragraph, page,
 * the document's own numbering), a document replacing the corpus plan of its id, --parent for
 * a document that names none, and `link --write` refusing to write into a document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxOf, pdfOf } from './build-docs.js';
import { rewrap, ROOT, SEED_DIR } from './helpers.js';

const BIN = join(ROOT, 'dist/bundle/cli.js');
const PLANS = join(ROOT, 'plans');
const BIM_SON = join(SEED_DIR, '002_e36d209b1b3f8de2.txt');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-check-docs-'));

function kehoach(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

interface Finding {
  rule: string;
  plan: string;
  parent: string | null;
  task: string | null;
  parentTask: string | null;
  file: string;
  line: number | null;
  column: number | null;
  data: Record<string, unknown>;
}
const findingsOf = (out: string): Finding[] => (JSON.parse(out) as { findings: Finding[] }).findings;
const graded = (fs: Finding[]): string[] => fs.filter((f) => f.rule !== 'cannot-check').map((f) => `${f.rule} ${f.task} ← ${f.parentTask}`).sort();

const paragraphs = rewrap(readFileSync(BIM_SON, 'utf8'), 100_000).split('\n').filter((l) => l.trim());
let yamlFindings: Finding[];

beforeAll(async () => {
  writeFileSync(join(dir, 'bim-son.pdf'), await pdfOf(paragraphs, { runningHeader: 'Thị xã Bỉm Sơn', pageNumbers: true }));
  writeFileSync(join(dir, 'bim-son.docx'), await docxOf(paragraphs));
  const imp = kehoach('import', BIM_SON, '--plans', PLANS, '--out', join(dir, 'bim-son.yaml'));
  expect(imp.code, imp.err).toBe(0);
  const chk = kehoach('check', '--plan', join(dir, 'bim-son.yaml'), '--plans', PLANS, '--format', 'json', '--no-cache', '--today', '2023-09-01');
  yamlFindings = findingsOf(chk.out);
});

describe('check <document>', () => {
  it('a PDF: imported in memory, checked against its parent, the findings located in the document', () => {
    const r = kehoach('check', 'bim-son.pdf', '--plans', PLANS, '--format', 'json', '--no-cache', '--today', '2023-09-01');
    expect(r.err).toMatch(/bim-son\.pdf: 12 nhiệm vụ, kế hoạch cấp trên thanh-hoa-172-2023/);
    expect(r.code, r.err).toBe(0);
    const fs = findingsOf(r.out).filter((f) => f.plan === 'bim-son-2023');
    expect(graded(fs)).toEqual(graded(yamlFindings.filter((f) => f.plan === 'bim-son-2023')));
    const late = fs.find((f) => f.rule === 'late-deadline')!;
    expect(late).toMatchObject({ file: 'bim-son.pdf', column: 1, data: expect.objectContaining({ location: 'mục II.1.a', page: expect.any(Number) }) });
    // The line is the number of the paragraph that opens the task, as the importer reads the document.
    expect(late.line).toBeGreaterThan(10);
    expect(late.line).toBeLessThan(paragraphs.length);
  });

  it('a document whose plan id is a corpus plan\'s replaces it (no duplicate id)', () => {
    const r = kehoach('check', 'bim-son.docx', '--plans', PLANS, '--format', 'json', '--no-cache', '--today', '2023-09-01');
    expect(r.code, r.err).toBe(0);
    const fs = findingsOf(r.out);
    expect(fs.filter((f) => f.plan === 'bim-son-2023').every((f) => f.file === 'bim-son.docx')).toBe(true);
  });

  it('--parent sets the parent of a document that names none; without it, no-parent and exit 1', () => {
    // Bỉm Sơn without its "Thực hiện Kế hoạch số 172/KH-UBND …" sentence (its copy has no date: the id has no year).
    const text = paragraphs.join('\n').replace(/Thực hiện Kế hoạch[\s\S]*?như sau:/u, 'UBND thị xã Bỉm Sơn ban hành Kế hoạch như sau:');
    writeFileSync(join(dir, 'uncited.txt'), text + '\n');
    const bare = kehoach('check', 'uncited.txt', '--plans', PLANS, '--format', 'json', '--no-cache', '--today', '2023-09-01');
    expect(bare.code).toBe(1);
    expect(bare.err).toContain('uncited.txt: 12 nhiệm vụ, kế hoạch cấp trên không có: không câu "Thực hiện …" / "Căn cứ …" nào nêu kế hoạch cấp trên');
    expect(findingsOf(bare.out)).toContainEqual(expect.objectContaining({ rule: 'no-parent', plan: 'bim-son', data: { variant: 'none' } }));
    const text2 = kehoach('check', 'uncited.txt', '--plans', PLANS, '--no-cache', '--today', '2023-09-01');
    expect(text2.out).toMatch(/1 kế hoạch không được đối chiếu với kế hoạch cấp trên nào/);
    const set = kehoach('check', 'uncited.txt', '--plans', PLANS, '--parent', 'thanh-hoa-172-2023', '--format', 'json', '--no-cache', '--today', '2023-09-01');
    expect(set.code, set.err).toBe(0);
    expect(set.err).toContain('uncited.txt: 12 nhiệm vụ, kế hoạch cấp trên thanh-hoa-172-2023 (đặt bằng --parent)');
    expect(graded(findingsOf(set.out).filter((f) => f.plan === 'bim-son'))).toEqual(graded(yamlFindings.filter((f) => f.plan === 'bim-son-2023')));
  });

  it('a document that cannot be read is a located load error, exit 2, no stack trace', () => {
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    const r = kehoach('check', 'broken.docx', '--plans', PLANS, '--no-cache');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.docx:1:1: lỗi: không đọc được tệp Word này/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('diff and link with a document', () => {
  it('diff <parent> <document>', () => {
    const r = kehoach('diff', 'thanh-hoa-172-2023', 'bim-son.docx', '--plans', PLANS, '--format', 'json', '--today', '2023-09-01');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ child: expect.objectContaining({ id: 'bim-son-2023' }) });
  });

  it('link shows the matches of a document, and refuses --write into it (exit 2)', () => {
    const show = kehoach('link', 'bim-son.docx', '--plans', PLANS);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toMatch(/kehoach import bim-son\.docx --out/);
    const write = kehoach('link', 'bim-son.docx', '--plans', PLANS, '--write');
    expect(write.code).toBe(2);
    expect(write.err).toMatch(/bim-son\.docx là một văn bản, không phải tệp YAML/);
  });
});
