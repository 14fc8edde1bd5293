import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium through playwright-core (which never downloads a browser of its own), headless and quiet on the
 *  network: the one way every browser test starts it (CHROMIUM_PATH overrides the binary). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
