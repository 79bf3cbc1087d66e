/**
 * `kehoach letter` as users run it: the package's bin (dist/bundle/cli.js, built by `npm test`) in
 * a child process, where `docx` is loaded from the package's dependencies rather than bundled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from './helpers.js';

const ROOT = resolve('.');
const BIN = join(ROOT, 'dist/bundle/cli.js');
const PLANS = join(ROOT, 'plans');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-letter-bin-'));

function kehoach(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('kehoach letter through the built bin', () => {
  beforeAll(() => {
    expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
  });

  it('writes the Word letter (-o gop-y.docx) and the Markdown one to stdout', async () => {
    const sign = ['--issuer', 'Sở Nội vụ tỉnh Thanh Hóa', '--number', '…/SNV-XDCQ', '--place', 'Thanh Hóa', '--title', 'GIÁM ĐỐC', '--today', '2026-12-03'];
    const w = kehoach(['letter', 'bim-son-2023', '--plans', PLANS, '-o', 'gop-y.docx', ...sign]);
    expect(w.code, w.err).toBe(0);
    expect(w.out).toBe('');
    const bytes = readFileSync(join(dir, 'gop-y.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = (await docxParagraphs(bytes)).join('\n');
    for (const part of ['SỞ NỘI VỤ TỈNH THANH HÓA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Thanh Hóa, ngày 03 tháng 12 năm 2026', 'Kính gửi: Ủy ban nhân dân thị xã Bỉm Sơn.', 'điểm a mục 1 phần II', 'Nơi nhận:']) expect(text).toContain(part);
    const md = kehoach(['letter', 'bim-son-2023', '--plans', PLANS, ...sign]);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain('Đề nghị điều chỉnh thời gian thực hiện tại điểm a mục 1 phần II từ Quý IV năm 2023 về Quý III năm 2023');
  });

  it('a document checked against the bundled plans (announced) gets the short letter when nothing is graded', () => {
    const r = kehoach(['letter', join(ROOT, 'eval/dev/vo-nhai.txt'), '--today', '2026-12-03']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('dùng bộ kế hoạch kèm theo gói');
    expect(r.out).toContain('Nội dung Kế hoạch cơ bản phù hợp với Kế hoạch của Ủy ban nhân dân tỉnh Thái Nguyên.');
  });

  it('a plan compared with no parent is refused: exit 2, nothing written', () => {
    const file = join(dir, 'orphan.yaml');
    writeFileSync(file, 'id: test-orphan\ntitle: Kế hoạch thử\nissuer: Ủy ban nhân dân huyện Không\nlevel: district\ntasks:\n  - key: II.1\n    title: Tổ chức Hội nghị\n');
    const r = kehoach(['letter', file, '--plans', PLANS, '-o', 'orphan.docx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không lập công văn góp ý');
    expect(existsSync(join(dir, 'orphan.docx'))).toBe(false);
  });
});
