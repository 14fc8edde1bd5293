// The review web view in real headless Chromium (Debian's /usr/bin/chromium through playwright-core), against a
// server the test starts on 127.0.0.1:0: highlights, filters, keyboard triage, persistence across a restart,
// uploads, and inert rendering of hostile text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

/** Generous: CI machines are shared, and a decision is a fetch plus a re-render. */
const POLL = { timeout: 15_000 };
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
let sb: Sandbox;
let srv: Running;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  watchErrors(page, problems);
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    // Bulk actions ask for confirmation; anything else (an alert) would be injected script.
    void (d.type() === 'confirm' ? d.accept() : d.dismiss());
  });
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

const open = (path: string): Promise<void> => openReady(page, srv.url, path);

const mark = (text: string) => page.locator('#text mark.f', { hasText: text }).first();

/** Presses j until the side panel shows the finding whose MT text contains `text`. */
async function jTo(text: string): Promise<void> {
  const total = await page.locator('#text .f[data-n]').count();
  for (let i = 0; i <= total; i++) {
    await page.keyboard.press('j');
    if ((await page.locator('#p-mt').textContent())?.includes(text)) return;
  }
  throw new Error(`j never reached "${text}"`);
}

let scoreAfter = '';
let categoryOfVolodyr = '';

describe('review in the browser', () => {
  it('shows the seed document with Volodyr and theTake highlighted by category', async () => {
    await open('/');
    await page.getByRole('link', { name: SEED_ID }).click();
    await page.locator('html[data-js="ready"]').waitFor();
    for (const word of ['Volodyr', 'theTake']) {
      const m = mark(word);
      await expect.poll(() => m.isVisible(), POLL).toBe(true);
      const cat = (await m.getAttribute('data-cat'))!;
      expect(cat).toMatch(/^[a-z-]+(\/[a-z-]+)?$/);
      expect(await m.getAttribute('class')).toContain(`cat-${cat.replace('/', '--')}`);
      // The category is in the legend, and the highlight is coloured (not the default grey).
      await expect.poll(() => page.locator('.legend-cats li', { hasText: cat }).count(), POLL).toBe(1);
      const bg = await m.evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string);
      expect(bg).not.toBe('rgb(238, 238, 238)');
      if (word === 'Volodyr') categoryOfVolodyr = cat;
    }
    // Hover shows the correction; clicking fills the side panel.
    await mark('Volodyr').hover();
    expect(await mark('Volodyr').evaluate((el) => (globalThis as any).getComputedStyle(el, '::after').content as string)).toContain('Volodymyr');
    await mark('Volodyr').click();
    await expect.poll(() => page.locator('#p-fix').textContent(), POLL).toContain('Volodymyr');
    expect(await page.locator('#p-cat').textContent()).toBe(categoryOfVolodyr);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'review-document.png'), fullPage: false });
  });

  it('filters to one category and the count follows', async () => {
    const option = page.locator('#filter-category option', { hasText: categoryOfVolodyr });
    const label = (await option.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(label)![1]);
    await page.selectOption('#filter-category', categoryOfVolodyr);
    await page.waitForURL(/category=/);
    await page.locator('html[data-js="ready"]').waitFor();
    expect(Number(await page.locator('#matching').textContent())).toBe(expected);
    const cats = await page.locator('#text .f[data-n]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-n') + '|' + e.getAttribute('data-cat')))]);
    expect(cats).toHaveLength(expected);
    expect(cats.every((c) => c.endsWith(`|${categoryOfVolodyr}`))).toBe(true);
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.locator('html[data-js="ready"]').waitFor();
    const all = Number(await page.locator('#matching').textContent());
    expect(all).toBeGreaterThan(expected);
    // From the keyboard: / focuses the filter, arrows choose without reloading, Enter applies.
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    expect(page.url()).not.toContain('category=');
    await page.keyboard.press('Enter');
    await page.waitForURL(/category=/);
    await page.locator('html[data-js="ready"]').waitFor();
    expect(Number(await page.locator('#matching').textContent())).toBeLessThan(all);
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.locator('html[data-js="ready"]').waitFor();
  });

  it('accepts one finding and rejects another with the keyboard; the score recomputes', async () => {
    const penaltyBefore = Number(await page.locator('#penalty').textContent());
    await page.locator('#text').click({ position: { x: 2, y: 2 } });
    await jTo('Volodyr');
    await page.keyboard.press('a');
    await expect.poll(() => mark('Volodyr').getAttribute('data-status'), POLL).toBe('accepted');
    await jTo('theTake');
    await page.keyboard.press('r');
    await expect.poll(() => mark('theTake').getAttribute('data-status'), POLL).toBe('rejected');
    expect(await mark('theTake').getAttribute('class')).toContain('st-rejected');
    await expect.poll(async () => Number(await page.locator('#penalty').textContent()), POLL).toBeLessThan(penaltyBefore);
    expect(await page.locator('#decided').textContent()).toBe('2');
    scoreAfter = (await page.locator('#score').textContent())!;
    // c and s open the category and severity pickers: arrows choose, Enter applies once, Esc reverts.
    await page.keyboard.press('k');
    expect(await page.locator('#p-mt').textContent()).toContain('theTake');
    await page.keyboard.press('c');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('p-set-cat');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.evaluate('document.activeElement && document.activeElement.className')).toContain('current');
    await page.keyboard.press('s');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => mark('theTake').getAttribute('data-sev'), POLL).toBe('neutral');
    const thetakeId = (await mark('theTake').getAttribute('data-id'))!;
    const fields = srv.store.history(SEED_ID, thetakeId).map((h) => h.field);
    expect(fields).toEqual(['status', 'severity']); // one severity change, no category change from the arrows
    expect(await mark('theTake').getAttribute('data-cat')).toBe(await mark('theTake').getAttribute('data-ecat'));
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('#help').isVisible(), POLL).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('keeps both decisions and the recomputed score across a server restart', async () => {
    const dbPath = sb.dbPath;
    await srv.stop();
    srv = await serve(sb);
    expect(srv.store.path).toBe(dbPath);
    await open(`/doc/${SEED_ID}`);
    expect(await mark('Volodyr').getAttribute('data-status')).toBe('accepted');
    expect(await mark('theTake').getAttribute('data-status')).toBe('rejected');
    expect(await page.locator('#score').textContent()).toBe(scoreAfter);
    expect(await page.locator('#decided').textContent()).toBe('2');
    await mark('Volodyr').click();
    expect(await page.locator('#p-decision').textContent()).toMatch(/^accepted by tester/);
    await page.screenshot({ path: join(ARTIFACTS, 'review-document-decided.png'), fullPage: false });
  });

  it('adds a pair through the upload form (files)', async () => {
    await open('/upload');
    await page.fill('input[name="name"]', 'e2e pair');
    await page.setInputFiles('input[name="mtFile"]', { name: 'mt.txt', mimeType: 'text/plain', buffer: Buffer.from('The summit of theTake took place in July 2023.\n') });
    await page.setInputFiles('input[name="correctedFile"]', { name: 'corrected.txt', mimeType: 'text/plain', buffer: Buffer.from('The summit of NATO took place in July 2023.\n') });
    await page.getByRole('button', { name: 'Audit and add' }).click();
    await page.waitForURL(/\/doc\/upload-e2e-pair$/);
    await page.locator('html[data-js="ready"]').waitFor();
    expect(await mark('theTake').isVisible()).toBe(true);
    await open('/');
    expect(await page.locator('tr[data-doc="upload-e2e-pair"]').count()).toBe(1);
  });

  it('shows bad input on the upload page, not a stack trace', async () => {
    await open('/upload');
    await page.fill('textarea[name="mtText"]', 'Only one side.');
    await page.getByRole('button', { name: 'Audit and add' }).click();
    await page.locator('#upload-error').waitFor();
    expect(await page.locator('#upload-error').textContent()).toContain('Corrected text: give a file or paste the text');
    expect(await page.locator('textarea[name="mtText"]').inputValue()).toBe('Only one side.');
    // Chromium logs the page's own 400 status as a console error: that one is expected here, and only that one.
    const expected = problems.filter((p) => /status of 400/.test(p));
    expect(expected).toHaveLength(1);
    problems.splice(0, problems.length, ...problems.filter((p) => !expected.includes(p)));
  });

  it('renders <script> and attribute-breaking text inert', async () => {
    await open('/upload');
    await page.fill('input[name="name"]', 'hostile');
    await page.fill('textarea[name="mtText"]', 'Say <script>window.__pwned=1;alert(1)</script> then " onmouseover="window.__pwned=2" x <b>bold</b>.');
    await page.fill('textarea[name="correctedText"]', 'Said <script>window.__pwned=3;alert(3)</script> then " onmouseover="window.__pwned=4" y <b>bold</b>.');
    await page.getByRole('button', { name: 'Audit and add' }).click();
    await page.waitForURL(/\/doc\/upload-hostile$/);
    for (const layout of ['highlight', 'side', 'diff']) {
      await open(`/doc/upload-hostile?layout=${layout}`);
      expect(await page.locator('#text script, #text b, #text [onmouseover]').count()).toBe(0);
      expect(await page.locator('#text').textContent()).toContain('<script>');
      for (const el of await page.locator('#text .f').all()) {
        await el.hover();
        await el.click();
      }
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
    }
    expect(dialogs.filter((d) => !d.startsWith('confirm'))).toEqual([]);
  });

  it('had no console errors (a CSP violation would be one)', () => {
    expect(problems).toEqual([]);
  });
});
