// HTTP-level tests of the review app (no browser): safety (CSRF, body limit, traversal, escaping), uploads,
// decisions through the API, concurrent reviewers, exports, re-audit after an edit and orphans.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { Client, rawGet, SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb, { bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await srv.stop();
  sb.cleanup();
});

async function findings(c: Client, id = SEED_ID): Promise<Finding[]> {
  const res = await c.get(`/doc/${id}/export.json`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Report).documents[0]!.findings;
}
const byMt = (fs: Finding[], text: string) => {
  const f = fs.find((x) => x.mt.text.includes(text));
  if (!f) throw new Error(`no finding on "${text}"`);
  return f;
};

describe('pages', () => {
  it('lists the seed pair with its scores and progress', async () => {
    const res = await new Client(srv.url).get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/doc/${SEED_ID}"`);
    expect(html).toMatch(/0 \/ \d+/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('answers a missing favicon with 204 and unknown pages with a 404 page', async () => {
    const c = new Client(srv.url);
    expect((await c.get('/favicon.ico')).status).toBe(204);
    const res = await c.get('/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No such page');
  });

  it('renders each layout with highlights', async () => {
    const c = new Client(srv.url);
    for (const layout of ['highlight', 'side', 'diff']) {
      const html = await (await c.get(`/doc/${SEED_ID}?layout=${layout}`)).text();
      expect(html).toMatch(/class="f cat-[a-z-]+ sev-/);
      if (layout === 'diff') expect(html).toMatch(/<ins class="f /);
      if (layout === 'side') expect(html).toContain('seg corr');
    }
  });
});

describe('safety', () => {
  it('refuses a decision without the CSRF token, or with another session’s token', async () => {
    const a = new Client(srv.url);
    const b = new Client(srv.url);
    const f = (await findings(a))[0]!;
    const tokenB = await b.token();
    await a.token();
    const none = await a.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'accept' });
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: string }).error).toMatch(/CSRF/);
    expect((await a.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'accept' }, tokenB)).status).toBe(403);
    expect(srv.store.decisions(SEED_ID).has(f.id)).toBe(false);
  });

  it('answers an oversized body with a clear 413 page', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('mtText', 'x'.repeat(70 * 1024));
    form.set('correctedText', 'y');
    const res = await c.request('/upload', { method: 'POST', body: form });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('larger than the limit of 0.1 MB');
    expect(html).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('answers an oversized chunked body (no Content-Length to refuse it by) with the same 413 page', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('mtFile', new Blob(['x'.repeat(70 * 1024)]), 'mt.txt');
    form.set('correctedText', 'y');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await c.request('/upload', {
      method: 'POST',
      headers: { 'content-type': encoded.headers.get('content-type')! },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('larger than the limit of 0.1 MB');
    const json = await c.request(`/doc/${SEED_ID}/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
      body: new Blob([JSON.stringify({ comment: 'z'.repeat(70 * 1024) })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(json.status).toBe(413);
    expect(await json.json()).toEqual({ error: 'The request is larger than the limit of 0.1 MB.' });
  });

  it('keeps document ids inside DIR', async () => {
    const paths = [
      '/doc/..%2F..%2Fpackage.json',
      '/doc/%2e%2e',
      '/doc/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/doc/..%5C..%5Cpackage.json',
      '/doc/.tqa',
      `/doc/${SEED_ID}%2F..%2F..%2Fetc`,
      '/doc/..%2F..%2Fpackage.json/export.json',
      '/doc/%2e%2e/history',
    ];
    for (const p of paths) {
      const res = await rawGet(srv.url, p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('"name": "tqa"');
    }
  });

  it('escapes text from uploads everywhere it appears', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('name', '<img src=x onerror=alert(1)>');
    form.set('mtText', 'He said <script>alert(1)</script> and left " onmouseover="alert(2)" quickly.\n');
    // The hostile parts are identical on both sides, so they stay one run of text; the edit is elsewhere.
    form.set('correctedText', 'He said <script>alert(1)</script> and left " onmouseover="alert(2)" quietly.\n');
    const res = await c.request('/upload', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const where = res.headers.get('location')!;
    expect(where).toMatch(/^\/doc\/upload-img-src-x-onerror-alert-1/);
    for (const layout of ['highlight', 'side', 'diff']) {
      const html = await (await c.get(`${where}?layout=${layout}`)).text();
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&#34; onmouseover=&#34;alert(2)&#34;');
      expect(html).not.toMatch(/<[^>]*\sonmouseover=/);
      expect(html).not.toContain('<img src=x');
    }
  });
});

describe('uploads', () => {
  it('audits a pasted pair, keeps it on disk and lists it', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('name', 'Press release');
    form.set('mtFile', new Blob(['The meeting of theTake was on Monday.\n']), 'mt.txt');
    form.set('correctedText', 'The meeting of NATO was on Monday.\n');
    form.set('glossaryText', 'term\tforbidden\nNATO\tOTAN\n');
    form.set('sourceText', 'La réunion de l’OTAN a eu lieu lundi.\n');
    const res = await c.request('/upload', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/doc/upload-press-release');
    expect(readFileSync(join(sb.dataDir, 'uploads', 'upload-press-release', 'mt.txt'), 'utf8')).toContain('theTake');
    const fs = await findings(c, 'upload-press-release');
    expect(fs.some((f) => f.mt.text.includes('theTake'))).toBe(true);
    // One source line for one segment: shown as an aligned source column.
    const page = await (await c.get('/doc/upload-press-release')).text();
    expect(page).toContain('<div class="seg src">La réunion de l’OTAN a eu lieu lundi.</div>');
    expect(await (await c.get('/')).text()).toContain('upload-press-release');
  });

  it('takes a one-file XLIFF with the corrected part empty: saved as review.xlf, shown unit by unit', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('name', 'Strings');
    const xlf = readFileSync(new URL('../fixtures/formats/xliff12-review.xlf', import.meta.url));
    form.set('mtFile', new Blob([xlf]), 'strings.xlf');
    const res = await c.request('/upload', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/doc/upload-strings');
    expect(readdirSync(join(sb.dataDir, 'uploads', 'upload-strings'))).toEqual(['review.xlf']);
    const fs = await findings(c, 'upload-strings');
    expect(fs.length).toBeGreaterThan(0);
    const page = await (await c.get('/doc/upload-strings')).text();
    expect(page).not.toContain('trans-unit');
    expect(page).toContain('Anita Anand');
  });

  it('shows bad input on the form with status 400', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const cases: Array<[Record<string, string | Blob>, RegExp]> = [
      [{ mtText: 'Some text.' }, /Corrected text: give a file or paste the text/],
      [{ mtText: '   \n ', correctedText: 'x' }, /MT text: the file has no text/],
      [{ mtFile: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])]), correctedText: 'x' }, /MT text: binary data/],
      [{ mtFile: new Blob([new Uint8Array([0x61, 0xc3, 0x28])]), correctedText: 'x' }, /MT text: invalid UTF-8 at byte 1/],
    ];
    for (const [fields, message] of cases) {
      const form = new FormData();
      form.set('_csrf', token);
      for (const [k, v] of Object.entries(fields)) {
        if (typeof v === 'string') form.set(k, v);
        else form.set(k, v, 'file.txt');
      }
      const res = await c.request('/upload', { method: 'POST', body: form });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(message);
      expect(html).toContain('id="upload-error"');
    }
  });
});

describe('decisions', () => {
  it('accepts, rejects and recategorises through the API; the score recomputes without the rejected one', async () => {
    const c = new Client(srv.url);
    const token = await c.token(`/doc/${SEED_ID}`);
    const fs = await findings(c);
    const volodyr = byMt(fs, 'Volodyr');
    const thetake = byMt(fs, 'theTake');
    const before = (await (await c.get(`/doc/${SEED_ID}/export.json`)).json()) as Report;
    const r1 = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: volodyr.id, action: 'accept' }, token);
    expect(r1.status).toBe(200);
    const j1 = (await r1.json()) as { finding: { status: string; reviewer: string } };
    expect(j1.finding).toMatchObject({ status: 'accepted', reviewer: 'tester' });
    const r2 = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: thetake.id, action: 'reject' }, token);
    const j2 = (await r2.json()) as { score: { penalty: string }; progress: { decided: number } };
    expect(j2.progress.decided).toBe(2);
    const after = (await (await c.get(`/doc/${SEED_ID}/export.json`)).json()) as Report;
    const mqmBefore = before.documents[0]!.metrics.mqm;
    const mqmAfter = after.documents[0]!.metrics.mqm;
    expect(mqmAfter.penalty).toBeLessThan(mqmBefore.penalty);
    expect(Number(j2.score.penalty)).toBeCloseTo(mqmAfter.penalty, 2);
    const cat = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: volodyr.id, action: 'category', value: 'fluency/spelling' }, token);
    expect(((await cat.json()) as { finding: { category: string } }).finding.category).toBe('fluency/spelling');
    const bad = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: volodyr.id, action: 'category', value: 'nonsense' }, token);
    expect(bad.status).toBe(400);
    const gone = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: 'no-such-finding', action: 'accept' }, token);
    expect(gone.status).toBe(404);
  });

  it('two reviewers on one finding: the later wins and both are in the history', async () => {
    const ana = new Client(srv.url);
    const ben = new Client(srv.url);
    // Any finding nobody has decided yet (the other tests decide Volodyr and theTake).
    const f = (await findings(ana)).find((x) => !x.decision && !/Volodyr|theTake/.test(x.mt.text))!;
    const ta = await ana.token();
    const tb = await ben.token();
    await ana.postForm('/reviewer', { _csrf: ta, reviewer: 'Ana' });
    await ben.postForm('/reviewer', { _csrf: tb, reviewer: 'Ben' });
    const [ra, rb] = await Promise.all([
      ana.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'accept' }, ta),
      ben.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'reject' }, tb),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const replies = { Ana: (await ra.json()) as { replaced: { reviewer: string } | null }, Ben: (await rb.json()) as { replaced: { reviewer: string } | null } };
    const hist = srv.store.history(SEED_ID, f.id);
    expect(hist.map((h) => h.reviewer).sort()).toEqual(['Ana', 'Ben']);
    const winner = hist.at(-1)!;
    // Whoever came second is told whose decision they replaced; the first replaced nothing.
    expect(replies[winner.reviewer as 'Ana' | 'Ben'].replaced?.reviewer).toBe(hist[0]!.reviewer);
    expect(replies[hist[0]!.reviewer as 'Ana' | 'Ben'].replaced).toBeNull();
    expect(srv.store.decisions(SEED_ID).get(f.id)).toMatchObject({ reviewer: winner.reviewer, status: winner.to });
    const page = await (await ana.get(`/doc/${SEED_ID}/history`)).text();
    expect(page).toContain('>Ana<');
    expect(page).toContain('>Ben<');
  });

  it('applies a bulk action to the filtered set only', async () => {
    const c = new Client(srv.url);
    const token = await c.token();
    const before = await findings(c);
    const catOf = (f: Finding) => f.decision?.category ?? f.category;
    const open = before.filter((f) => (f.decision?.status ?? 'open') === 'open');
    // The category with the most open findings, but not all of them: the bulk must leave the others alone.
    const counts = new Map<string, number>();
    for (const f of open) counts.set(catOf(f), (counts.get(catOf(f)) ?? 0) + 1);
    const category = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const targets = open.filter((f) => catOf(f) === category);
    expect(targets.length).toBeGreaterThan(1);
    expect(targets.length).toBeLessThan(before.length);
    const others = new Map(before.filter((f) => !targets.includes(f)).map((f) => [f.id, f.decision?.status ?? 'open']));
    const res = await c.postForm(`/doc/${SEED_ID}/bulk`, { _csrf: token, category, status: 'open', action: 'accept' });
    expect(res.status).toBe(303);
    const after = await findings(c);
    for (const f of targets) expect(after.find((x) => x.id === f.id)?.decision?.status).toBe('accepted');
    for (const f of after) if (others.has(f.id)) expect(f.decision?.status ?? 'open', f.mt.text).toBe(others.get(f.id));
  });

  it('exports every report format with the decisions applied', async () => {
    const c = new Client(srv.url);
    const csv = await c.get(`/doc/${SEED_ID}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`${SEED_ID}.csv`);
    expect(await csv.text()).toContain('rejected');
    expect((await c.get(`/doc/${SEED_ID}/export.sarif`)).status).toBe(200);
    expect((await c.get(`/doc/${SEED_ID}/export.exe`)).status).toBe(404);
  });
});

describe('re-audit', () => {
  it('keeps decisions when the text is edited and shows vanished findings as orphaned', async () => {
    const c = new Client(srv.url);
    const token = await c.token();
    const fs = await findings(c);
    const volodyr = byMt(fs, 'Volodyr');
    const thetake = byMt(fs, 'theTake');
    await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: volodyr.id, action: 'accept' }, token);
    await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: thetake.id, action: 'comment', value: 'NATO, surely' }, token);
    // Fix "theTake" in the MT and edit an unrelated line: the audit runs again on the next request.
    const mtPath = join(sb.texts, SEED_ID, 'mt.txt');
    const mt = readFileSync(mtPath, 'utf8');
    writeFileSync(mtPath, mt.replace('theTake', 'NATO').replace('No American soldiers', 'No American troops'));
    const after = await findings(c);
    expect(after.some((f) => f.id === thetake.id)).toBe(false);
    // The fingerprint of an untouched finding is the same after the re-audit, so its decision still applies.
    const kept = after.find((f) => f.id === volodyr.id);
    expect(kept?.decision?.status).toBe('accepted');
    const hist = await (await c.get(`/doc/${SEED_ID}/history`)).text();
    const orphaned = hist.slice(hist.indexOf('id="orphaned"'), hist.indexOf('All changes'));
    expect(orphaned).toContain('theTake');
    expect(orphaned).toContain('NATO, surely');
  });
});

describe('a pair that cannot be read', () => {
  it('gets an error row in the index and a 400 page, and the other pairs still work', async () => {
    const broken = join(sb.texts, 'broken-pair');
    mkdirSync(broken);
    writeFileSync(join(broken, 'mt.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(join(broken, 'corrected.txt'), 'Some text.\n');
    try {
      const c = new Client(srv.url);
      const index = await c.get('/');
      expect(index.status).toBe(200);
      const html = await index.text();
      expect(html).toMatch(/<tr data-doc="broken-pair" class="broken">[\s\S]*binary data/);
      expect(html).toContain(`href="/doc/${SEED_ID}"`);
      const page = await c.get('/doc/broken-pair');
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('binary data (a NUL byte at offset 4)');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('disagreements in single-user mode', () => {
  it('lists two reviewers who disagree, their names escaped', async () => {
    const a = new Client(srv.url);
    const b = new Client(srv.url);
    const f = (await findings(a)).find((x) => !x.decision && !/Volodyr|theTake/.test(x.mt.text))!;
    const ta = await a.token();
    const tb = await b.token();
    await a.postForm('/reviewer', { _csrf: ta, reviewer: '<img src=x onerror=alert(1)>' });
    await b.postForm('/reviewer', { _csrf: tb, reviewer: '"><script>alert(2)</script>' });
    expect((await a.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'accept' }, ta)).status).toBe(200);
    expect((await b.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'reject' }, tb)).status).toBe(200);
    const html = await (await a.get(`/doc/${SEED_ID}`)).text();
    const card = html.slice(html.indexOf('id="disputes"'), html.indexOf('</section>', html.indexOf('id="disputes"')));
    expect(card).toContain(`<li class="dispute" data-id="${f.id}">`);
    expect(card).toContain('<b>&lt;img src=x onerror=alert(1)&gt;</b>: accepted');
    expect(card).toContain('<b>&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</b>: rejected');
    expect(card).not.toContain('<script>');
    // Single-user mode has no roles: the person at the keyboard settles it.
    const settled = await a.postJson(`/doc/${SEED_ID}/arbitrate`, { findingId: f.id, action: 'reject' }, ta);
    expect(settled.status).toBe(200);
    expect(await (await a.get(`/doc/${SEED_ID}`)).text()).not.toContain(`<li class="dispute" data-id="${f.id}">`);
  });
});
