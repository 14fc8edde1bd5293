// Editing a segment's correction in place, in real headless Chromium: the corrected file is rewritten, the document
// re-audited, decisions on findings the edit did not touch survive, the change is in the history, and the new
// post-edit downloads as plain text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

const POLL = { timeout: 15_000 };
let sb: Sandbox;
let srv: Running;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watchErrors(page, problems);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

const open = (path: string): Promise<void> => openReady(page, srv.url, path);
async function exportJson(): Promise<Report> {
  return (await (await fetch(new URL(`/doc/${SEED_ID}/export.json`, srv.url))).json()) as Report;
}
const mark = (text: string) => page.locator('#text .seg.mt mark.f', { hasText: text }).first();

describe('editing the correction in place', () => {
  it('rewrites the segment, re-audits, keeps decisions on untouched findings, logs the change', async () => {
    const correctedPath = join(sb.texts, SEED_ID, 'corrected.txt');
    const before = await exportJson();
    const doc = before.documents[0]!;
    const volodyr = doc.findings.find((f) => f.mt.text === 'Volodyr')!;
    const thetake = doc.findings.find((f) => f.mt.text.includes('theTake'))!;
    expect(volodyr.segment).not.toBe(thetake.segment);
    srv.store.decide(SEED_ID, volodyr.id, { status: 'accepted' }, 'tester');
    srv.store.decide(SEED_ID, thetake.id, { status: 'accepted' }, 'tester');
    const seg = doc.segments[thetake.segment]!;
    const oldCorr = doc.corrected.text.slice(seg.corrected.start, seg.corrected.end);
    // The reviewer decides the MT was right here: the post-editor's word goes back to the MT's.
    expect(thetake.corrected.text).not.toBe('');
    expect(oldCorr).toContain(thetake.corrected.text);
    const mtSeg = oldCorr.replace(thetake.corrected.text, thetake.mt.text);

    await open(`/doc/${SEED_ID}`);
    await mark('theTake').click();
    await page.keyboard.press('e');
    await expect.poll(() => page.locator('#edit').isVisible(), POLL).toBe(true);
    expect(await page.locator('#edit-text').inputValue()).toBe(oldCorr);
    await page.locator('#edit-text').fill(mtSeg);
    await Promise.all([page.waitForEvent('load'), page.locator('#edit-save').click()]).catch(async (e) => {
      throw new Error(`${(e as Error).message}; the panel said: ${await page.locator('#edit-status').textContent()}`);
    });
    await page.locator('html[data-js="ready"]').waitFor();

    // On disk: only that segment changed.
    const file = readFileSync(correctedPath, 'utf8');
    expect(file).toBe(doc.corrected.text.slice(0, seg.corrected.start) + mtSeg + doc.corrected.text.slice(seg.corrected.end));
    // Re-audited: theTake is no longer a finding; Volodyr's decision survived.
    expect(await page.locator('#text .seg.mt mark.f', { hasText: 'theTake' }).count()).toBe(0);
    expect(await mark('Volodyr').getAttribute('data-status')).toBe('accepted');
    const after = await exportJson();
    expect(after.documents[0]!.findings.find((f) => f.id === volodyr.id)?.decision?.status).toBe('accepted');
    expect(after.documents[0]!.findings.some((f) => f.id === thetake.id)).toBe(false);
    // The edit is in the history (from → to), and the decision on the vanished finding is an orphan there.
    const edit = srv.store.history(SEED_ID).find((h) => h.field === 'correction')!;
    expect(edit).toMatchObject({ findingId: `segment:${thetake.segment}`, from: oldCorr, to: mtSeg, reviewer: 'tester' });
    const hist = await (await fetch(new URL(`/doc/${SEED_ID}/history`, srv.url))).text();
    expect(hist).toContain(thetake.id);
    expect(hist).toContain(`correction of segment ${thetake.segment + 1}`);
    // The new post-edit, as plain text.
    const txt = await fetch(new URL(`/doc/${SEED_ID}/post-edit.txt`, srv.url));
    expect(txt.headers.get('content-disposition')).toContain(`${SEED_ID}.post-edit.txt`);
    expect(await txt.text()).toBe(file);
  });

  it('refuses an added line break or a segment out of range with a 400, and leaves the file alone', async () => {
    const correctedPath = join(sb.texts, SEED_ID, 'corrected.txt');
    const was = readFileSync(correctedPath, 'utf8');
    await open(`/doc/${SEED_ID}`);
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const post = (body: object) =>
      page.evaluate(async ({ url, body, token }) => {
        const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': token! }, body: JSON.stringify(body) });
        return { status: r.status, body: await r.text() };
      }, { url: `/doc/${SEED_ID}/correction`, body, token });
    const nl = await post({ segment: '0', text: 'one\ntwo' });
    expect(nl.status).toBe(400);
    expect(nl.body).toContain('single line');
    const far = await post({ segment: '9999', text: 'x' });
    expect(far.status).toBe(400);
    expect(readFileSync(correctedPath, 'utf8')).toBe(was);
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});
