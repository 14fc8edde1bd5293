import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium through playwright-core (which never downloads a browser of its own), headless and quiet on the
 *  network: the one way every browser test starts it (CHROMIUM_PATH overrides the binary). One browser at a time on
 *  the machine: the browser test files run beside the unit tests (vitest.config.ts), and a lock held from launch to
 *  close keeps two of them from sharing the 2 cores with each other too. */
export async function launchChromium(): Promise<Browser> {
  await lockChromium();
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    browser.on('disconnected', unlockChromium);
    return browser;
  } catch (e) {
    unlockChromium();
    throw e;
  }
}

const LOCK = join(tmpdir(), 'tqa-test-chromium.lock');
const OWNER = join(LOCK, 'pid');

/** Waits for the lock (a directory naming its owner's pid); a lock whose process has died is taken over. */
async function lockChromium(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(OWNER, String(process.pid));
      process.once('exit', unlockChromium);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = NaN;
    try {
      pid = Number(readFileSync(OWNER, 'utf8'));
    } catch {
      // between the owner's mkdir and its write (a crash there leaves an empty lock: stale after 10 s), or released
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10_000) rmSync(LOCK, { recursive: true, force: true });
    }
    if (pid > 0 && !alive(pid)) rmSync(LOCK, { recursive: true, force: true });
    await sleep(100);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlockChromium(): void {
  try {
    if (Number(readFileSync(OWNER, 'utf8')) !== process.pid) return;
  } catch {
    return;
  }
  rmSync(LOCK, { recursive: true, force: true });
  process.removeListener('exit', unlockChromium);
}

/** Collects the page's console errors and uncaught exceptions into `problems` (each browser test asserts it stays
 *  empty). */
export function watchErrors(page: Page, problems: string[]): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Opens `path` of the server at `base` and waits until the page's script has set itself up. */
export async function openReady(page: Page, base: string, path: string): Promise<void> {
  await page.goto(new URL(path, base).href);
  await page.locator('html[data-js="ready"]').waitFor();
}
