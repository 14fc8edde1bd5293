// Marking what tqa missed, in real headless Chromium: a span of the MT, an insertion point, a source issue. The new
// findings are the reviewer's own (origin 'reviewer'), stored in SQLite with history, counted in the score and
// the exports, read by `tqa export --db`, and still there after the MT file is edited elsewhere and re-audited.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openReady, watchErrors } from '../chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { runCli } from '../cli/run-cli.js';
import { SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

const POLL = { timeout: 15_000 };
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
// A pair whose source has one line per segment (a source column), with a typo in the source itself.
const SRC_PAIR = 'source-pair';
let sb: Sandbox;
let srv: Running;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sb = sandbox();
  mkdirSync(join(sb.texts, SRC_PAIR));
  writeFileSync(join(sb.texts, SRC_PAIR, 'source.txt'), 'The cat sits on the mat.\nHe reads the newspaper every mornig.\n');
  writeFileSync(join(sb.texts, SRC_PAIR, 'mt.txt'), 'Die Katze sitzt auf der Matte.\nEr liest die Zeitung jeden Morgen.\n');
  writeFileSync(join(sb.texts, SRC_PAIR, 'corrected.txt'), 'Die Katze sitzt auf der Matte.\nEr liest jeden Morgen die Zeitung.\n');
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

/** Selects `word` (or, with `collapse`, the point just before it) in a plain-text part of a segment's column. */
async function selectIn(segment: number, column: 'mt' | 'src', word: string, collapse = false): Promise<void> {
  const ok = await page.evaluate(
    ({ segment, column, word, collapse }) => {
      const d = (globalThis as any).document;
      const seg = d.querySelector(`#text .row[data-seg="${segment}"] .seg.${column}`);
      if (!seg) return 'no segment';
      for (const node of seg.childNodes) {
        if (node.nodeType !== 3) continue;
        const i = node.textContent.indexOf(word);
        if (i < 0) continue;
        const r = d.createRange();
        r.setStart(node, i);
        r.setEnd(node, collapse ? i : i + word.length);
        const sel = (globalThis as any).getSelection();
        // selectionchange is dispatched later, as a task: wait for it (the page's listener, registered first, has
        // then read the new selection), or a key pressed at once would act on the previous one.
        return new Promise((resolve) => {
          d.addEventListener('selectionchange', () => resolve('ok'), { once: true });
          sel.removeAllRanges();
          sel.addRange(r);
        });
      }
      return `"${word}" is not plain text in segment ${segment}`;
    },
    { segment, column, word, collapse },
  );
  expect(ok).toBe('ok');
}

async function exportJson(id: string): Promise<Report> {
  return (await (await fetch(new URL(`/doc/${id}/export.json`, srv.url))).json()) as Report;
}
const added = (r: Report) => r.documents[0]!.findings.filter((f) => f.origin === 'reviewer');

async function mark(opts: { category: string; severity?: string; correction?: string; comment?: string }): Promise<void> {
  await page.keyboard.press('n');
  await expect.poll(() => page.locator('#add').isVisible(), POLL).toBe(true);
  await page.locator('#add-cat').selectOption(opts.category);
  if (opts.severity) await page.locator('#add-sev').selectOption(opts.severity);
  if (opts.correction !== undefined) await page.locator('#add-fix').fill(opts.correction);
  if (opts.comment !== undefined) await page.locator('#add-comment').fill(opts.comment);
  await Promise.all([page.waitForEvent('load'), page.locator('#add-save').click()]);
  await page.locator('html[data-js="ready"]').waitFor();
}

let penaltyBefore = 0;

describe('marking what tqa missed', () => {
  it('marks a span of the MT: a major mistranslation with a correction, in the score and selected after saving', async () => {
    await open(`/doc/${SEED_ID}`);
    penaltyBefore = (await exportJson(SEED_ID)).documents[0]!.metrics.mqm.penalty;
    await selectIn(0, 'mt', 'illegal');
    await mark({ category: 'accuracy/mistranslation', severity: 'major', correction: 'unlawful', comment: 'too strong' });
    const m = page.locator('#text mark.f[data-added]', { hasText: 'illegal' });
    await expect.poll(() => m.count(), POLL).toBe(1);
    expect(await m.getAttribute('data-cat')).toBe('accuracy/mistranslation');
    expect(await m.getAttribute('class')).toContain('current');
    await expect.poll(() => page.locator('#p-decision').textContent(), POLL).toBe(`added by tester · ${(await m.getAttribute('data-at'))!.replace('T', ' ').slice(0, 19)}`);
    expect(await page.locator('#p-where').textContent()).toContain('marked by hand');
    // The correction shown is the reviewer's, not the (empty) corrected span; the tooltip says the same.
    expect(await page.locator('#p-fix').textContent()).toBe('unlawful');
    expect(await m.getAttribute('aria-label')).toBe('accuracy/mistranslation, major: → unlawful');
    await page.screenshot({ path: join(ARTIFACTS, 'annotate-added.png') });
    const r = await exportJson(SEED_ID);
    const [f] = added(r);
    expect(f).toMatchObject({ origin: 'reviewer', category: 'accuracy/mistranslation', severity: 'major', suggestion: 'unlawful', mt: { text: 'illegal' } });
    expect(f!.decision).toMatchObject({ status: 'accepted', reviewer: 'tester', comment: 'too strong' });
    // mqm-core: a major error weighs 5.
    expect(r.documents[0]!.metrics.mqm.penalty).toBe(penaltyBefore + 5);
    expect(Number(await page.locator('#penalty').textContent())).toBe(penaltyBefore + 5);
    // Stored with history, under the finding's id.
    const hist = srv.store.history(SEED_ID, f!.id);
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ field: 'added', reviewer: 'tester' });
    expect(hist[0]!.to).toContain('illegal');
  });

  it('marks an insertion point (something missing): a caret, type M:ADDED', async () => {
    await selectIn(0, 'mt', 'war', true);
    await mark({ category: 'accuracy/omission', severity: 'minor', correction: 'brutal ' });
    const r = await exportJson(SEED_ID);
    const ins = added(r).find((f) => f.operation === 'insert')!;
    expect(ins).toMatchObject({ type: 'M:ADDED', category: 'accuracy/omission', suggestion: 'brutal ', mt: { text: '' } });
    expect(r.documents[0]!.mt.text.slice(ins.mt.start, ins.mt.start + 3)).toBe('war');
    await expect.poll(() => page.locator('#text mark.f.caret[data-added]').count(), POLL).toBe(1);
    expect(r.documents[0]!.metrics.mqm.penalty).toBe(penaltyBefore + 5 + 1);
  });

  it('appears in the CSV and MQM TSV exports and in tqa export --db', async () => {
    const csv = await (await fetch(new URL(`/doc/${SEED_ID}/export.csv`, srv.url))).text();
    expect(csv.split('\n').filter((l) => l.includes('illegal') && l.includes('unlawful'))).toHaveLength(1);
    const tsv = await (await fetch(new URL(`/doc/${SEED_ID}/export.mqm-tsv`, srv.url))).text();
    expect(tsv.split('\n').some((l) => l.includes('tester') && /mistranslation/i.test(l))).toBe(true);
    const out = await runCli(['export', join(sb.texts, SEED_ID), '--db', sb.dbPath, '--format', 'json'], sb.dir);
    expect(out.code).toBe(0);
    const cli = JSON.parse(out.stdout) as Report;
    expect(added(cli).map((f) => f.mt.text).sort()).toEqual(['', 'illegal']);
    expect(cli.documents[0]!.metrics.mqm.penalty).toBe(penaltyBefore + 6);
    expect(out.stderr).not.toMatch(/match no finding/);
  });

  it('survives a re-audit after the MT file is edited in another segment', async () => {
    const mtPath = join(sb.texts, SEED_ID, 'mt.txt');
    const text = readFileSync(mtPath, 'utf8');
    const lines = text.split('\n');
    lines[3] = `${lines[3]} Extra words.`;
    writeFileSync(mtPath, lines.join('\n'));
    await srv.app.audits.warm();
    const r = await exportJson(SEED_ID);
    expect(r.documents[0]!.mt.text).toContain('Extra words.');
    const kept = added(r).find((f) => f.mt.text === 'illegal')!;
    expect(kept.segment).toBe(0);
    expect(r.documents[0]!.mt.text.slice(kept.mt.start, kept.mt.end)).toBe('illegal');
  });

  it('marks a source issue on the source column: shown there, no penalty to the MT, exported as such', async () => {
    await open(`/doc/${SRC_PAIR}`);
    const before = (await exportJson(SRC_PAIR)).documents[0]!.metrics.mqm.penalty;
    await selectIn(1, 'src', 'mornig');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('#add-sev-field').isHidden(), POLL).toBe(true);
    await page.locator('#add-cat').selectOption('fluency/spelling');
    await page.locator('#add-comment').fill('ambiguous in the source');
    await page.screenshot({ path: join(ARTIFACTS, 'annotate-source-form.png') });
    await Promise.all([page.waitForEvent('load'), page.locator('#add-save').click()]);
    await page.locator('html[data-js="ready"]').waitFor();
    const m = page.locator('#text .seg.src mark.f[data-src]', { hasText: 'mornig' });
    await expect.poll(() => m.count(), POLL).toBe(1);
    // Not drawn on the MT (no caret there for it).
    expect(await page.locator(`#text .seg.mt .f[data-id="${await m.getAttribute('data-id')}"]`).count()).toBe(0);
    expect(await page.locator('#p-mt-label').textContent()).toBe('Source');
    expect(await page.locator('#p-where').textContent()).toContain('source issue (no penalty to the MT)');
    // "He reads the newspaper every " is 29 characters: the typo starts at column 30 of source line 2.
    const r = await exportJson(SRC_PAIR);
    const [f] = added(r);
    expect(f).toMatchObject({ rule: 'reviewer/source-issue', type: 'S:SOURCE', severity: 'neutral', segment: 1, sourceSpan: { text: 'mornig', line: 2, col: 30 } });
    expect(r.documents[0]!.metrics.mqm.penalty).toBe(before);
    const csv = await (await fetch(new URL(`/doc/${SRC_PAIR}/export.csv`, srv.url))).text();
    expect(csv).toMatch(/Source issue: “mornig”/);
  });

  it('removes a marked error (kept in the history) and refuses bad spans with a 400', async () => {
    await open(`/doc/${SEED_ID}`);
    await page.locator('#text mark.f[data-added]', { hasText: 'illegal' }).click();
    await Promise.all([page.waitForEvent('load'), page.locator('#btn-remove').click()]);
    await page.locator('html[data-js="ready"]').waitFor();
    expect(await page.locator('#text mark.f[data-added]', { hasText: 'illegal' }).count()).toBe(0);
    expect(srv.store.history(SEED_ID).map((h) => h.field)).toContain('removed');
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const post = (body: object) => page.evaluate(async ({ url, body, token }) => {
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': token! }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.text() };
    }, { url: `/doc/${SEED_ID}/annotate`, body, token });
    const far = await post({ side: 'mt', segment: '0', start: '0', end: '999999', category: 'other', severity: 'minor' });
    expect(far.status).toBe(400);
    expect(far.body).toContain('not inside the segment');
    const noSeg = await post({ side: 'mt', segment: '99999', start: '0', end: '1', category: 'other', severity: 'minor' });
    expect(noSeg.status).toBe(400);
    const noSource = await post({ side: 'source', segment: '0', start: '0', end: '1', category: 'other', severity: 'minor' });
    expect(noSource.status).toBe(400);
    expect(noSource.body).toContain('no source');
    // The three refusals above are the only failed requests; nothing else went wrong in the page.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    expect(problems).toHaveLength(3);
  });
});
