// Several raters on one document, in real headless Chromium, single-user mode (raters are names): ana rates in the
// browser, ben over HTTP; the merged view lists who decided what and marks the disagreements, the agreement is on
// the page (checked against values computed by hand below), a rater's own view shows only their decisions, another
// rater's view is read-only, and a lead's resolution from the merged view is the final decision. 1400 px and 390 px.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { Client, sandbox, SEED_ID, serve, type Running, type Sandbox } from './helpers.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const POLL = { timeout: 15_000 };
let sb: Sandbox;
let srv: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

/** A browser session whose single-user reviewer name is `name` (the page's name cookie). */
async function as(name: string, width = 1400): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 1000 } });
  contexts.push(ctx);
  await ctx.addCookies([{ name: 'tqa_reviewer', value: name, url: srv.url }]);
  const page = watchErrors(await ctx.newPage(), problems);
  page.on('dialog', (d) => void d.accept());
  return page;
}

// Five findings the seed's audit calls fluency/grammar, minor (the first five in the text): X1, X2, Y, W, Z.
let ids: string[] = [];

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb);
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

const mark = (page: Page, id: string) => page.locator(`#text .f[data-id="${id}"]`).first();

describe('several raters', () => {
  it('keeps each rater’s decisions: ana in the browser, ben over HTTP', async () => {
    const ana = await as('ana');
    await openReady(ana, srv.url, `/doc/${SEED_ID}`);
    ids = [...new Set(await ana.locator('#text .f[data-cat="fluency/grammar"][data-sev="minor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!)))].slice(0, 5);
    expect(ids).toHaveLength(5);
    const [x1, x2, y, w, z] = ids as [string, string, string, string, string];
    for (const [id, key] of [[x1, 'a'], [x2, 'a'], [y, 'r'], [w, 'r']] as const) {
      await mark(ana, id).click();
      await ana.keyboard.press(key);
      await expect.poll(() => mark(ana, id).getAttribute('data-status'), POLL).toBe(key === 'a' ? 'accepted' : 'rejected');
    }
    // Z: recategorised (counts as accepted, with ana's category).
    await mark(ana, z).click();
    await ana.locator('#p-set-cat').selectOption('style/awkward');
    await expect.poll(() => mark(ana, z).getAttribute('data-cat'), POLL).toBe('style/awkward');

    const ben = new Client(srv.url);
    await ben.request('/reviewer', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `reviewer=ben&_csrf=${encodeURIComponent(await ben.token('/'))}` });
    const token = await ben.token(`/doc/${SEED_ID}`);
    for (const [id, action] of [[x1, 'accept'], [x2, 'accept'], [y, 'accept'], [w, 'reject'], [z, 'accept']] as const) {
      const res = await ben.postJson(`/doc/${SEED_ID}/decide`, { findingId: id, action }, token);
      expect(res.status).toBe(200);
    }
    const mine = srv.store.raterDecisions(SEED_ID);
    expect([...mine.keys()].sort()).toEqual(['ana', 'ben']);
    expect(mine.get('ana')!.get(y)?.status).toBe('rejected');
    expect(mine.get('ben')!.get(y)?.status).toBe('accepted');
    expect(mine.get('ana')!.get(z)).toMatchObject({ status: 'accepted', category: 'style/awkward' });
  });

  it('the merged view: who decided what, disagreements marked, agreement on the page', async () => {
    const [x1, , y, , z] = ids as [string, string, string, string, string];
    const lea = await as('lea');
    await openReady(lea, srv.url, `/doc/${SEED_ID}`);
    expect(await lea.locator('#raters .count').textContent()).toBe('2');
    // Disputed: Y (rejected vs accepted) and Z (two categories); X1 agreed.
    expect(await mark(lea, y).getAttribute('class')).toContain('disputed');
    expect(await mark(lea, z).getAttribute('class')).toContain('disputed');
    expect(await mark(lea, x1).getAttribute('class')).not.toContain('disputed');
    await mark(lea, y).click();
    expect(await lea.locator('#p-votes').textContent()).toBe('ana: rejected · ben: fluency/grammar, minor');
    // By hand, over the five findings both decided, "rejected" being one more label:
    //   categories  ana [G, G, rej, rej, S], ben [G, G, G, rej, G]: p_o = 3/5; p_e = 2/5·4/5 + 2/5·1/5 = 0.4;
    //     Cohen κ = 0.2/0.6 = 0.333; Fleiss: p = (6, 3, 1)/10, P_e = 0.46, κ = (0.6 − 0.46)/0.54 = 0.259.
    //   severities  ana [m, m, rej, rej, m], ben [m, m, m, rej, m]: p_o = 4/5; p_e = 3/5·4/5 + 2/5·1/5 = 0.56;
    //     Cohen κ = 0.24/0.44 = 0.545; Fleiss: p = (7, 3)/10, P_e = 0.58, κ = 0.22/0.42 = 0.524.
    //   per-finding agreement: 3 of 5 findings the same label = 0.600.
    expect(await lea.locator('#ag-items').textContent()).toBe('5');
    expect(await lea.locator('#ag-agreement').textContent()).toBe('0.600');
    expect(await lea.locator('#ag-category').textContent()).toBe('Cohen 0.333 · Fleiss 0.259');
    expect(await lea.locator('#ag-severity').textContent()).toBe('Cohen 0.545 · Fleiss 0.524');
    const json = (await (await fetch(new URL(`/doc/${SEED_ID}/agreement.json`, srv.url))).json()) as { raters: string[]; items: number };
    expect(json).toMatchObject({ raters: ['ana', 'ben'], items: 5 });
    await lea.screenshot({ path: join(ARTIFACTS, 'raters-1400.png') });
    copyFileSync(join(ARTIFACTS, 'raters-1400.png'), join(DOCS, 'screenshot-raters-1400.png'));
  });

  it('a rater’s view shows only that rater’s decisions; another rater’s view is read-only', async () => {
    const [x1, , y, , z] = ids as [string, string, string, string, string];
    const ana = await as('ana');
    await openReady(ana, srv.url, `/doc/${SEED_ID}`);
    await Promise.all([ana.waitForURL(/rater=ben/), ana.locator('#rater-select').selectOption('ben')]);
    await ana.locator('html[data-js="ready"]').waitFor();
    expect(await ana.locator('#rater-banner').textContent()).toContain('read-only: you are ana');
    expect(await mark(ana, y).getAttribute('data-status')).toBe('accepted');
    expect(await mark(ana, z).getAttribute('data-cat')).toBe('fluency/grammar');
    expect(await ana.locator('#bulk').count()).toBe(0);
    await mark(ana, x1).click();
    await ana.keyboard.press('r');
    await expect.poll(() => ana.locator('#p-status').textContent(), POLL).toContain('read-only');
    expect(srv.store.raterDecisions(SEED_ID).get('ana')!.get(x1)?.status).toBe('accepted');
    const refused = await (async () => {
      const c = new Client(srv.url);
      const t = await c.token(`/doc/${SEED_ID}`);
      return c.postJson(`/doc/${SEED_ID}/decide`, { findingId: x1, action: 'reject', rater: 'ben' }, t);
    })();
    expect(refused.status).toBe(403);
    // Her own view: her decisions, filters and paging keep the rater.
    await openReady(ana, srv.url, `/doc/${SEED_ID}?rater=ana&status=rejected`);
    expect(await ana.locator('#rater-banner').textContent()).not.toContain('read-only');
    expect(await ana.locator('#matching').textContent()).toBe('2');
    expect(await mark(ana, y).getAttribute('data-status')).toBe('rejected');
    expect(await ana.locator('#filters input[name="rater"]').inputValue()).toBe('ana');
    expect((await fetch(new URL(`/doc/${SEED_ID}?rater=nobody`, srv.url))).status).toBe(404);
  });

  it('a lead resolves from the merged view; the resolution is final, the history keeps everyone', async () => {
    const [, , y, , z] = ids as [string, string, string, string, string];
    const lea = await as('lea');
    await openReady(lea, srv.url, `/doc/${SEED_ID}`);
    const itemY = lea.locator(`#disputes li.dispute[data-id="${y}"]`);
    expect(await itemY.textContent()).toMatch(/ana: rejected · ben: accepted/);
    await Promise.all([lea.waitForURL(new RegExp(`/doc/${SEED_ID}`)), itemY.getByRole('button', { name: 'Accept' }).click()]);
    await lea.locator('html[data-js="ready"]').waitFor();
    const itemZ = lea.locator(`#disputes li.dispute[data-id="${z}"]`);
    expect(await itemZ.textContent()).toContain('ana: accepted (style/awkward)');
    await Promise.all([lea.waitForURL(new RegExp(`/doc/${SEED_ID}`)), itemZ.getByRole('button', { name: "Take ana's" }).click()]);
    await lea.locator('html[data-js="ready"]').waitFor();
    expect(await lea.locator('#disputes').count()).toBe(0);
    expect(srv.store.decisions(SEED_ID).get(y)).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(srv.store.decisions(SEED_ID).get(z)).toMatchObject({ status: 'accepted', category: 'style/awkward', reviewer: 'lea' });
    expect(await mark(lea, z).getAttribute('data-cat')).toBe('style/awkward');
    await mark(lea, y).click();
    expect(await lea.locator('#p-votes').textContent()).toBe('ana: rejected · ben: fluency/grammar, minor · resolved by lea (accepted)');

    // ana insists on Y in the merged view: her own rating changes, the final decision stays lea's.
    const ana = await as('ana');
    await openReady(ana, srv.url, `/doc/${SEED_ID}`);
    await mark(ana, y).click();
    await ana.keyboard.press('r');
    await expect.poll(() => ana.locator('#p-status').textContent(), POLL).toContain("lea's resolution (accepted) stays the final decision");
    expect(srv.store.decisions(SEED_ID).get(y)).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(srv.store.history(SEED_ID, y).map((h) => `${h.reviewer}:${h.field}:${h.to}`)).toEqual([
      'ana:status:rejected',
      'ben:status:accepted',
      'lea:status:accepted',
      'lea:arbitration:accepted',
      'ana:status:rejected',
    ]);
    // The exports count the resolution.
    const csv = await (await fetch(new URL(`/doc/${SEED_ID}/export.json`, srv.url))).json() as { documents: Array<{ findings: Array<{ id: string; decision?: { status: string } }> }> };
    expect(csv.documents[0]!.findings.find((f) => f.id === y)?.decision?.status).toBe('accepted');
  });

  it('fits 390 px: merged view and a rater view, no sideways scroll', async () => {
    const ana = await as('ana', 390);
    for (const path of [`/doc/${SEED_ID}`, `/doc/${SEED_ID}?rater=ben`]) {
      await openReady(ana, srv.url, path);
      const { sw, iw } = await ana.evaluate(() => { const g = globalThis as any; return { sw: g.document.documentElement.scrollWidth as number, iw: g.innerWidth as number }; });
      expect(iw).toBe(390);
      expect(sw, path).toBeLessThanOrEqual(iw);
    }
    await openReady(ana, srv.url, `/doc/${SEED_ID}`);
    await ana.locator('#raters').scrollIntoViewIfNeeded();
    await ana.locator('#raters').screenshot({ path: join(ARTIFACTS, 'raters-390.png') });
    copyFileSync(join(ARTIFACTS, 'raters-390.png'), join(DOCS, 'screenshot-raters-390.png'));
    expect(problems).toEqual([]);
  });
});
