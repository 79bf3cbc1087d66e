/**
 * The reviewer's workspace end to end (issue 18): Debian's Chromium (playwright-core, the
 * `chromium` on PATH, headless) drives `kehoach serve` (the built bin) on a temporary workspace.
 * It uploads the Bỉm Sơn seed as .docx (pandoc, Word list numbering) and a synthetic district
 * (the seed with the town renamed: huyện Minh Sơn, fictitious) as a PDF that Chromium printed;
 * sees the matrix cell for II.1.a of Bỉm Sơn marked late; opens the diff from it; accepts the
 * late-deadline finding with a reason; reloads and sees it waived; restarts the server and sees it
 * still waived; downloads the review letter and checks it is a Word file naming Bỉm Sơn.
 *
 * Under CI a missing or broken browser (or pandoc) fails the test; without CI and without
 * chromium on PATH it skips with a message (install: apt-get install -y chromium pandoc).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { FLAGS, readerText, requireBrowser, startBrowser } from '../helpers/browser.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPdfs, listMarkdown, pandocDocx, parseSource, typedHtml } from '../helpers/office.js';
import { ROOT, startServe, type Server } from './helpers.js';

const BIM_SON = join(ROOT, 'tests/fixtures/seeds/002_e36d209b1b3f8de2.txt');

const tmp = mkdtempSync(join(tmpdir(), 'kehoach-serve-e2e-'));
const ws = join(tmp, 'gop-y');
let browser: Browser | null = null;
let unavailable = '';
let server: Server | null = null;
/** Requests that left the server (none may: the page is self-contained). */
const leaks: string[] = [];

beforeAll(async () => {
  ({ value: browser, unavailable } = await startBrowser((exe) => chromium.launch({ executablePath: exe, headless: true, args: FLAGS, timeout: 60_000 })));
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function needBrowser(ctx: TestContext): Browser {
  if (!browser) {
    requireBrowser(unavailable, ctx, 'serve-e2e.test');
  }
  return browser!;
}

async function newPage(b: Browser, base: string): Promise<Page> {
  const context = await b.newContext({ acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith('data:') && !leaks.includes(req.url())) leaks.push(req.url());
  });
  return page;
}

/** The documents a district sends: the Bỉm Sơn seed as Word, a synthetic district as PDF. */
async function documents(): Promise<{ docx: string; pdf: string }> {
  const seed = readFileSync(BIM_SON, 'utf8');
  const docx = join(tmp, 'KH Bỉm Sơn.docx');
  pandocDocx(listMarkdown(parseSource(seed)), docx);
  const synthetic = seed.replace(/thị xã Bỉm Sơn/g, 'huyện Minh Sơn').replace(/THỊ XÃ BỈM SƠN/g, 'HUYỆN MINH SƠN').replace(/Bỉm Sơn/g, 'Minh Sơn');
  const pdf = join(tmp, 'KH huyện Minh Sơn (tổng hợp).pdf');
  await chromiumPdfs([{ html: typedHtml(parseSource(synthetic)), outFile: pdf }]);
  return { docx, pdf };
}

/** What a Vietnamese reader sees (issue 17): no plan id, no ISO date, no English words. */
async function expectReaderWords(page: Page): Promise<void> {
  const text = await readerText(page);
  for (const id of ['bim-son-2023', 'minh-son-2023', 'thanh-hoa-172-2023', 'qd-346-ttg-2023', 'thai-nguyen-2023', 'can-tho-2023']) expect(text, `plan id ${id} on ${page.url()}`).not.toContain(id);
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text, page.url()).not.toMatch(/\b(the|and|of|is|was|deadline|task|score|match|missing|late|waived|findings?)\b/i);
}

const cell = (page: Page): ReturnType<Page['locator']> => page.locator('td[data-task="II.1.a"][data-child="bim-son-2023"]');
/** The late-deadline finding in the diff's section the page's address points at (the cell's task). */
const lateFinding = (page: Page): ReturnType<Page['locator']> => page.locator(`section.row${new URL(page.url()).hash || '#row-0'} li[data-rule="late-deadline"]`);

describe('kehoach serve in a browser', () => {
  it('receives a .docx and a .pdf, audits, accepts a finding that survives a restart, and writes the letter', async (ctx) => {
    const b = needBrowser(ctx);
    const { docx, pdf } = await documents();
    server = await startServe(['--workspace', ws], tmp);
    let page = await newPage(b, server.base);

    // The printed address opens the workspace (the token moves into a cookie).
    await page.goto(server.url);
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Rà soát kế hoạch triển khai');

    // Two documents in one upload: progress, then both checked against Thanh Hóa's plan 172.
    await page.setInputFiles('form.upload input[name=files]', [docx, pdf]);
    await page.click('form.upload button[type=submit]');
    await page.waitForSelector('#done', { timeout: 120_000 });
    expect(await page.locator('ol.progress li').count()).toBe(2);
    await page.click('#done');
    const rows = page.locator('table.received tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await page.locator('table.received tr[data-status="checked"]').count()).toBe(2);
    await expect(page.locator('table.received').textContent()).resolves.toContain('KH Bỉm Sơn.docx');
    // The received Bỉm Sơn replaces the bundled one, and the page says so.
    await expect(page.locator('[data-replaced]').textContent()).resolves.toContain('Bỉm Sơn');
    await expectReaderWords(page);

    // The audit of the province's plan: Bỉm Sơn's II.1.a is late; both districts are columns.
    await page.click('a[href="/audit?parent=thanh-hoa-172-2023"]');
    expect(await page.locator('table.matrix th').filter({ hasText: 'Minh Sơn' }).count()).toBe(1);
    expect(await cell(page).getAttribute('data-status')).toBe('late');
    await expectReaderWords(page);

    // The cell opens the diff at that task; the finding is accepted with a reason.
    await cell(page).locator('a').click();
    expect(page.url()).toMatch(/\/district\?parent=thanh-hoa-172-2023&child=bim-son-2023#row-\d+$/);
    await expect(page.locator(`${new URL(page.url()).hash} h3`).textContent()).resolves.toContain('II.1.a');
    await expectReaderWords(page);
    const reason = 'Hội nghị dời sang Quý IV theo Công văn số 12/UBND-NV';
    await lateFinding(page).locator('input[name=reason]').fill(reason);
    await lateFinding(page).locator('button[type=submit]').click();
    await page.waitForSelector('.flash');
    expect(new URL(page.url()).hash).toMatch(/^#row-\d+$/); // back at the finding's row
    await page.reload();
    await expect(lateFinding(page).locator('.waived').count()).resolves.toBe(1);
    await expect(lateFinding(page).textContent()).resolves.toContain(reason);
    // Written into the district's YAML in the workspace; the bundled plans are untouched.
    expect(readFileSync(join(ws, 'plans', 'bim-son-2023.yaml'), 'utf8')).toContain(reason);
    expect(readFileSync(join(ROOT, 'plans/district/thanh-hoa/bim-son-2023.yaml'), 'utf8')).not.toContain(reason);

    // A restart finds everything as it was: a new address, the finding still waived.
    await page.context().close();
    expect(await server.stop()).toBe(0);
    server = await startServe(['--workspace', ws], tmp);
    page = await newPage(b, server.base);
    await page.goto(server.url);
    expect(await page.locator('table.received tr[data-status="checked"]').count()).toBe(2);
    await page.goto(`${server.base}/audit?parent=thanh-hoa-172-2023`);
    expect(await cell(page).getAttribute('data-status')).not.toBe('late'); // a waived finding marks nothing
    await cell(page).locator('a').click();
    await expect(lateFinding(page).locator('.waived').count()).resolves.toBe(1);
    await expect(lateFinding(page).textContent()).resolves.toContain(reason);

    // The review letter: a Word file naming Bỉm Sơn.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-download="letter"]')]);
    const file = join(tmp, 'letter.docx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Bỉm Sơn');

    // English with the switch; back to Vietnamese.
    await page.goto(`${server.base}/`);
    await page.click('a[data-switch="lang"]');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Implementation plan review');
    await page.click('a[data-switch="lang"]');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Rà soát kế hoạch triển khai');
    expect(leaks).toEqual([]);
    writeFileSync(join(tmp, 'ok'), '');
  }, 300_000);
});
