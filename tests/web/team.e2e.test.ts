// A shared server in real Chromium: bound to 0.0.0.0 (reached over 127.0.0.1), it does not start before an
// account exists and refuses requests without a session; two reviewers log in and disagree on a finding, the lead
// sees the disagreement and settles it; every decision is recorded under the account; logging out ends it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { SEED_ID, sandbox, type Sandbox } from './helpers.js';

const POLL = { timeout: 15_000 };
const PW = { ana: 'ana-password-1', ben: 'ben-password-2', lea: 'lea-password-3' };
let sb: Sandbox;
let store: Store;
let srv: RunningServer;
let base: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  sb = sandbox();
  store = openStore(sb.dbPath);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await srv?.close();
  store?.close();
  sb?.cleanup();
});

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

async function login(page: Page, name: keyof typeof PW): Promise<void> {
  await page.goto(new URL(`/doc/${SEED_ID}`, base).href);
  await page.waitForURL(/\/login\?next=/);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', PW[name]);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(new RegExp(`/doc/${SEED_ID}$`));
  await page.locator('html[data-js="ready"]').waitFor();
  expect(await page.locator('#whoami').textContent()).toBe(name);
}

const mark = (page: Page, text: string) => page.locator('#text mark.f', { hasText: text }).first();

async function decide(page: Page, text: string, key: 'a' | 'r'): Promise<void> {
  await page.locator('#text').click({ position: { x: 2, y: 2 } });
  const total = await page.locator('#text .f[data-n]').count();
  for (let i = 0; i <= total; i++) {
    await page.keyboard.press('j');
    if ((await page.locator('#p-mt').textContent())?.includes(text)) break;
  }
  await page.keyboard.press(key);
  await expect.poll(() => mark(page, text).getAttribute('data-status'), POLL).toBe(key === 'a' ? 'accepted' : 'rejected');
}

describe('a team server on 0.0.0.0', () => {
  it('does not start before an account exists', async () => {
    await expect(startServer({ root: sb.texts, dataDir: sb.dataDir, store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/there are no accounts yet/);
    store.accounts.add('ana', 'reviewer', PW.ana);
    store.accounts.add('ben', 'reviewer', PW.ben);
    store.accounts.add('lea', 'lead', PW.lea);
    srv = await startServer({ root: sb.texts, dataDir: sb.dataDir, store, host: '0.0.0.0', port: 0 });
    await srv.app.audits.warm();
    expect(srv.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    base = `http://127.0.0.1:${new URL(srv.url).port}/`;
  });

  it('refuses a request without a session', async () => {
    const api = await fetch(new URL(`/doc/${SEED_ID}/export.json`, base), { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    const page = await newPage();
    const res = await page.goto(new URL(`/doc/${SEED_ID}`, base).href);
    expect(page.url()).toContain('/login?next=');
    expect(res?.status()).toBe(200);
    expect(await page.locator('#text').count()).toBe(0);
  });

  let volodyrId = '';
  it('records a reviewer’s decision under the account', async () => {
    const ana = await newPage();
    await login(ana, 'ana');
    // The reviewer field of the single-user page is gone: the name is the account's.
    expect(await ana.locator('#reviewer-name').count()).toBe(0);
    await decide(ana, 'Volodyr', 'a');
    volodyrId = (await mark(ana, 'Volodyr').getAttribute('data-id'))!;
    expect(store.decisions(SEED_ID).get(volodyrId)).toMatchObject({ status: 'accepted', reviewer: 'ana' });
  });

  it('shows a second reviewer’s conflicting decision to the lead, who settles it', async () => {
    const ben = await newPage();
    await login(ben, 'ben');
    await decide(ben, 'Volodyr', 'r');
    expect(store.history(SEED_ID, volodyrId).map((h) => `${h.reviewer}:${h.to}`)).toEqual(['ana:accepted', 'ben:rejected']);
    // A reviewer sees the disagreement but has no buttons to settle it.
    await ben.reload();
    await ben.locator('#disputes').waitFor();
    expect(await ben.locator('#disputes form.arbitrate').count()).toBe(0);

    const lea = await newPage();
    await login(lea, 'lea');
    const item = lea.locator(`#disputes li.dispute[data-id="${volodyrId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/ana: accepted · ben: rejected/);
    await item.getByRole('button', { name: 'Accept' }).click();
    await lea.waitForURL(new RegExp(`/doc/${SEED_ID}`));
    await lea.locator('html[data-js="ready"]').waitFor();
    expect(await lea.locator('#disputes').count()).toBe(0);
    expect(await mark(lea, 'Volodyr').getAttribute('data-status')).toBe('accepted');
    expect(store.decisions(SEED_ID).get(volodyrId)).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(store.history(SEED_ID, volodyrId).at(-1)).toMatchObject({ reviewer: 'lea', field: 'arbitration', to: 'accepted' });
  });

  it('logs out', async () => {
    const ana = await newPage();
    await login(ana, 'ana');
    await ana.locator('#logout').click();
    await ana.waitForURL(/\/login$/);
    await ana.goto(new URL(`/doc/${SEED_ID}`, base).href);
    expect(ana.url()).toContain('/login?next=');
  });

  it('had no page errors', () => {
    expect(problems).toEqual([]);
  });
});
