/**
 * `kehoach audit … --split <folder>` through the built bin (dist/bundle/cli.js, `npm run build`
 * first): an index page and one page per province, every link resolving to a page written (issue 19).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../tools/bench/generate.js';

const BIN = path.resolve('dist/bundle/cli.js');
const TODAY = '2025-01-01';
const bin = (args: string[]): string => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KEHOACH_LANG: '' } });

/** Every href of a page that is not an anchor within it. */
const links = (page: string): string[] => [...page.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]!);

describe.skipIf(!existsSync(BIN))('kehoach audit --split (the built bin)', () => {
  let corpus = '';
  let provinces: string[] = [];
  beforeAll(async () => {
    corpus = path.join(mkdtempSync(path.join(tmpdir(), 'kehoach-split-')), 'corpus');
    await generateCorpus({ out: corpus, plans: 300, shape: 2023, seed: 5 });
    provinces = readdirSync(path.join(corpus, 'province')).flatMap((d) => readdirSync(path.join(corpus, 'province', d)).map((f) => f.replace(/\.yaml$/, '')));
  }, 60_000);

  it('writes index.html and one page per province of a national audit; every link resolves', () => {
    expect(provinces.length).toBeGreaterThan(1);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'kehoach-split-out-')), 'pages');
    bin(['audit', 'syn-national', '--plans', corpus, '--depth', '3', '--split', out, '--today', TODAY]);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['index.html', ...provinces.map((p) => `${p}.html`)].sort());
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(links(index).sort()).toEqual(provinces.map((p) => `${p}.html`).sort());
    expect(index).toContain('Các trang theo kế hoạch cấp dưới');
    for (const f of files) {
      const page = readFileSync(path.join(out, f), 'utf8');
      for (const l of links(page)) expect(existsSync(path.join(out, l)), `${f} → ${l}`).toBe(true);
      // In-page anchors resolve too: every #findings-… link has its heading.
      for (const [, id] of page.matchAll(/href="#([^"]+)"/g)) expect(page).toContain(`id="${id}"`);
      if (f !== 'index.html') {
        expect(links(page)).toEqual(['index.html']);
        // The province's own matrix and its districts' are on its page.
        expect(page).toContain(`<table class="matrix" data-parent="${f.replace(/\.html$/, '')}">`);
      }
    }
    // No temporary file is left beside the pages.
    expect(files.every((f) => !f.endsWith('.tmp'))).toBe(true);
  }, 120_000);

  it('covers every child of the audit once between its pages (bundled plans: one province with districts)', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'kehoach-split-out-')), 'pages');
    bin(['audit', 'qd-346-ttg-2023', '--plans', 'plans', '--plans', 'examples/thanh-hoa', '--depth', '2', '--split', out, '--today', TODAY]);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'thanh-hoa-172-2023.html']);
    const whole = JSON.parse(bin(['audit', 'qd-346-ttg-2023', '--plans', 'plans', '--plans', 'examples/thanh-hoa', '--depth', '2', '--format', 'json', '--today', TODAY])) as { summaries: { plan: string; parent: string }[] };
    const rows = readdirSync(out).flatMap((f) => [...readFileSync(path.join(out, f), 'utf8').matchAll(/<tr data-plan="([^"]+)" data-parent="([^"]+)"/g)].map((m) => `${m[1]}<${m[2]}`));
    expect(rows.sort()).toEqual(whole.summaries.map((s) => `${s.plan}<${s.parent}`).sort());
  }, 60_000);

  it('refuses --split with another format or -o (exit 2)', () => {
    const r = spawnSync(process.execPath, [BIN, 'audit', 'qd-346-ttg-2023', '--format', 'json', '--split', path.join(tmpdir(), 'never')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--split');
  });
});
