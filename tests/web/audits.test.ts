// Audits run in the worker pool from a queue: a document being audited shows its progress and reloads, the
// other documents answer meanwhile; results are stored in SQLite under a hash of inputs + version + options, so
// a restarted server serves them at once, and an edit or other options audit again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/workers/pool.js';
import { Client, SEED_ID, sandbox, serve, type Sandbox } from './helpers.js';

let sb: Sandbox;
beforeAll(() => {
  sb = sandbox();
});
afterAll(() => sb.cleanup());

/** A pair ~100 times the seed article: long enough to be still auditing while the other pages are asked for. */
function addBigPair(name: string): void {
  const seed = join(sb.texts, SEED_ID);
  const mt = readFileSync(join(seed, 'mt.txt'), 'utf8');
  const corrected = readFileSync(join(seed, 'corrected.txt'), 'utf8');
  const dir = join(sb.texts, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'mt.txt'), `${mt.trimEnd()}\n`.repeat(100));
  writeFileSync(join(dir, 'corrected.txt'), `${corrected.trimEnd()}\n`.repeat(100));
}

describe('audits off the request thread', () => {
  it('shows a pending document with its progress and a reload, while the other pages answer', { timeout: 240_000 }, async () => {
    const pool = new WorkerPool({ size: 1 });
    const srv = await serve(sb, { pool }, { noWarm: true });
    try {
      const seed = srv.app.library.find(SEED_ID)!;
      await srv.app.audits.report(seed);
      addBigPair('big-pair');
      const big = srv.app.library.find('big-pair')!;
      const c = new Client(srv.url);
      const index = await c.get('/');
      expect(index.status).toBe(200);
      const html = await index.text();
      expect(html).toMatch(/<tr data-doc="big-pair" class="pending">[\s\S]*Being audited: /);
      expect(html).toContain('<meta http-equiv="refresh" content="3">');
      expect(html).toContain(`href="/doc/${SEED_ID}"`);
      const page = await c.get('/doc/big-pair');
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const pending = await page.text();
      expect(pending).toContain('<meta http-equiv="refresh" content="2">');
      expect(pending).toMatch(/<span id="audit-progress">(queued or starting|aligning|extracting edits|classifying|scoring)[^<]*<\/span>/);
      // The seed document answers in full while the big one is still in the worker.
      const other = await c.get(`/doc/${SEED_ID}`);
      expect(other.status).toBe(200);
      expect(await other.text()).toContain('Volodyr');
      expect(srv.app.audits.state(big).status).toBe('pending');
      // An API client waits for the result instead.
      const json = await c.get('/doc/big-pair/export.json', { accept: 'application/json' });
      expect(json.status).toBe(200);
      const report = (await json.json()) as { documents: Array<{ findings: unknown[] }> };
      expect(report.documents[0]!.findings.length).toBeGreaterThan(1000);
      expect(srv.app.audits.state(big).status).toBe('ready');
      expect(await (await c.get('/doc/big-pair')).text()).not.toContain('http-equiv="refresh"');
    } finally {
      await srv.stop();
      await pool.close();
    }
  });

  it('a server closed during its start-up audits: every waiter gets an answer and the process can end', { timeout: 240_000 }, async () => {
    // The regression: closing aborted the audit but left it 'pending', and report() spun on the settled promise
    // at 100% CPU, so `tqa serve` ignored the SIGTERM sent while it was still auditing.
    const own = sandbox();
    try {
      const dir = join(own.texts, 'long-pair');
      mkdirSync(dir);
      const seed = join(own.texts, SEED_ID);
      writeFileSync(join(dir, 'mt.txt'), `${readFileSync(join(seed, 'mt.txt'), 'utf8').trimEnd()}\n`.repeat(100));
      writeFileSync(join(dir, 'corrected.txt'), `${readFileSync(join(seed, 'corrected.txt'), 'utf8').trimEnd()}\n`.repeat(100));
      const srv = await serve(own, {}, { noWarm: true });
      const warm = srv.app.audits.warm();
      const entry = srv.app.library.find('long-pair')!;
      expect(srv.app.audits.state(entry).status).toBe('pending');
      await srv.stop();
      await warm;
      const state = srv.app.audits.state(entry);
      expect(state).toEqual({ status: 'failed', message: 'The audit was stopped: the server is closing or the document changed.' });
    } finally {
      own.cleanup();
    }
  });

  it('serves stored results after a restart without auditing again; an edit or other options audit again', { timeout: 240_000 }, async () => {
    const first = await serve(sb);
    const stored = (await (await new Client(first.url).get(`/doc/${SEED_ID}/export.json`)).json()) as { documents: Array<{ metrics: unknown }> };
    await first.stop();

    const again = await serve(sb, {}, { noWarm: true });
    try {
      // Ready on the very first look: read from the database, no worker involved.
      for (const entry of again.app.library.list()) expect(again.app.audits.state(entry).status, entry.id).toBe('ready');
      const res = (await (await new Client(again.url).get(`/doc/${SEED_ID}/export.json`)).json()) as { documents: Array<{ metrics: unknown }> };
      expect(res.documents[0]!.metrics).toEqual(stored.documents[0]!.metrics);
      // An edited file is a new key.
      const mtPath = join(sb.texts, SEED_ID, 'mt.txt');
      writeFileSync(mtPath, readFileSync(mtPath, 'utf8').replace('theTake', 'NATO'));
      expect(again.app.audits.state(again.app.library.find(SEED_ID)!).status).toBe('pending');
    } finally {
      await again.stop();
    }
    const lines = await serve(sb, { auditOptions: { segmentation: 'lines' } }, { noWarm: true });
    try {
      expect(lines.app.audits.state(lines.app.library.find('big-pair')!).status).toBe('pending');
    } finally {
      await lines.stop();
    }
  });
});
