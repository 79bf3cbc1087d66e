/**
 * `kehoach import` as a user runs it: the package's bin (dist/bundle/cli.js, built by `npm test`)
 * in a child process, on documents that real tools wrote from a seed's text: a PDF from pdfkit
 * (running header and page numbers), a PDF and a .docx that LibreOffice converted, a scanned PDF.
 * The PDF import once passed its library tests and failed for every user (pdfjs refused the
 * Buffer that readFile returns): only this path shows that.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pdfOf, scannedPdf } from './build-docs.js';
import { rewrap, ROOT, SEED_DIR, seedText } from './helpers.js';

const BIN = join(ROOT, 'dist/bundle/cli.js');
const PLANS = join(ROOT, 'plans');
const BIM_SON = '002_e36d209b1b3f8de2.txt';
const dir = mkdtempSync(join(tmpdir(), 'kehoach-bin-docs-'));

function kehoach(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Task keys, leads and deadline texts: what the check reads of an imported plan. */
function essentials(yaml: string): unknown {
  const plan = parse(yaml) as { basedOn?: unknown; tasks: { key: string; lead?: string[]; implement?: string[]; deadline?: string }[] };
  return { basedOn: plan.basedOn, tasks: plan.tasks.map((t) => [t.key, t.lead ?? t.implement ?? [], t.deadline ?? null]) };
}

const paragraphsOf = (seed: string): string[] =>
  rewrap(seedText(seed), 100_000)
    .split('\n')
    .filter((l) => l.trim());

/** LibreOffice (Debian's libreoffice-writer-nogui, installed by .ci/run) converts a file. */
function soffice(input: string, to: string): string {
  const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', to, '--outdir', dir, input], { encoding: 'utf8', timeout: 120_000 });
  const out = input.replace(/\.[^.]+$/, `.${to.split(':')[0]}`).replace(/^.*\//, `${dir}/`);
  if (r.status !== 0 || !existsSync(out)) throw new Error(`soffice failed: ${r.stderr || r.error?.message}`);
  return out;
}

describe('kehoach import through the built bin', () => {
  let reference: unknown;
  beforeAll(() => {
    expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
    const r = kehoach(['import', join(SEED_DIR, BIM_SON), '--plans', PLANS]);
    expect(r.code).toBe(0);
    reference = essentials(r.out);
  });

  it('a PDF written by pdfkit, with a running header and page numbers, imports like the text', async () => {
    const pdf = join(dir, 'bim-son-pdfkit.pdf');
    writeFileSync(pdf, await pdfOf(paragraphsOf(BIM_SON), { runningHeader: 'Thị xã Bỉm Sơn', pageNumbers: true }));
    const r = kehoach(['import', pdf, '--plans', PLANS]);
    expect(r.err).not.toMatch(/Uint8Array|error:|lỗi:/);
    expect(r.code).toBe(0);
    expect(r.err).toContain('số nhiệm vụ đọc được: 12');
    expect(r.err).toContain('kế hoạch cấp trên: thanh-hoa-172-2023');
    expect(essentials(r.out)).toEqual(reference);
  });

  it('a PDF and a .docx that LibreOffice wrote from the text import like the text', () => {
    const txt = join(dir, 'bim-son-lo.txt');
    writeFileSync(txt, paragraphsOf(BIM_SON).join('\n') + '\n');
    for (const to of ['pdf', 'docx']) {
      const file = soffice(txt, to);
      const out = join(dir, `from-lo-${to}.yaml`);
      const r = kehoach(['import', file, '--plans', PLANS, '--out', out]);
      expect(r.err, to).not.toMatch(/error:|lỗi:/);
      expect(r.code, `${to}: ${r.err}`).toBe(0);
      expect(essentials(readFileSync(out, 'utf8')), to).toEqual(reference);
    }
  }, 240_000);

  it('a scanned PDF (no text layer) says so and exits 2', async () => {
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, await scannedPdf());
    const r = kehoach(['import', pdf]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scan\.pdf: lỗi: tệp PDF này không có lớp chữ .*ảnh quét/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a document with no task is written but the import exits 1 with the reason', () => {
    const txt = join(dir, 'no-tasks.txt');
    writeFileSync(txt, 'KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn thị xã Bỉm Sơn\nThực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa, UBND thị xã Bỉm Sơn ban hành Kế hoạch như sau:\nCác nhiệm vụ cụ thể theo Phụ lục đính kèm.\n');
    const out = join(dir, 'no-tasks.yaml');
    const r = kehoach(['import', txt, '--plans', PLANS, '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain('không đọc được nhiệm vụ nào từ văn bản');
  });

  it('a plan whose cited parent is not found: import exits 1, and check reports no-parent and exits 1', () => {
    const txt = join(dir, 'bac-kan.txt');
    writeFileSync(txt, [
      'KẾ HOẠCH',
      'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Ba Bể',
      'Thực hiện Kế hoạch ngày 12/7/2023 của UBND tỉnh Bắc Kạn về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, UBND huyện Ba Bể ban hành Kế hoạch như sau:',
      'II. NỘI DUNG',
      '1. Tổ chức hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở',
      '- Cơ quan chủ trì: Phòng Nội vụ',
      '- Thời gian thực hiện: Quý III năm 2023',
    ].join('\n') + '\n');
    const out = join(dir, 'ba-be.yaml');
    const imp = kehoach(['import', txt, '--plans', PLANS, '--out', out]);
    expect(imp.code, imp.err).toBe(1);
    expect(imp.err).toContain('không tìm thấy kế hoạch cấp trên');
    expect(readFileSync(out, 'utf8')).toMatch(/cites:\n {2}- text: Kế hoạch ngày 12\/7\/2023 của UBND tỉnh Bắc Kạn/);
    const chk = kehoach(['check', '--plan', out, '--plans', PLANS, '--format', 'json', '--no-cache']);
    expect(chk.code, chk.err).toBe(1);
    const report = JSON.parse(chk.out) as { findings: { rule: string; severity: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'no-parent', severity: 'error' }));
  });

  it('imports a folder of documents, one YAML each in --out-dir, a summary each, the worst exit code', () => {
    const docs = join(dir, 'received');
    mkdirSync(docs);
    writeFileSync(join(docs, 'bim-son.txt'), seedText(BIM_SON));
    writeFileSync(join(docs, 'no-parent.txt'), 'KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Ba Bể\nII. NỘI DUNG\n1. Tổ chức hội nghị quán triệt Luật\n- Cơ quan chủ trì: Phòng Nội vụ\n');
    writeFileSync(join(docs, 'notes.odt'), 'not a plan'); // not a document type: left alone
    const out = join(dir, 'imported');
    const r = kehoach(['import', docs, '--out-dir', out, '--plans', PLANS]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`== ${join(docs, 'bim-son.txt')}`);
    expect(r.err).toContain(`== ${join(docs, 'no-parent.txt')}`);
    expect(r.err).toContain('kehoach import: văn bản không nêu kế hoạch cấp trên');
    expect(readdirSync(out).sort()).toEqual(['bim-son.yaml', 'no-parent.yaml']);
    expect(parse(readFileSync(join(out, 'bim-son.yaml'), 'utf8'))).toMatchObject({ basedOn: ['thanh-hoa-172-2023'] });
    // Again: nothing is overwritten without --force, and nothing is written at all.
    const again = kehoach(['import', docs, '--out-dir', out, '--plans', PLANS]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/đã có; dùng --force để ghi đè/);
    // Several documents need --out-dir.
    expect(kehoach(['import', join(docs, 'bim-son.txt'), join(docs, 'no-parent.txt'), '--plans', PLANS]).err).toContain('dùng --out-dir');
  });

  it('without --plans and without ./plans, a document is checked against the bundled plans, and says so', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kehoach-no-plans-'));
    writeFileSync(join(empty, 'bim-son.txt'), seedText(BIM_SON));
    const r = spawnSync(process.execPath, [BIN, 'check', 'bim-son.txt', '--format', 'json', '--no-cache', '--today', '2023-09-01'], { encoding: 'utf8', cwd: empty });
    expect(r.stderr).toMatch(/dùng bộ kế hoạch kèm theo gói: .*plans/);
    expect(r.stderr).toContain('kế hoạch cấp trên thanh-hoa-172-2023');
    const report = JSON.parse(r.stdout) as { findings: { rule: string; plan: string; parent: string | null }[] };
    expect(report.findings.some((f) => f.plan === 'bim-son-2023' && f.parent === 'thanh-hoa-172-2023')).toBe(true);
    expect(report.findings.some((f) => f.rule === 'no-parent')).toBe(false);
    // import too resolves the parent against the bundled plans.
    const imp = spawnSync(process.execPath, [BIN, 'import', 'bim-son.txt'], { encoding: 'utf8', cwd: empty });
    expect(imp.stderr).toMatch(/dùng bộ kế hoạch kèm theo gói/);
    expect(imp.status, imp.stderr).toBe(0);
  });
});
