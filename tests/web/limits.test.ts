// Upload, storage and document limits, enforced while the body streams in (chunked too), each refusal a 413 that
// names its limit and flag; nothing left behind in the uploads folder; a lead deletes an upload, its decisions
// stay in the history and its id is not given to the next upload.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;
const uploads = () => join(sb.dataDir, 'uploads');
const leftovers = () => (existsSync(uploads()) ? readdirSync(uploads()).filter((n) => n.startsWith('.')) : []);

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb, { bodyLimit: 1024 * 1024, limits: { uploadBytes: 20 * 1024, uploadLines: 10, lineBytes: 1024, storageBytes: 1024 * 1024, documents: 4 } });
});
afterAll(async () => {
  await srv.stop();
  sb.cleanup();
});
afterEach(async () => {
  // Temporary folders go when the response is done; give the close event a moment.
  await expect.poll(leftovers, { timeout: 2000 }).toEqual([]);
});

/** A multipart body sent chunked (no Content-Length), as a streaming client sends it. */
async function chunkedUpload(c: Client, fields: Record<string, string | Blob>, accept = 'text/html'): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', await c.token('/upload'));
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.set(k, v);
    else form.set(k, v, `${k}.txt`);
  }
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return c.request('/upload', { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')!, accept }, body: encoded.body, duplex: 'half' } as RequestInit);
}

describe('per upload', () => {
  it('refuses a chunked file over --max-upload with a 413 page naming the limit', async () => {
    const c = new Client(srv.url);
    const part = 'x'.repeat(999) + '\n';
    // Three files of 9 lines of 1 KB: each within the line limits, together over 20 KB, refused while streaming.
    const res = await chunkedUpload(c, { mtFile: new Blob([part.repeat(9)]), correctedFile: new Blob([part.repeat(9)]), glossaryFile: new Blob([part.repeat(9)]) });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('The upload is larger than the limit of 20 KB (tqa serve --max-upload).');
    expect(html).toContain('<code>--max-lines</code>'); // the page states every limit and its flag
    expect(html).not.toContain(sb.dataDir);
  });

  it('counts pasted texts and files together', async () => {
    const c = new Client(srv.url);
    const part = 'z'.repeat(999) + '\n';
    const res = await chunkedUpload(c, { mtText: part.repeat(9), correctedFile: new Blob([part.repeat(9)]), sourceText: part.repeat(9) }, 'application/json');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'The upload is larger than the limit of 20 KB (tqa serve --max-upload).' });
  });

  it('refuses too many lines and a too long line, in a file and in pasted text', async () => {
    const c = new Client(srv.url);
    const lines = 'a line\n'.repeat(11);
    const cases: Array<[Record<string, string | Blob>, string]> = [
      [{ mtFile: new Blob([lines]), correctedText: 'x' }, 'MT file: more than the limit of 10 lines (tqa serve --max-lines).'],
      [{ mtText: 'ok\n', correctedText: lines }, 'Corrected text: more than the limit of 10 lines (tqa serve --max-lines).'],
      [{ mtText: 'ok\n', correctedFile: new Blob(['b'.repeat(1025)]) }, 'Corrected file: a line is longer than the limit of 1 KB (tqa serve --max-line).'],
      [{ mtText: 'ok\n', correctedText: 'ok\n', glossaryText: `${'g'.repeat(1100)}\tx\n` }, 'Glossary: a line is longer than the limit of 1 KB (tqa serve --max-line).'],
    ];
    for (const [fields, message] of cases) {
      const res = await chunkedUpload(c, fields, 'application/json');
      expect(res.status, message).toBe(413);
      expect(await res.json()).toEqual({ error: message });
    }
  });

  it('states the limits on the upload page', async () => {
    const html = await (await new Client(srv.url).get('/upload')).text();
    const list = html.slice(html.indexOf('id="upload-limits"'), html.indexOf('</ul>', html.indexOf('id="upload-limits"')));
    for (const s of ['one upload (all parts): at most <b>20 KB</b>', 'lines in one part: at most <b>10</b>', 'longest line: at most <b>1 KB</b>', 'all uploads on the server: at most <b>1 MB</b>', 'documents: at most <b>4</b>']) {
      expect(list).toContain(s);
    }
  });
});

describe('documents and deletion', () => {
  it('refuses an upload past --max-documents; a lead deletes one, keeping its decisions; the id is not reused', async () => {
    const c = new Client(srv.url);
    const add = async (name: string) => chunkedUpload(c, { name, mtText: 'The summit of theTake.\n', correctedText: 'The summit of NATO.\n' }, 'application/json');
    for (const name of ['one', 'two', 'three']) expect((await add(name)).status).toBe(303);
    const full = await add('four');
    expect(full.status).toBe(413);
    expect(await full.json()).toEqual({ error: 'The server holds its limit of 4 documents (tqa serve --max-documents); a lead can delete one first.' });
    // A decision on the upload, then its deletion.
    const token = await c.token('/doc/upload-one');
    const report = (await (await c.get('/doc/upload-one/export.json')).json()) as { documents: Array<{ findings: Array<{ id: string }> }> };
    const fid = report.documents[0]!.findings[0]!.id;
    expect((await c.postJson('/doc/upload-one/decide', { findingId: fid, action: 'accept' }, token)).status).toBe(200);
    const del = await c.postForm('/doc/upload-one/delete', { _csrf: token });
    expect(del.status).toBe(303);
    expect(del.headers.get('location')).toBe('/');
    expect(existsSync(join(uploads(), 'upload-one'))).toBe(false);
    expect((await c.get('/doc/upload-one')).status).toBe(404);
    expect(srv.store.history('upload-one').map((h) => h.to)).toEqual(['accepted']);
    const again = await add('one');
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/doc/upload-one-2');
    // A folder under DIR is the user's: not deleted through the web.
    const folder = await c.request(`/doc/${SEED_ID}/delete`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token }, body: '{}' });
    expect(folder.status).toBe(400);
    expect(await folder.json()).toEqual({ error: `"${SEED_ID}" is a folder under texts/, not an upload: remove it there.` });
    // Room again for the next test.
    for (const id of ['upload-two', 'upload-three', 'upload-one-2']) expect((await c.postForm(`/doc/${id}/delete`, { _csrf: token })).status).toBe(303);
  });

  it('refuses an upload that would pass --max-storage', async () => {
    const small = sandbox();
    const s2 = await serve(small, { limits: { uploadBytes: 64 * 1024, storageBytes: 30 * 1024, lineBytes: 64 * 1024 } });
    try {
      const c = new Client(s2.url);
      const text = 'The summit of theTake took place.\n'.repeat(400); // ~13.6 KB per side
      const form = async (name: string) => {
        const f = new FormData();
        f.set('_csrf', await c.token('/upload'));
        f.set('name', name);
        f.set('mtText', text);
        f.set('correctedText', text.replace(/theTake/g, 'NATO'));
        return c.request('/upload', { method: 'POST', body: f, headers: { accept: 'application/json' } });
      };
      expect((await form('first')).status).toBe(303);
      const second = await form('second');
      expect(second.status).toBe(413);
      expect(await second.json()).toEqual({ error: "This upload would pass the server's storage limit of 30 KB (tqa serve --max-storage); a lead can delete one first." });
    } finally {
      await s2.stop();
      small.cleanup();
    }
  });
});
