// Small screens and tooltips, in real headless Chromium: at 390 px no page scrolls sideways (index, document,
// history, login), a tapped finding's panel is a bottom sheet on screen, and a tooltip never covers the line it
// belongs to. Screenshots at 1400 px and 390 px go to tests/artifacts/ (copied to docs/ for the README).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

const POLL = { timeout: 15_000 };
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
let sb: Sandbox;
let srv: Running;
let team: Running;
let teamSb: Sandbox;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sb = sandbox();
  srv = await serve(sb);
  // A second server with an account, for the login page (a single-user server has none).
  teamSb = sandbox();
  team = await serve(teamSb, {}, { noWarm: true });
  team.store.accounts.add('ana', 'reviewer', 'correct horse battery');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  await team?.stop();
  sb?.cleanup();
  teamSb?.cleanup();
});

async function newPage(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, ...(width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  return watchErrors(page, problems);
}

const open = openReady;

/** The page's width against the viewport, and the widest elements that stick out (for a readable failure). */
async function overflow(page: Page, width = 390): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const w = globalThis as any;
    const d = w.document;
    const culprits: string[] = [];
    for (const el of d.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && culprits.length < 8) culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
    return { scrollWidth: d.documentElement.scrollWidth, innerWidth: w.innerWidth, culprits };
  }, width);
}

describe('at 390 px', () => {
  it('no page scrolls sideways: index, document (every layout), history, login', async () => {
    const page = await newPage(390, 844);
    const pages: Array<[string, string]> = [
      [srv.url, '/'],
      [srv.url, `/doc/${SEED_ID}`],
      [srv.url, `/doc/${SEED_ID}?layout=side`],
      [srv.url, `/doc/${SEED_ID}?layout=diff`],
      [srv.url, `/doc/${SEED_ID}/history`],
      [team.url, '/login'],
    ];
    for (const [base, path] of pages) {
      await open(page, base, path);
      const o = await overflow(page);
      // A phone widens its layout viewport to the content: innerWidth staying 390 is what shows nothing overflows.
      expect({ path, innerWidth: o.innerWidth, culprits: o.scrollWidth <= 390 ? [] : o.culprits }).toEqual({ path, innerWidth: 390, culprits: [] });
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    }
    await page.close();
  });

  it('a tapped finding opens its panel as a bottom sheet on screen, next to the span', async () => {
    const page = await newPage(390, 844);
    await open(page, srv.url, `/doc/${SEED_ID}`);
    await page.screenshot({ path: join(ARTIFACTS, 'mobile-document.png') });
    const m = page.locator('#text mark.f', { hasText: 'Volodyr' }).first();
    await m.scrollIntoViewIfNeeded();
    await m.tap();
    const panel = page.locator('#panel');
    await expect.poll(() => page.locator('#p-mt').textContent(), POLL).toContain('Volodyr');
    const box = (await panel.boundingBox())!;
    const span = (await m.boundingBox())!;
    // The sheet is on screen (not 4,000 px below), at the bottom, and the tapped span stays visible above it.
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    expect(box.width).toBeLessThanOrEqual(390);
    expect(span.y + span.height).toBeLessThanOrEqual(box.y);
    expect(span.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'mobile-finding.png') });
    await page.locator('#p-close').tap();
    await expect.poll(() => panel.isVisible(), POLL).toBe(false);
    const o = await overflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    await page.close();
  });
});

describe('at 1400 px', () => {
  it('a tooltip never covers its own highlighted line', async () => {
    const page = await newPage(1400, 1000);
    await open(page, srv.url, `/doc/${SEED_ID}`);
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-document.png') });
    const marks = page.locator('#text .seg.mt mark.f:not(.caret)');
    const n = Math.min(await marks.count(), 6);
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const m = marks.nth(i);
      await m.hover();
      const { tip, line } = await m.evaluate((el) => {
        const w = globalThis as any;
        const st = w.getComputedStyle(el, '::after');
        const r = el.getBoundingClientRect();
        // The ::after box: its offsets are relative to the mark (position: relative), its height from the style.
        const bottom = r.top + r.height - parseFloat(st.bottom);
        const top = bottom - parseFloat(st.height);
        return { tip: { top, bottom, content: st.content }, line: { top: r.top, bottom: r.bottom } };
      });
      expect(tip.content).not.toBe('none');
      // Either wholly above the span's line or wholly below it: never over it.
      expect(tip.bottom <= line.top + 0.5 || tip.top >= line.bottom - 0.5).toBe(true);
    }
    await page.close();
  });

  it('had no console errors', () => {
    expect(problems).toEqual([]);
  });
});
