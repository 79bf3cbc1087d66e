/**
 * `kehoach serve` on a shared office machine (issue 18): a request with a foreign Origin or
 * Host, one without the token, an oversized upload and uploads whose content is not what
 * their names say are each refused (403, 413, 415) with nothing written in the workspace (a
 * listing of it, sizes and times, is the same before and after). An accepted upload's name is
 * data, never a path. Runs the built bin (`npm run build` first).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, multipartBody, send, startServe, type Server, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kehoach-serve-safety-'));
const ws = join(dir, 'ws');
const SEED = readFileSync(join(ROOT, 'tests/fixtures/seeds/002_e36d209b1b3f8de2.txt'));
let server: Server;
let cookie = '';

beforeAll(async () => {
  // 0.02 MB: the seed (about 15 KB) passes, 40 KB does not.
  server = await startServe(['--workspace', ws, '--max-upload-mb', '0.02', '--plans', join(ROOT, 'plans')], dir);
  const r = await send(server.port, 'GET', `/?token=${server.token}`, { host: `127.0.0.1:${server.port}` });
  expect(r.status).toBe(303);
  const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  cookie = set.map((c) => c.split(';')[0]!).find((c) => c.startsWith('kehoach_token_'))!;
  expect(cookie).toBeTruthy();
  expect(set.join(' ')).toMatch(/HttpOnly/);
  expect(set.join(' ')).toMatch(/SameSite=Strict/);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const host = (): string => `127.0.0.1:${server.port}`;
const origin = (): string => `http://127.0.0.1:${server.port}`;

async function upload(files: { name: string; bytes: Uint8Array }[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const m = await multipartBody(files);
  const r = await send(server.port, 'POST', '/upload', { 'content-type': m.contentType, ...headers }, m.body);
  return { status: r.status, body: r.body.toString('utf8') };
}

/** The reply to `act`, and that the workspace is unchanged by it. */
async function refusedWithNothingWritten(act: () => Promise<{ status: number; body: string }>): Promise<{ status: number; body: string }> {
  const before = listing(ws);
  const r = await act();
  expect(listing(ws)).toEqual(before);
  expect(r.body).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
  return r;
}

describe('kehoach serve refuses', () => {
  it('a request without the token (403), and a wrong token', async () => {
    const r = await refusedWithNothingWritten(async () => {
      const x = await send(server.port, 'GET', '/', { host: host() });
      return { status: x.status, body: x.body.toString() };
    });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/mã truy cập/);
    const wrong = await send(server.port, 'GET', `/?token=${'0'.repeat(server.token.length)}`, { host: host() });
    expect(wrong.status).toBe(403);
    const json = await send(server.port, 'GET', '/', { host: host(), accept: 'application/json' });
    expect(json.status).toBe(403);
    expect(JSON.parse(json.body.toString())).toEqual({ error: expect.stringMatching(/mã truy cập/) });
    const up = await refusedWithNothingWritten(() => upload([{ name: 'ke-hoach.txt', bytes: SEED }], { host: host(), origin: origin() }));
    expect(up.status).toBe(403);
  });

  it('a foreign Host (403), even with the token: a DNS-rebinding page cannot reach it', async () => {
    const r = await send(server.port, 'GET', `/?token=${server.token}`, { host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
    const up = await refusedWithNothingWritten(() => upload([{ name: 'ke-hoach.txt', bytes: SEED }], { host: `evil.example:${server.port}`, cookie }));
    expect(up.status).toBe(403);
    const other = await send(server.port, 'GET', '/', { host: '127.0.0.1:1', cookie });
    expect(other.status).toBe(403);
  });

  it('a foreign Origin (403), even with the cookie', async () => {
    const up = await refusedWithNothingWritten(() => upload([{ name: 'ke-hoach.txt', bytes: SEED }], { host: host(), cookie, origin: 'http://evil.example' }));
    expect(up.status).toBe(403);
    const waive = await refusedWithNothingWritten(async () => {
      const body = Buffer.from('plan=bim-son-2023&parent=thanh-hoa-172-2023&rule=late-deadline&task=II.1.a&parentTask=II.1.a&reason=x');
      const x = await send(server.port, 'POST', '/waive', { host: host(), cookie, origin: `http://localhost:${server.port + 1}`, 'content-type': 'application/x-www-form-urlencoded' }, body);
      return { status: x.status, body: x.body.toString() };
    });
    expect(waive.status).toBe(403);
    const cross = await refusedWithNothingWritten(async () => {
      const body = Buffer.from('plan=bim-son-2023&rule=late-deadline&reason=x');
      const x = await send(server.port, 'POST', '/waive', { host: host(), cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, body);
      return { status: x.status, body: x.body.toString() };
    });
    expect(cross.status).toBe(403);
  });

  it('an oversized upload (413)', async () => {
    const big = Buffer.alloc(40_000, 'a');
    const r = await refusedWithNothingWritten(() => upload([{ name: 'lon.txt', bytes: big }], { host: host(), cookie, origin: origin() }));
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/quá lớn/);
    // One good file and one too large: neither is stored.
    const mixed = await refusedWithNothingWritten(() => upload([{ name: 'ke-hoach.txt', bytes: SEED }, { name: 'lon.txt', bytes: big }], { host: host(), cookie, origin: origin() }));
    expect(mixed.status).toBe(413);
  });

  it('uploads whose content is not what their names say (415)', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
    const zip = new JSZip();
    zip.file('hello.txt', 'not a Word document');
    const notWord = await zip.generateAsync({ type: 'uint8array' });
    const cases = [
      { name: 'anh.docx', bytes: png },
      { name: 'chuong-trinh.exe', bytes: exe },
      { name: 'chuong-trinh.txt', bytes: exe },
      { name: 'nen.docx', bytes: notWord },
      { name: 'gia.pdf', bytes: SEED },
      { name: 'latin1.txt', bytes: Buffer.from([0x48, 0xe0, 0xe9, 0x0a]) },
    ];
    for (const c of cases) {
      const r = await refusedWithNothingWritten(() => upload([c], { host: host(), cookie, origin: origin() }));
      expect(r.status, c.name).toBe(415);
    }
    // A good file beside a mistyped one: nothing stored.
    const mixed = await refusedWithNothingWritten(() => upload([{ name: 'ke-hoach.txt', bytes: SEED }, { name: 'anh.docx', bytes: png }], { host: host(), cookie, origin: origin() }));
    expect(mixed.status).toBe(415);
  });

  it('nothing outside the workspace and its own pages (404)', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/documents/', '/plans/bim-son-2023.yaml', '/download/yaml?plan=..%2F..%2Fetc%2Fpasswd']) {
      const r = await refusedWithNothingWritten(async () => {
        const x = await send(server.port, 'GET', p, { host: host(), cookie });
        return { status: x.status, body: x.body.toString() };
      });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toMatch(/root:/);
    }
  });
});

describe('kehoach serve accepts', () => {
  it('a plan whose text is markup, and shows it as text on every page', async () => {
    const hostile = readFileSync(join(ROOT, 'plans/district/thanh-hoa/bim-son-2023.yaml'), 'utf8')
      .replace(/^issuer: .*$/m, 'issuer: \'Ủy ban <script>alert(1)</script> "><img src=x onerror=alert(2)>\'')
      .replace(/^(  - key: II\.1\.a\n    title: ).*$/m, '$1\'<b onmouseover=alert(3)>Hội nghị</b>\'');
    expect(hostile).toContain('<script>');
    const r = await upload([{ name: 'doc-hai.yaml', bytes: Buffer.from(hostile) }], { host: host(), cookie, origin: origin() });
    expect(r.status).toBe(200);
    for (const p of ['/', '/audit?parent=thanh-hoa-172-2023', '/district?parent=thanh-hoa-172-2023&child=bim-son-2023']) {
      const page = await send(server.port, 'GET', p, { host: host(), cookie });
      const body = page.body.toString();
      expect(page.status, p).toBe(200);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(body, p).not.toMatch(/<script|<img|<b onmouseover/);
      expect(body, p).toMatch(/&lt;script&gt;alert\(1\)|&lt;b onmouseover/);
    }
    // Back to the bundled Bỉm Sơn for the test below: the workspace plan is removed by hand.
    rmSync(join(ws, 'plans', 'bim-son-2023.yaml'));
  });

  it('a file whose name is a path or markup, storing it under a generated name and showing the name escaped', async () => {
    const markup = '<img src=x onerror=alert(1)>ke-hoach.txt';
    const r = await upload([{ name: '../../thoat-ra.txt', bytes: SEED }, { name: markup, bytes: SEED }], { host: host(), cookie, origin: origin() });
    expect(r.status).toBe(200);
    expect(existsSync(join(dir, 'thoat-ra.txt'))).toBe(false);
    expect(existsSync(join(ws, '..', '..', 'thoat-ra.txt'))).toBe(false);
    const stored = listing(join(ws, 'documents')).map((l) => l.split(' ')[0]!);
    expect(stored.filter((f) => f.endsWith('.txt'))).toHaveLength(2);
    for (const f of stored) expect(f).toMatch(/^\/[0-9a-f-]{36}\.(txt|yaml)$/);
    const home = (await send(server.port, 'GET', '/', { host: host(), cookie })).body.toString();
    expect(home).toContain('&lt;img src=x onerror=alert(1)&gt;ke-hoach.txt');
    expect(home).not.toContain('<img src=x');
    writeFileSync(join(dir, 'done'), '');
  });
});
