// The target language as a per-document setting: a field of the upload form, kept in the pair's language.json,
// read again after a restart like any document folder's; a bad tag is a 400 on the form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { Client, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;
beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb, {});
});
afterAll(async () => {
  await srv.stop();
  sb.cleanup();
});

async function upload(c: Client, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', await c.token('/upload'));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return c.request('/upload', { method: 'POST', body: form });
}

describe('the language of an uploaded pair', () => {
  it('is the one given in the form (not detected), shown on the page and kept in language.json', async () => {
    const c = new Client(srv.url);
    // Short German text that an identifier could take for another language: the form decides.
    const res = await upload(c, { name: 'kurz', mtText: 'Das ist gut.\n', correctedText: 'Das ist sehr gut.\n', targetLang: 'de-ch', sourceLang: 'en' });
    expect(res.status).toBe(303);
    expect(readFileSync(join(sb.dataDir, 'uploads', 'upload-kurz', 'language.json'), 'utf8')).toBe('{"target":"de-CH","source":"en"}\n');
    const report = (await (await c.get('/doc/upload-kurz/export.json')).json()) as Report;
    expect(report.documents[0]!.language).toMatchObject({ target: 'de-CH', source: 'en', decidedBy: 'file', pack: { code: 'de', level: 'full' } });
    expect(await (await c.get('/doc/upload-kurz')).text()).toContain('Language: German (de-CH, full pack; from the file) · source: en');
  });

  it('refuses a tag that is not BCP 47 with a 400 naming the field', async () => {
    const res = await upload(new Client(srv.url), { name: 'bad', mtText: 'Hello.\n', correctedText: 'Hello!\n', targetLang: 'german!' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Target language: &#34;german!&#34; is not a BCP 47 language tag (e.g. de, fr-CA, zh-Hans)');
  });
});
