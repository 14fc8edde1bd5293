import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { sampleReport } from '../fixtures/report/sample-report.js';

// Opens the HTML report from a file in Chromium, as a user would: it must render with no server and no
// network, run nothing, and show the hostile MT text as text.
describe('html report in a browser', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tqa-html-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders offline, requests nothing, runs no script and shows the text escaped', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, formatHtml(sampleReport()));
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0); // the correction "<b>…</b>" is text, not markup
    const text = await page.locator('.document').nth(1).locator('.text').innerText();
    expect(text).toContain('He wrote <script>alert("x")</script>');
    expect(text).toContain('<b>"bold"</b>');
    expect(text).toContain('👍🏽');
    // Charts are drawn (inline SVG with bars), and the marks link to the table rows.
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(10);
    const firstMark = page.locator('.document').first().locator('.text .f sup a').first();
    const target = (await firstMark.getAttribute('href'))!;
    expect(await page.locator(target).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
