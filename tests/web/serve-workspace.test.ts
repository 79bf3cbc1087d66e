/**
 * What the workspace keeps and says (issue 18), over HTTP against the built bin: a document
 * whose parent cannot be resolved, or with no task, is shown as such (never as "no findings")
 * and its parent can be chosen; a revised document replaces its earlier version and keeps its
 * waivers; a port in use and a workspace inside the plans folder are refused with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, multipartBody, ROOT, send, startServe, type Server } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kehoach-serve-ws-'));
const ws = join(dir, 'ws');
const SEED = readFileSync(join(ROOT, 'tests/fixtures/seeds/002_e36d209b1b3f8de2.txt'), 'utf8');
let server: Server;
let cookie = '';

beforeAll(async () => {
  server = await startServe(['--workspace', ws], dir);
  const r = await send(server.port, 'GET', `/?token=${server.token}`, { host: `127.0.0.1:${server.port}` });
  cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith('kehoach_token_'))!;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const headers = (): Record<string, string> => ({ host: `127.0.0.1:${server.port}`, cookie, origin: `http://127.0.0.1:${server.port}` });
const get = async (p: string): Promise<{ status: number; body: string; location?: string }> => {
  const r = await send(server.port, 'GET', p, headers());
  return { status: r.status, body: r.body.toString(), ...(typeof r.headers.location === 'string' ? { location: r.headers.location } : {}) };
};
const post = async (p: string, form: Record<string, string>): Promise<{ status: number; location?: string }> => {
  const r = await send(server.port, 'POST', p, { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from(new URLSearchParams(form).toString()));
  return { status: r.status, ...(typeof r.headers.location === 'string' ? { location: r.headers.location } : {}) };
};
async function upload(name: string, text: string): Promise<string> {
  const m = await multipartBody([{ name, bytes: Buffer.from(text) }]);
  const r = await send(server.port, 'POST', '/upload', { ...headers(), 'content-type': m.contentType }, m.body);
  expect(r.status).toBe(200);
  return r.body.toString();
}
/** The row of the received-files table for a file name. */
const rowOf = (home: string, name: string): string => home.split('<tr ').find((r) => r.includes(`<td>${name}</td>`)) ?? '';

describe('the workspace', () => {
  it('shows a document with no parent as not checked, never as "no findings", and lets the reviewer choose the parent', async () => {
    const orphan = SEED.replace(/Thực hiện Kế hoạch số 172\/KH-UBND[^\n]*\n[^\n]*\n[^\n]*\n/, '');
    expect(orphan).not.toContain('172/KH-UBND');
    const progress = await upload('mo-coi.txt', orphan);
    expect(progress).toMatch(/không xác định được kế hoạch cấp trên/);
    const home = (await get('/')).body;
    const row = rowOf(home, 'mo-coi.txt');
    expect(row).toMatch(/data-status="no-parent"/);
    expect(row).toMatch(/chưa kiểm tra/);
    expect(row).not.toMatch(/không có phát hiện"?\s*</);
    expect(row).toMatch(/<option value="thanh-hoa-172-2023">172\/KH-UBND<\/option>/);
    const stored = /name="stored" value="([^"]+)"/.exec(row)![1]!;
    expect((await post('/parent', { stored, parent: 'thanh-hoa-172-2023' })).status).toBe(303);
    expect(rowOf((await get('/')).body, 'mo-coi.txt')).toMatch(/data-status="checked"/);
  });

  it('shows a document with no task as such', async () => {
    await upload('trong.txt', 'ỦY BAN NHÂN DÂN\nHUYỆN VÔ DANH\nKẾ HOẠCH\nVề việc không có gì\n');
    const row = rowOf((await get('/')).body, 'trong.txt');
    expect(row).toMatch(/data-status="(no-tasks|error)"/);
    expect(row).not.toMatch(/data-status="checked"/);
  });

  it('replaces a revised document and keeps its waivers', async () => {
    await upload('bim-son-v1.txt', SEED);
    const reason = 'Dời theo Công văn 12/UBND-NV';
    const w = await post('/waive', { plan: 'bim-son-2023', parent: 'thanh-hoa-172-2023', rule: 'late-deadline', task: 'II.1.a', parentTask: 'II.1.a', reason });
    expect(w.status).toBe(303);
    expect(w.location).toMatch(/flash=accepted/);
    const revised = SEED.replace('Quý IV năm 2023', 'Quý IV  năm 2023');
    await upload('bim-son-v2.txt', revised);
    const yaml = readFileSync(join(ws, 'plans', 'bim-son-2023.yaml'), 'utf8');
    expect(yaml).toContain(reason);
    expect(yaml.match(/rule: late-deadline/g)).toHaveLength(1);
    const home = (await get('/')).body;
    expect(rowOf(home, 'bim-son-v1.txt')).toMatch(/data-status="superseded"/);
    expect(rowOf(home, 'bim-son-v2.txt')).toMatch(/data-status="checked"/);
    const diff = (await get('/district?parent=thanh-hoa-172-2023&child=bim-son-2023')).body;
    expect(diff).toContain(reason);
  });

  it('refuses a waiver without a reason or for a finding that does not exist', async () => {
    const none = await post('/waive', { plan: 'bim-son-2023', parent: 'thanh-hoa-172-2023', rule: 'missing-task', reason: '  ' });
    expect(none.location).toMatch(/flash=reason/);
    const made = await post('/waive', { plan: 'bim-son-2023', parent: 'thanh-hoa-172-2023', rule: 'no-such-rule', reason: 'x' });
    expect(made.status).toBe(400);
  });

  it('receives a YAML plan, which joins the audit matrix', async () => {
    await upload('tan-phong.yaml', readFileSync(join(ROOT, 'examples/thanh-hoa/synthetic-tan-phong-2023.yaml'), 'utf8'));
    expect(rowOf((await get('/')).body, 'tan-phong.yaml')).toMatch(/data-status="checked"/);
    const audit = (await get('/audit?parent=thanh-hoa-172-2023')).body;
    expect(audit).toMatch(/data-task="II.1.a" data-child="synthetic-tan-phong-2023" data-status="[a-z-]+"/);
  });

  it('drafts a plan for a unit that has sent none (.docx), and says why it cannot for a unit that is not one', async () => {
    const ok = await send(server.port, 'GET', `/download/scaffold?parent=thanh-hoa-172-2023&unit=${encodeURIComponent('huyện Hậu Lộc')}`, headers());
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/wordprocessingml/);
    expect(ok.body.subarray(0, 4).toString('hex')).toBe('504b0304');
    const bad = await get(`/download/scaffold?parent=thanh-hoa-172-2023&unit=${encodeURIComponent('Hậu Lộc')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/Không lập được dự thảo/);
  });

  it('writes the letter with who sends and signs it, as the letter command does', async () => {
    const q = new URLSearchParams({ plan: 'bim-son-2023', issuer: 'Sở Nội vụ tỉnh Thanh Hóa', superior: 'UBND tỉnh Thanh Hóa', number: '15/SNV-XDCQ', place: 'Thanh Hóa', title: 'KT. GIÁM ĐỐC', title2: 'PHÓ GIÁM ĐỐC', signer: 'Nguyễn Văn A' });
    const r = await send(server.port, 'GET', `/download/letter?${q}`, headers());
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="[a-z0-9-]+\.docx"/);
    const xml = await (await JSZip.loadAsync(r.body)).file('word/document.xml')!.async('string');
    for (const s of ['SỞ NỘI VỤ TỈNH THANH HÓA', '15/SNV-XDCQ', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn A', 'Bỉm Sơn']) expect(xml.toUpperCase()).toContain(s.toUpperCase());
  });

  it('refuses a port in use (exit 2, a clear message)', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--workspace', join(dir, 'ws2'), '--port', String(server.port)], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`cổng ${server.port} đang được dùng`));
  });

  it('listens on another address only when told, with a warning, still checking Host and the token', async () => {
    const other = await startServe(['--workspace', join(dir, 'ws3'), '--host', '0.0.0.0'], dir);
    try {
      expect(other.err()).toMatch(/CẢNH BÁO/);
      const h = { host: `127.0.0.1:${other.port}` };
      expect((await send(other.port, 'GET', '/', h)).status).toBe(403);
      expect((await send(other.port, 'GET', `/?token=${other.token}`, h)).status).toBe(303);
      expect((await send(other.port, 'GET', `/?token=${other.token}`, { host: `evil.example:${other.port}` })).status).toBe(403);
    } finally {
      await other.stop();
    }
    expect(server.err()).not.toMatch(/CẢNH BÁO/);
  });

  it('refuses a workspace inside the plans folder (plans are never written)', () => {
    const corpus = join(dir, 'corpus');
    cpSync(join(ROOT, 'plans'), corpus, { recursive: true });
    const r = spawnSync(process.execPath, [BIN, 'serve', '--workspace', join(corpus, 'ws'), '--plans', corpus, '--port', '0'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(existsSync(join(corpus, 'ws'))).toBe(false);
  });
});
