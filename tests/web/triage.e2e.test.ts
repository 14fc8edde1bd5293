// Triage in a big document, in real headless Chromium: recategorising counts as reviewed, bulk actions keep the
// page and the filters, a jump to a segment number, a server-side search that pages, and a help overlay that
// lists every key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, serve, type Running, type Sandbox } from './helpers.js';

const POLL = { timeout: 15_000 };
const BIG = 'big-pair';
const N = 230;
let sb: Sandbox;
let srv: Running;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** Line i (1-based): one article error per line; line 150 alone mentions a zebra. */
const mtLine = (i: number) => `Sentence number ${i} is about a ${i === 150 ? 'zebra' : 'apple'} in the garden.`;
const corrLine = (i: number) => `Sentence number ${i} is about ${i === 150 ? 'a zebra' : 'an apple'} in the garden.`;

beforeAll(async () => {
  sb = sandbox();
  mkdirSync(join(sb.texts, BIG));
  const lines = (f: (i: number) => string) => Array.from({ length: N }, (_, k) => f(k + 1)).join('\n') + '\n';
  writeFileSync(join(sb.texts, BIG, 'mt.txt'), lines(mtLine));
  writeFileSync(join(sb.texts, BIG, 'corrected.txt'), lines(corrLine));
  srv = await serve(sb);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watchErrors(page, problems);
  page.on('dialog', (d) => void d.accept());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

const open = (path: string): Promise<void> => openReady(page, srv.url, path);

describe('triage in a big document', () => {
  it('counts a recategorised open finding as reviewed (accepted), not "open by"', async () => {
    await open(`/doc/${BIG}`);
    expect(await page.locator('#decided').textContent()).toBe('0');
    await page.keyboard.press('j');
    const id = await page.locator('#p-id').inputValue();
    const found = (await page.locator('#p-cat').textContent())!;
    const other = found === 'style/awkward' ? 'fluency/grammar' : 'style/awkward';
    await page.locator('#p-set-cat').selectOption(other);
    await expect.poll(() => page.locator('#decided').textContent(), POLL).toBe('1');
    expect(await page.locator('#p-decision').textContent()).toMatch(/^accepted by tester/);
    expect(srv.store.decisions(BIG).get(id)).toMatchObject({ status: 'accepted', category: other });
  });

  it('bulk actions come back to the same page with the same filters', async () => {
    await open(`/doc/${BIG}?status=open&page=2`);
    expect(await page.locator('.pager span').textContent()).toContain('Page 2 of');
    const matching = Number(await page.locator('#matching').textContent());
    await Promise.all([page.waitForURL(/status=open/), page.locator('#bulk button[value="reject"]').click()]);
    await page.locator('html[data-js="ready"]').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/doc/${BIG}`);
    expect(url.searchParams.get('status')).toBe('open');
    expect(url.searchParams.get('page')).toBe('2');
    // Every open finding was rejected: the decided count is the one recategorised plus all of them.
    const decided = [...srv.store.decisions(BIG).values()];
    expect(decided.filter((d) => d.status === 'rejected')).toHaveLength(matching);
  });

  it('jumps to a segment number: its page, its row in view', async () => {
    await open(`/doc/${BIG}`);
    await page.keyboard.press('g');
    await page.locator('#find-seg').fill('150');
    await Promise.all([page.waitForURL(/seg=150/), page.keyboard.press('Enter')]);
    await page.locator('html[data-js="ready"]').waitFor();
    expect(await page.locator('.pager span').textContent()).toContain(`Page 2 of ${Math.ceil(N / 100)}`);
    const row = page.locator('#seg-150');
    expect(await row.getAttribute('class')).toContain('jumped');
    expect(await row.textContent()).toContain('zebra');
    const inView = await row.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= (globalThis as any).innerHeight;
    });
    expect(inView).toBe(true);
    await open(`/doc/${BIG}?seg=999`);
    expect(await page.locator('#find-missing').textContent()).toContain(`the document has ${N}`);
    const bad = await fetch(new URL(`/doc/${BIG}?seg=abc`, srv.url));
    expect(bad.status).toBe(400);
  });

  it('searches the text on the server and pages through the hits', async () => {
    await open(`/doc/${BIG}`);
    await page.keyboard.press('f');
    await page.locator('#find-q').fill('ZEBRA');
    await Promise.all([page.waitForURL(/q=ZEBRA/), page.keyboard.press('Enter')]);
    expect(await page.locator('#find-count').textContent()).toBe('1 segment contain “ZEBRA”');
    expect(await page.locator('#text .row[data-seg]').count()).toBe(1);
    // "number 1" is in lines 1, 10–19 and 100–199: 111 segments, two pages; Next keeps the search.
    await open(`/doc/${BIG}?q=${encodeURIComponent('number 1 ')}`);
    expect(await page.locator('#find-count').textContent()).toBe('111 segments contain “number 1”');
    await Promise.all([page.waitForURL(/page=2/), page.locator('.pager a[rel="next"]').click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('number 1');
    expect(await page.locator('#text .row[data-seg]').count()).toBe(11);
  });

  it('bulk actions act on exactly what the filters and the search show, and keep both', async () => {
    // After the tests above: segment 1 accepted (recategorised), every other finding rejected; segment 150 has none.
    // "number 1" is in segments 1, 10–19 and 100–199 (111): 109 rejected findings among them, by hand.
    const q = 'number 1';
    await open(`/doc/${BIG}?status=rejected&q=${encodeURIComponent(q)}&page=2`);
    expect(await page.locator('#bulk-count b').textContent()).toBe('109');
    await Promise.all([page.waitForURL(/page=2/), page.locator('#bulk button[value="accept"]').click()]);
    await page.locator('html[data-js="ready"]').waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('status'), url.searchParams.get('q'), url.searchParams.get('page')]).toEqual(['rejected', q, '2']);
    const report = (await (await fetch(new URL(`/doc/${BIG}/export.json`, srv.url))).json()) as { documents: Array<{ findings: Array<{ id: string; segment: number }> }> };
    const doc = report.documents[0]!;
    const statusOf = (id: string) => srv.store.decisions(BIG).get(id)?.status;
    const hasQ = (seg: number) => mtLine(seg + 1).includes(q);
    for (const f of doc.findings) expect(statusOf(f.id), `segment ${f.segment + 1}`).toBe(hasQ(f.segment) ? 'accepted' : 'rejected');
    expect(doc.findings.filter((f) => hasQ(f.segment))).toHaveLength(110);
  });

  it('the help overlay lists every key', async () => {
    await open(`/doc/${BIG}`);
    await page.keyboard.press('?');
    const keys = await page.locator('#help kbd').allTextContents();
    for (const k of ['j', 'k', 'a', 'r', 'u', 'c', 's', 'm', 'n', '/', 'f', 'g', '?', 'Esc']) expect(keys).toContain(k);
    expect(problems).toEqual([]);
  });
});
