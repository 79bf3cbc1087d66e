/**
 * Reports that stream (issue 19): the audit written in pieces is the audit written whole; a file
 * is written atomically even in pieces (a failing run leaves no partial file); a graph too large
 * for one picture is drawn one picture per direct child, or not at all, and the page says so.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildAudit } from '../helpers/reviews.js';
import { auditChunks, DEFAULT_GRAPH_LIMIT, formatAudit, AUDIT_FORMATS } from '../../src/format/audit/index.js';
import { formatAuditHtml } from '../../src/format/audit/html.js';
import { graphPictures } from '../../src/format/audit/graph.js';
import { splitAudit } from '../../src/format/audit/split.js';
import { jsonChunks } from '../../src/format/json-stream.js';
import { writeChunksAtomic } from '../../src/app/write.js';
import { loadCorpus, TODAY } from './helpers.js';

const P = 'thanh-hoa-172-2023';

async function audit(paths = ['plans', 'examples/thanh-hoa'], parent = P, depth = 1, lang: 'vi' | 'en' = 'vi') {
  return buildAudit(await loadCorpus(paths), parent, { depth, today: TODAY }, defaultConfig(), lang);
}

describe('the audit in pieces', () => {
  it('is, joined, the audit written whole, in every format', async () => {
    for (const a of [await audit(), await audit(['plans', 'examples/thanh-hoa'], 'qd-346-ttg-2023', 2, 'en')]) {
      for (const f of AUDIT_FORMATS) {
        const chunks = [...auditChunks(f, a)];
        expect(chunks.join('')).toBe(formatAudit(f, a));
        if (f !== 'markdown') expect(chunks.length).toBeGreaterThan(10);
      }
    }
  });

  it('JSON in pieces is JSON.stringify(value, null, 2), byte for byte', () => {
    const values: unknown[] = [
      { a: 1, b: [1, 2, { c: 'x\ny', d: [] }], e: {}, f: undefined, g: null, h: [undefined, () => 1], i: 'ü "q"', j: { k: { l: [[], [1]] } } },
      [],
      {},
      'text',
      [{ nested: { deeper: [{ x: 1 }] } }],
    ];
    for (const v of values) for (const levels of [0, 1, 2, 3, 5]) expect([...jsonChunks(v, levels)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('keeps the shipped graph limit and the formatters\' default the same', () => {
    expect(defaultConfig().audit.graphLimit).toBe(DEFAULT_GRAPH_LIMIT);
  });
});

describe('the graph at a size a person can read', () => {
  it('draws the whole graph in one picture within the limit', async () => {
    const a = await audit(['plans', 'examples/thanh-hoa'], 'qd-346-ttg-2023', 2);
    const g = graphPictures(a.graph, a.root, DEFAULT_GRAPH_LIMIT);
    expect(g.whole).toBe(true);
    const page = formatAuditHtml(a, { graphLimit: DEFAULT_GRAPH_LIMIT });
    expect(page.match(/<svg /g)).toHaveLength(1);
  });

  it('above it, one picture per direct child with plans below it, and the page says so (vi and en)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const a = await audit(['plans', 'examples/thanh-hoa'], 'qd-346-ttg-2023', 2, lang);
      const g = graphPictures(a.graph, a.root, 6);
      expect(g.whole).toBe(false);
      // Thanh Hóa 172 has children; Cần Thơ and Thái Nguyên have none here.
      expect(g.pictures.map((p) => p.plan)).toEqual([P]);
      const page = formatAuditHtml(a, { graphLimit: 6 });
      expect(page.match(/<svg /g)).toHaveLength(1);
      expect(page).toContain(lang === 'vi' ? 'quá nhiều để đọc trên một hình (tối đa 6)' : 'too many to read in one picture (at most 6)');
      expect(page).toContain('id="kh-arrow-1"');
      // Too small a limit for any picture: none, said so.
      const none = formatAuditHtml(a, { graphLimit: 3 });
      expect(none).not.toContain('<svg ');
      expect(none).toContain(lang === 'vi' ? 'nên không vẽ' : 'so it is not drawn');
      expect(none).toContain(lang === 'vi' ? 'có quá 3 kế hoạch nên không vẽ' : 'more than 3 plans are not drawn');
    }
  });
});

describe('splitAudit', () => {
  it('an index of the root against its direct children, and one page per child with plans below it', async () => {
    const a = await audit(['plans', 'examples/thanh-hoa'], 'qd-346-ttg-2023', 2);
    const { index, pages } = splitAudit(a);
    expect(pages.map((p) => [p.file, p.plan])).toEqual([[`${P}.html`, P]]);
    expect(index.groups.map((g) => g.parent)).toEqual(['qd-346-ttg-2023']);
    expect(index.summaries.every((s) => s.parent === 'qd-346-ttg-2023')).toBe(true);
    const page = pages[0]!.report;
    expect(page.root).toBe(P);
    expect(page.groups.map((g) => g.parent)).toEqual([P]);
    expect(page.summaries.map((s) => s.plan)).toEqual(a.groups.find((g) => g.parent === P)!.children);
    // Together they hold every summary of the audit once.
    expect(index.summaries.length + page.summaries.length).toBe(a.summaries.length);
  });
});

describe('writeChunksAtomic', () => {
  const dir = (): string => mkdtempSync(path.join(tmpdir(), 'kehoach-stream-'));

  it('writes the pieces, keeps the mode of the file it replaces', async () => {
    const d = dir();
    const f = path.join(d, 'audit.html');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    const big = 'Kế hoạch '.repeat(300_000); // more than one write's worth
    const w = await writeChunksAtomic(f, ['a', big, 'z'], { overwrite: true });
    expect(w.ok).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe(`a${big}z`);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['audit.html']);
  });

  it('a run that fails half way leaves no partial file: the old one stays, no temporary file is left', async () => {
    const d = dir();
    const f = path.join(d, 'audit.html');
    function* failing(): Generator<string> {
      yield 'x'.repeat(3 << 20); // past the first write
      throw new Error('formatter failed');
    }
    await expect(writeChunksAtomic(f, failing(), { overwrite: true })).rejects.toThrow('formatter failed');
    expect(readdirSync(d)).toEqual([]);
    writeFileSync(f, 'old');
    await expect(writeChunksAtomic(f, failing(), { overwrite: true })).rejects.toThrow('formatter failed');
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['audit.html']);
  });

  it('refuses an input of the run, as writeFileAtomic does', async () => {
    const d = dir();
    const f = path.join(d, 'plan.yaml');
    writeFileSync(f, 'id: x\n');
    const w = await writeChunksAtomic(f, ['report'], { overwrite: true, inputs: [f] });
    expect(w).toMatchObject({ ok: false, code: 'EINPUT' });
    expect(readFileSync(f, 'utf8')).toBe('id: x\n');
  });
});

describe('writes to a device or a pipe', () => {
  it('write into a FIFO in place and leave it a FIFO (a rename would replace /dev/null with a file)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { createReadStream } = await import('node:fs');
    const d = mkdtempSync(path.join(tmpdir(), 'kehoach-fifo-'));
    for (const [i, write] of [(f: string) => writeChunksAtomic(f, ['a', 'b'], { overwrite: true }), (f: string) => import('../../src/app/write.js').then((m) => m.writeFileAtomic(f, 'ab', { overwrite: true }))].entries()) {
      const fifo = path.join(d, `pipe-${i}`);
      execFileSync('mkfifo', [fifo]);
      const read = new Promise<string>((resolve, reject) => {
        let text = '';
        createReadStream(fifo, 'utf8').on('data', (c) => (text += c)).on('end', () => resolve(text)).on('error', reject);
      });
      const w = await write(fifo);
      expect(w.ok).toBe(true);
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(await read).toBe('ab');
      expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });
});

describe('audit.graphLimit in a project configuration', () => {
  it('is read from the configuration file, and validated by its schema', async () => {
    const { auditCommand } = await import('../../src/cli/commands/audit.js');
    const { captureIO } = await import('./helpers.js');
    const d = mkdtempSync(path.join(tmpdir(), 'kehoach-limit-'));
    const conf = path.join(d, 'kehoach.config.yaml');
    writeFileSync(conf, 'audit:\n  graphLimit: 2\n');
    const io = captureIO();
    expect(await auditCommand(io, 'qd-346-ttg-2023', { format: 'html', depth: 2, config: conf, today: TODAY })).toBe(0);
    expect(io.stdout()).toContain('(tối đa 2)');
    writeFileSync(conf, 'audit:\n  graphLimit: 0\n');
    const bad = captureIO();
    expect(await auditCommand(bad, 'qd-346-ttg-2023', { format: 'html', config: conf, today: TODAY })).toBe(2);
    expect(bad.stderr()).toContain('audit.graphLimit');
  });
});
