/**
 * The HTML reports in a real browser: Debian's Chromium driven by playwright-core (no
 * bundled browser download). Opens the diff and audit pages for the seed corpus from
 * file://, asserts the Bỉm Sơn vs Thanh Hóa 172 cells (II.1.a late), takes screenshots and
 * a print PDF, and fails if any request leaves the page (only file: and data: URLs pass).
 *
 * With CI set, a browser that cannot start fails the test; without CI and without chromium
 * on PATH the tests skip with a message (install: apt-get install -y chromium).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { FLAGS, readerText, requireBrowser, startBrowser } from '../helpers/browser.js';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildAudit } from '../helpers/reviews.js';
import { buildDiff } from '../helpers/reviews.js';
import { formatAudit } from '../../src/format/audit/index.js';
import { formatDiff } from '../../src/format/diff/index.js';
import { corpusWith, hostile, loadCorpus, TODAY } from './helpers.js';


const tmp = mkdtempSync(path.join(tmpdir(), 'kehoach-browser-'));
let context: BrowserContext | null = null;
let unavailable = '';
/** Every URL the pages asked for that was neither file: nor data:. */
const leaks: string[] = [];

beforeAll(async () => {
  // A fresh profile each run: launchPersistentContext passes it as --user-data-dir.
  ({ value: context, unavailable } = await startBrowser((exe) => chromium.launchPersistentContext(path.join(tmp, 'profile'), { executablePath: exe, headless: true, args: FLAGS, timeout: 60_000 })));
  if (!context) return;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    if (!leaks.includes(url)) leaks.push(url);
    return route.abort();
  });
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !leaks.includes(url)) leaks.push(url);
  });
}, 90_000);

afterAll(async () => {
  await context?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The page for `html`, opened from a file; skips or fails (under CI) without a browser. */
async function open(ctx: TestContext, name: string, html: string): Promise<Page> {
  if (!context) {
    requireBrowser(unavailable, ctx, 'browser.test');
  }
  const file = path.join(tmp, name);
  writeFileSync(file, html, 'utf8');
  const page = await context!.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(tmp, name);
  await page.screenshot({ path: file, fullPage: true });
  const png = readFileSync(file);
  expect(png.length).toBeGreaterThan(1000);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
}

/** What a Vietnamese reader sees on a page (issue 17): no plan id, no internal task key, no ISO date, no English words; the ids and keys of every plan the report read are looked for. */
function expectReaderWords(text: string, corpus: Awaited<ReturnType<typeof loadCorpus>>): void {
  for (const [id, lp] of corpus.plans) {
    expect(text, `plan id ${id}`).not.toContain(id);
    for (const t of lp.plan.tasks) if (t.label && t.label !== t.key) expect(text, `task key ${t.key}`).not.toContain(t.key);
  }
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text).not.toMatch(/\b(the|and|of|is|was|deadline|task|score|match|missing|late|waived|findings?)\b/i);
}

describe('report pages in Chromium', () => {
  it('diff and audit pages speak the reader\'s words: no plan id, task key, ISO date or English (issue 17)', async (ctx) => {
    const corpus = await loadCorpus(['plans', 'examples/thanh-hoa']);
    const d = buildDiff(corpus, 'thanh-hoa-172-2023', 'synthetic-tan-phong-2023', defaultConfig(), 'vi', { today: TODAY });
    const diffPage = await open(ctx, 'diff-words.html', formatDiff('html', d, { color: false }));
    expectReaderWords(await readerText(diffPage), corpus);
    await diffPage.close();
    const a = buildAudit(corpus, 'thanh-hoa-172-2023', { depth: 1, today: TODAY }, defaultConfig(), 'vi');
    const auditPage = await open(ctx, 'audit-words.html', formatAudit('html', a));
    expectReaderWords(await readerText(auditPage), corpus);
    await auditPage.close();
  });

  it('diff: Bỉm Sơn vs Thanh Hóa 172 shows II.1.a as later, in Vietnamese, UTF-8, printable', async (ctx) => {
    const d = buildDiff(await loadCorpus(), 'thanh-hoa-172-2023', 'bim-son-2023', defaultConfig(), 'vi', { today: TODAY });
    const page = await open(ctx, 'diff.html', formatDiff('html', d, { color: false }));
    expect(await page.evaluate(() => [document.documentElement.lang, document.characterSet])).toEqual(['vi', 'UTF-8']);
    const row = page.locator('table.summary tr[data-parent="II.1.a"]');
    await expect(row.getAttribute('data-marks')).resolves.toBe('later');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual(['II.1.a', 'II.1.a', 'muộn hơn', 'Quý III năm 2023', 'Quý IV năm 2023']);
    expect((await page.locator('table.summary tr[data-parent="II.1.b"] td.marks').innerText()).trim()).toBe('khớp');
    expect(await page.locator('h1').innerText()).toBe('So sánh kế hoạch cấp dưới với kế hoạch cấp trên');
    expect(await page.locator('body').innerText()).toContain('Ủy ban nhân dân thị xã Bỉm Sơn');
    await screenshot(page, 'diff.png');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
    expect(leaks).toEqual([]);
  });

  it('audit: the matrix cell for Bỉm Sơn at II.1.a is late; the graph is drawn', async (ctx) => {
    const a = buildAudit(await loadCorpus(['plans', 'examples/thanh-hoa']), 'thanh-hoa-172-2023', { depth: 1, today: TODAY }, defaultConfig(), 'vi');
    const page = await open(ctx, 'audit.html', formatAudit('html', a));
    const cell = page.locator('table.matrix td[data-task="II.1.a"][data-child="bim-son-2023"]');
    await expect(cell.getAttribute('data-status')).resolves.toBe('late');
    expect((await cell.innerText()).split('\n')[0]!.trim()).toBe('muộn');
    await expect(page.locator('table.matrix td[data-task="II.1.b"][data-child="bim-son-2023"]').getAttribute('data-status')).resolves.toBe('done');
    await expect(page.locator('table.per-child tr[data-plan="bim-son-2023"]').getAttribute('data-score')).resolves.toBe('88');
    const box = await page.locator('.graph svg').boundingBox();
    expect(box && box.width > 100 && box.height > 50).toBe(true);
    expect(await page.locator('.graph svg g[data-plan]').count()).toBe(5);
    await screenshot(page, 'audit.png');
    await page.close();
    expect(leaks).toEqual([]);
  });

  it('hostile plan text stays text: no script runs, no element is injected', async (ctx) => {
    const d = buildDiff(await corpusWith(hostile), 'thanh-hoa-172-2023', 'bim-son-2023', defaultConfig(), 'vi', { today: TODAY });
    const page = await open(ctx, 'hostile.html', formatDiff('html', d, { color: false }));
    expect(await page.evaluate(() => [document.scripts.length, document.images.length, document.querySelectorAll('b').length])).toEqual([0, 0, 0]);
    expect(await page.locator('.plan[data-plan="bim-son-2023"]').innerText()).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    await page.close();
    expect(leaks).toEqual([]);
  });

  // Last: proves the guard above would see a page that reaches out (then forgets it).
  it('the request guard catches a page that reaches out', async (ctx) => {
    const page = await open(ctx, 'leaky.html', '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><img src="http://kehoach.invalid/x.png"><p>x</p></html>');
    await page.waitForTimeout(200);
    await page.close();
    expect(leaks).toEqual(['http://kehoach.invalid/x.png']);
    leaks.length = 0;
  });
});
