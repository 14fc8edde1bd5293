// A page opened before a server restart still works after it: the CSRF secret lives in the data directory,
// and decisions and uploads are on disk.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { Client, SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running | undefined;
beforeAll(() => {
  sb = sandbox();
});
afterAll(async () => {
  await srv?.stop();
  sb.cleanup();
});

it('accepts the token of a page loaded before the restart and keeps decisions and uploads', async () => {
  srv = await serve(sb);
  const before = new Client(srv.url);
  const token = await before.token(`/doc/${SEED_ID}`);
  const report = (await (await before.get(`/doc/${SEED_ID}/export.json`)).json()) as Report;
  const f = report.documents[0]!.findings[0]!;
  const form = new FormData();
  form.set('_csrf', token);
  form.set('name', 'kept');
  form.set('mtText', 'The summit of theTake.\n');
  form.set('correctedText', 'The summit of NATO.\n');
  expect((await before.request('/upload', { method: 'POST', body: form })).status).toBe(303);
  await srv.stop();

  srv = await serve(sb);
  // Same cookies and token as before the restart, new port.
  const after = before.withBase(srv.url);
  const res = await after.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'reject' }, token);
  expect(res.status).toBe(200);
  expect(srv.store.decisions(SEED_ID).get(f.id)?.status).toBe('rejected');
  expect((await after.get('/doc/upload-kept')).status).toBe(200);
});
