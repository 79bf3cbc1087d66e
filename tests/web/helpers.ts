/**
 * `kehoach serve` as a reviewer starts it: the built bin (dist/bundle/cli.js, made by `npm run
 * build`) in a child process on a temporary workspace; the address is read from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'dist/bundle/cli.js');

export interface Server {
  proc: ChildProcess;
  /** The printed address, with its token. */
  url: string;
  base: string;
  port: number;
  token: string;
  out: () => string;
  err: () => string;
  stop(): Promise<number | null>;
}

/** Starts `kehoach serve --port 0 …` and waits for its address (rejects on exit or after 30 s). */
export function startServe(args: readonly string[], cwd: string): Promise<Server> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, KEHOACH_LANG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kehoach serve printed no address in 30 s\nstdout: ${out}\nstderr: ${err}`)), 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kehoach serve exited (${code}) before printing its address\nstdout: ${out}\nstderr: ${err}`));
    });
    const poll = setInterval(() => {
      const m = /(http:\/\/127\.0\.0\.1:(\d+))\/\?token=([0-9a-f]+)/.exec(out);
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        proc, url: m[0], base: m[1]!, port: Number(m[2]), token: m[3]!, out: () => out, err: () => err,
        stop: async () => {
          if (proc.exitCode === null) proc.kill('SIGINT');
          return exited;
        },
      });
    }, 50);
  });
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with exactly the headers given (Host included: fetch would not send a foreign one). */
export function send(port: number, method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A multipart/form-data body with these files under "files", as a browser sends it. */
export async function multipartBody(files: { name: string; bytes: Uint8Array; type?: string }[]): Promise<{ body: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const f of files) fd.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const r = new Response(fd);
  return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
}

/** Every file below a folder with its size and modification time: what "nothing written" compares. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    const st = statSync(p);
    out.push(`${p.slice(dir.length)} ${e.isFile() ? `${st.size} ${st.mtimeMs}` : 'dir'}`);
  }
  return out.sort();
}
