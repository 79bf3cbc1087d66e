/**
 * Debian's Chromium for the browser tests (playwright-core, no bundled download): where it is,
 * the flags it runs with, and the message when it is missing. Under CI a missing or broken browser
 * fails the tests that need it; elsewhere they skip with this message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const NOT_FOUND = 'chromium is not on PATH';

/** The first `chromium` executable on PATH (Debian's package installs /usr/bin/chromium). */
export function chromiumOnPath(): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const exe = path.join(dir, 'chromium');
    if (dir && existsSync(exe)) return exe;
  }
  return null;
}

/** Why the browser cannot be used: not installed, or it did not start. */
export const cannotStart = (exe: string, e: unknown): string => `chromium at ${exe} did not start: ${(e as Error).message.split('\n')[0]}`;
export const notInstalled = `${NOT_FOUND} (apt-get install -y chromium)`;

/**
 * Starts the browser with `launch` (given the executable), or says why it cannot: the value, or
 * null and the reason. A test then calls `requireBrowser`.
 */
export async function startBrowser<T>(launch: (exe: string) => Promise<T>): Promise<{ value: T | null; unavailable: string }> {
  const exe = chromiumOnPath();
  if (!exe) return { value: null, unavailable: notInstalled };
  try {
    return { value: await launch(exe), unavailable: '' };
  } catch (e) {
    return { value: null, unavailable: cannotStart(exe, e) };
  }
}

/**
 * Skipping is allowed only on a developer machine without chromium; a chromium that is there but
 * does not start is a failure, and under CI nothing may skip.
 */
export function requireBrowser(unavailable: string, ctx: { skip(): void }, who: string): void {
  if (process.env['CI'] || !unavailable.startsWith(NOT_FOUND)) throw new Error(`browser test cannot run: ${unavailable}`);
  console.warn(`[${who}] skipped: ${unavailable}`);
  ctx.skip();
}

/**
 * What a reader sees of a page: its text as Chromium shows it, code elements (rule ids, kept for
 * the curious) left out.
 */
export async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const c of body.querySelectorAll('code')) c.remove();
    document.body.after(body);
    const text = body.innerText;
    body.remove();
    return text;
  });
}
