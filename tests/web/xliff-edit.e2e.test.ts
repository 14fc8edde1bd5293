// Editing the correction of an XLIFF document in place, in real headless Chromium: the form shows the unit's
// inline tags as ⟨g1⟩ … ⟨/g1⟩ and ⟨x2/⟩, saving writes the new target into the XLIFF with the file's own tag bytes,
// its BOM and everything outside the target byte for byte, the document is re-audited and the post-edit downloads
// as XLIFF. A legacy-charset XLIFF keeps its charset (a character it lacks becomes a character reference).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { Client, sandbox, serve, type Running, type Sandbox } from './helpers.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'formats', 'xliff12-review.xlf');
const DOC = 'xliff-review';
const LATIN = 'latin-pair';
const POLL = { timeout: 20_000 };
let sb: Sandbox;
let srv: Running;
let browser: Browser;
const problems: string[] = [];
let file: string;
let original: Buffer;

const latinXlf = (target: string) =>
  `<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="fr" datatype="plaintext"><body>\n<trans-unit id="1"><source>Summer is here.</source><target>${target}</target></trans-unit>\n</body></file></xliff>\n`;

beforeAll(async () => {
  sb = sandbox();
  mkdirSync(join(sb.texts, DOC));
  file = join(sb.texts, DOC, 'review.xlf');
  // With a byte-order mark, which the write-back must keep.
  original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(FIXTURE)]);
  writeFileSync(file, original);
  mkdirSync(join(sb.texts, LATIN));
  writeFileSync(join(sb.texts, LATIN, 'mt.xlf'), iconv.encode(latinXlf("L'été est la."), 'latin1'));
  writeFileSync(join(sb.texts, LATIN, 'corrected.xlf'), iconv.encode(latinXlf("L'été est là."), 'latin1'));
  srv = await serve(sb);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  sb?.cleanup();
});

async function pageAt(width: number): Promise<Page> {
  const page = watchErrors(await browser.newPage({ viewport: { width, height: 1000 } }), problems);
  return page;
}

describe('editing the correction of an XLIFF document', () => {
  it('shows the tags readably, writes the new target back with the file’s tags, BOM and bytes', async () => {
    const page = await pageAt(1400);
    await openReady(page, srv.url, `/doc/${DOC}`);
    const row = page.locator('#text .row[data-seg="1"]');
    // The text draws each placeholder by its tag's name (the character stays in the text for selections).
    expect(await row.locator('.seg.mt .tag').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')))).toEqual(['⟨g1⟩', '⟨/g1⟩', '⟨x2/⟩']);
    await row.locator('.f').first().click();
    await page.keyboard.press('e');
    const ta = page.locator('#edit-text');
    expect(await ta.inputValue()).toBe('Ms. Anand said at a press briefing in ⟨g1⟩Finland⟨/g1⟩ that Canada & its allies have been discussing robust security guarantees⟨x2/⟩.');
    await ta.fill('Ms. Anand said at a press briefing in ⟨g1⟩Finland⟨/g1⟩ that Canada and its allies have been discussing robust security guarantees⟨x2/⟩.');
    // Saving re-audits and reloads the page.
    await Promise.all([page.waitForEvent('load', POLL), page.locator('#edit-save').click()]);
    await page.locator('html[data-js="ready"]').waitFor();
    await expect.poll(() => readFileSync(file).includes('Canada and its allies'), POLL).toBe(true);
    const now = readFileSync(file);
    expect([...now.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const oldTarget = '<target state="needs-review-translation">Ms. Anand said at a press briefing in <g id="1">Finland</g> that Canada &amp; its allies have been discussing robust security guarantees<x id="2"/>.</target>';
    const newTarget = '<target state="needs-review-translation">Ms. Anand said at a press briefing in <g id="1">Finland</g> that Canada and its allies have been discussing robust security guarantees<x id="2"/>.</target>';
    const before = original.toString('utf8');
    expect(before).toContain(oldTarget);
    // Only the target's content changed: the rest of the file, byte for byte.
    expect(now.toString('utf8')).toBe(before.replace(oldTarget, newTarget));
    const hist = srv.store.history(DOC).filter((h) => h.field === 'correction');
    expect(hist.map((h) => [h.findingId, h.to])).toEqual([['segment:1', 'Ms. Anand said at a press briefing in ⟨g1⟩Finland⟨/g1⟩ that Canada and its allies have been discussing robust security guarantees⟨x2/⟩.']]);
    // Re-audited: the page shows the new correction for editing.
    await row.locator('.f').first().click();
    await page.keyboard.press('e');
    expect(await page.locator('#edit-text').inputValue()).toContain('Canada and its allies');
    await page.screenshot({ path: join(import.meta.dirname, '..', 'artifacts', 'xliff-edit-1400.png') });
    // The post-edit as XLIFF: the new target, the BOM, approved-target states.
    const dl = await fetch(new URL(`/doc/${DOC}/post-edit.xlf`, srv.url));
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toContain(`${DOC}.post-edit.xlf`);
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('in <g id="1">Finland</g> that Canada and its allies');
    expect(await page.locator('#export-post-edit-xliff').count()).toBe(1);
  });

  it('refuses a tag that is not in the unit and a broken tag pair, leaving the file alone', async () => {
    const c = new Client(srv.url);
    const token = await c.token(`/doc/${DOC}`);
    const before = readFileSync(file);
    const foreign = await c.postJson(`/doc/${DOC}/correction`, { segment: '1', text: 'Ms. Anand ⟨ph1/⟩ said.' }, token);
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { error: string }).error).toContain('⟨ph1/⟩ is not a tag of this unit');
    const broken = await c.postJson(`/doc/${DOC}/correction`, { segment: '1', text: 'Ms. Anand said in ⟨g1⟩Finland.' }, token);
    expect(broken.status).toBe(400);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps a legacy charset: ISO-8859-1 stays ISO-8859-1, € becomes &#x20AC;', async () => {
    const c = new Client(srv.url);
    const token = await c.token(`/doc/${LATIN}`);
    const res = await c.postJson(`/doc/${LATIN}/correction`, { segment: '0', text: "L'été est là, 5 €." }, token);
    expect(res.status).toBe(200);
    const bytes = readFileSync(join(sb.texts, LATIN, 'corrected.xlf'));
    expect(bytes.equals(iconv.encode(latinXlf("L'été est là, 5 &#x20AC;."), 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xe9]))).toBe(true); // é as one Latin-1 byte
  });

  it('fits 390 px with the edit form open', async () => {
    const page = await pageAt(390);
    await openReady(page, srv.url, `/doc/${DOC}`);
    await page.locator('#text .row[data-seg="1"] .f').first().click();
    await page.keyboard.press('e');
    await page.locator('#edit-text').waitFor();
    const { sw, iw } = await page.evaluate(() => {
      const g = globalThis as any;
      return { sw: g.document.documentElement.scrollWidth as number, iw: g.innerWidth as number };
    });
    expect(iw).toBe(390);
    expect(sw).toBeLessThanOrEqual(iw);
    expect(problems).toEqual([]);
  });
});
