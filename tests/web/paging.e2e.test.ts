// Paging in the browser: a long document is shown 100 segments at a time, and keyboard triage crosses pages
// (j on the last finding of a page opens the next page with its first finding selected; k the other way).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/web/view-model.js';
import { sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;
let browser: Browser;
let page: Page;
const SEGMENTS = PAGE_SIZE + 30;

beforeAll(async () => {
  sb = sandbox();
  const dir = join(sb.texts, 'long');
  mkdirSync(dir);
  const lines = (fix: boolean) => Array.from({ length: SEGMENTS }, (_, i) => `Line ${i + 1} of the report was ${fix ? 'received' : 'recieved'} on time.`).join('\n') + '\n';
  writeFileSync(join(dir, 'mt.txt'), lines(false));
  writeFileSync(join(dir, 'corrected.txt'), lines(true));
  srv = await serve(sb, { auditOptions: { segmentation: 'lines' } });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

it('shows one page of segments and moves across pages with j and k', async () => {
  await page.goto(new URL('/doc/long', srv.url).href);
  await page.locator('html[data-js="ready"]').waitFor();
  expect(await page.locator('#text .row[data-seg]').count()).toBe(PAGE_SIZE);
  expect(await page.locator('.pager').textContent()).toContain('Page 1 of 2');
  // k with nothing selected takes the last finding of the page; j from there opens page 2 at its first finding.
  await page.keyboard.press('k');
  expect(await page.locator('#p-where').textContent()).toContain(`line ${PAGE_SIZE},`);
  await page.keyboard.press('j');
  await page.waitForURL(/page=2#first$/);
  await page.locator('html[data-js="ready"]').waitFor();
  expect(await page.locator('#text .row[data-seg]').count()).toBe(SEGMENTS - PAGE_SIZE);
  expect(await page.locator('#p-where').textContent()).toContain(`line ${PAGE_SIZE + 1},`);
  await page.keyboard.press('k');
  await page.waitForURL(/#last$/);
  await page.locator('html[data-js="ready"]').waitFor();
  expect(await page.locator('#p-where').textContent()).toContain(`line ${PAGE_SIZE},`);
});
