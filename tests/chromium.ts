import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium through playwright-core (which never downloads a browser of its own), headless and quiet on the
 *  network: the one way every browser test starts it (CHROMIUM_PATH overrides the binary). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
