/**
 * Reading with a cap on the bytes read (src/app/source/read-capped.ts, issue 16): a regular
 * file up to its limit is read whole, one over it is refused with its size, and what stat cannot
 * size (/dev/zero) is refused after the limit plus one byte, never read to its end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DOCUMENT_MB, documentLimit, readCapped, readCappedSync } from '../../src/app/source/read-capped.js';

const dir = mkdtempSync(join(tmpdir(), 'kehoach-read-capped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: number): string => {
  const p = join(dir, name);
  writeFileSync(p, Buffer.alloc(bytes, 0x61));
  return p;
};

describe.each([
  ['readCapped', readCapped],
  ['readCappedSync', async (f: string, max: number) => readCappedSync(f, max)],
] as const)('%s', (_name, read) => {
  it('reads a file under, and at, its limit whole', async () => {
    const small = file('small.txt', 1000);
    expect(await read(small, 4096)).toEqual({ ok: true, bytes: new Uint8Array(Buffer.alloc(1000, 0x61)) });
    const exact = file('exact.txt', 200_000);
    const r = await read(exact, 200_000);
    expect(r.ok && r.bytes.length).toBe(200_000);
    expect(await read(file('empty.txt', 0), 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('refuses a regular file one byte over its limit, with its size', async () => {
    expect(await read(file('over.txt', 4097), 4096)).toEqual({ ok: false, size: 4097 });
  });

  it('refuses /dev/zero after the limit, without its size', async () => {
    expect(await read('/dev/zero', 3 * 1048576)).toEqual({ ok: false, size: null });
  });

  it('throws the file system errors as they are', async () => {
    await expect(read(join(dir, 'missing.txt'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the documents limit', () => {
  it('is 100 MB unless --max-file-size says otherwise', () => {
    expect(DEFAULT_MAX_DOCUMENT_MB).toBe(100);
    expect(documentLimit()).toBe(100 * 1048576);
    expect(documentLimit(2)).toBe(2 * 1048576);
  });
});
