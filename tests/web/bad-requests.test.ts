// Every bad request of issue 9's list, with its exact input: a short 4xx (or 503/507 for the server's own state)
// and no stack trace in the server log. The server runs in this process, so its stderr is watched directly.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { Client, rawGet, SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;
const log: string[] = [];
const realWrite = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  sb = sandbox();
  srv = await serve(sb);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log.push(String(chunk));
    return (realWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
});
afterAll(async () => {
  process.stderr.write = realWrite;
  await srv.stop();
  sb.cleanup();
});

const noStack = () => expect(log.join('').match(/\n\s+at .+:\d+:\d+/)).toBeNull();

/** Sends bytes exactly as given over a socket and returns the status line's code and the body. */
function raw(base: string, request: string | Buffer): Promise<{ status: number; text: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => s.end(request));
    let out = '';
    s.on('data', (c) => (out += c.toString('utf8')));
    s.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0), text: out }));
    s.on('error', reject);
  });
}

describe('bad requests get a short 4xx', () => {
  it('GET /doc/%zz (a URL that does not decode) → 400', async () => {
    const res = await rawGet(srv.url, '/doc/%zz');
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bad request.');
    noStack();
  });

  it('a findingId sent as an object → 400', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/');
    const res = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: { $ne: '' }, action: 'accept' }, token);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'findingId: expected a string.' });
    const f = ((await (await c.get(`/doc/${SEED_ID}/export.json`)).json()) as { documents: Array<{ findings: Array<{ id: string }> }> }).documents[0]!.findings[0]!;
    const action = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: ['accept'] }, token);
    expect(action.status).toBe(400);
    expect(await action.json()).toEqual({ error: 'action: expected a string.' });
    noStack();
  });

  it('20,000 form fields (urlencoded and multipart) → 413', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/');
    const fields = Array.from({ length: 20_000 }, (_, i) => `f${i}=1`).join('&');
    const res = await c.request(`/doc/${SEED_ID}/bulk`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: `_csrf=${token}&action=accept&${fields}` });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'The form has too many fields.' });
    const form = new FormData();
    form.set('_csrf', await c.token('/upload'));
    for (let i = 0; i < 20_000; i++) form.append(`f${i}`, '1');
    const multi = await c.request('/upload', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    expect(multi.status).toBe(413);
    expect(await multi.json()).toEqual({ error: 'The form has too many fields.' });
    expect(srv.store.decisions(SEED_ID).size).toBe(0);
    noStack();
  });

  it('a bad Content-Encoding → 400/415', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/');
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token };
    // Not gzip at all, though it says so.
    const notGzip = await c.request(`/doc/${SEED_ID}/decide`, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: '{"findingId":"x","action":"accept"}' });
    expect(notGzip.status).toBe(400);
    expect(await notGzip.json()).toEqual({ error: 'The request body could not be read.' });
    const unknown = await c.request(`/doc/${SEED_ID}/decide`, { method: 'POST', headers: { ...headers, 'content-encoding': 'x-bogus' }, body: '{}' });
    expect(unknown.status).toBe(415);
    expect(await unknown.json()).toEqual({ error: 'The request body is in an encoding this server does not read (send JSON or a form, UTF-8, gzip or none).' });
    // Uploads are not inflated: refused before reading.
    const form = new FormData();
    form.set('_csrf', await c.token('/upload'));
    form.set('mtText', 'a');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const bytes = gzipSync(Buffer.from(await encoded.arrayBuffer()));
    const up = await c.request('/upload', { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')!, 'content-encoding': 'gzip', accept: 'application/json' }, body: bytes });
    expect(up.status).toBe(415);
    expect(await up.json()).toEqual({ error: 'Uploads are not accepted with Content-Encoding "gzip" (send the files as they are).' });
    noStack();
  });

  it('a truncated multipart body → 400, nothing left in the uploads folder', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/upload');
    const body = `--XyZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--XyZ\r\nContent-Disposition: form-data; name="mtFile"; filename="mt.txt"\r\nContent-Type: text/plain\r\n\r\nThe summit of theTa`;
    const cookies = ['tqa_sid'].map((n) => `${n}=${c.cookie(n)}`).join('; ');
    const res = await raw(
      srv.url,
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nCookie: ${cookies}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('{"error":"The upload arrived incomplete or malformed."}');
    const uploads = join(sb.dataDir, 'uploads');
    await expect.poll(() => (existsSync(uploads) ? readdirSync(uploads).filter((n) => n.startsWith('.')) : [])).toEqual([]);
    noStack();
  });

  it('upload errors name the part, never a server path', async () => {
    const c = new Client(srv.url);
    const form = new FormData();
    form.set('_csrf', await c.token('/upload'));
    form.set('mtFile', new Blob(['<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="fr" target-language="en"><body><trans-unit id="1"><source>a</source>']), 'broken.xlf');
    const res = await c.request('/upload', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    const html = await res.text();
    const message = /id="upload-error"><strong>Not added:<\/strong> ([^<]*)</.exec(html)?.[1] ?? '';
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toContain(sb.dir);
    expect(message).not.toContain('.tmp-');
    expect(message).not.toContain('/');
    noStack();
  });
});

describe('exports', () => {
  it('name files relative to DIR, never by server paths, in every format', async () => {
    const c = new Client(srv.url);
    const json = (await (await c.get(`/doc/${SEED_ID}/export.json`)).json()) as { documents: Array<{ mt: { path: string }; corrected: { path: string } }> };
    expect(json.documents[0]!.mt.path).toBe(`${SEED_ID}/mt.txt`);
    expect(json.documents[0]!.corrected.path).toBe(`${SEED_ID}/corrected.txt`);
    for (const format of ['json', 'csv', 'md', 'html', 'mqm-tsv', 'm2', 'sarif', 'junit', 'github']) {
      const body = await (await c.get(`/doc/${SEED_ID}/export.${format}`)).text();
      expect(body, format).not.toContain(sb.dir);
    }
  });
});

describe("the server's own state", () => {
  // The last step sends SIGTERM while the server may still be auditing: it must end (tests/web/audits.test.ts).
  it('a read-only database: refused at start when it cannot be opened; otherwise pages work and a change is a 503', { timeout: 180_000 }, async () => {
    const ro = sandbox();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'tqa.mjs');
    const dir = join(ro.dir, 'ro');
    mkdirSync(dir);
    const db = join(dir, 'tqa.db');
    const asRoot = process.getuid?.() === 0;
    // Root ignores file modes: a read-only mount is what a root-run server would meet.
    const lock = () => (asRoot ? execFileSync('mount', ['--bind', '-o', 'ro', dir, dir]) : execFileSync('chmod', ['a-w', dir, ...readdirSync(dir).map((f) => join(dir, f))]));
    const unlock = () => (asRoot ? execFileSync('umount', [dir]) : execFileSync('chmod', ['-R', 'u+w', dir]));
    try {
      // A closed WAL database in a folder that cannot be written cannot even be read: refused, one line, exit 2.
      const seed = openStore(db);
      seed.close();
      lock();
      const cli = spawnSync(process.execPath, [bin, 'serve', ro.texts, '--port', '0', '--db', db, '--data-dir', ro.dataDir], { encoding: 'utf8', timeout: 20_000 });
      expect(cli.status).toBe(2);
      expect(cli.stderr).toMatch(new RegExp(`^tqa: ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the decisions database is read-only \\(.*\\); tqa needs to write it\n$`));
      unlock();
      // Opened while another connection holds its WAL: readable, not writable.
      const holder = openStore(join(ro.dir, 'src.db'));
      holder.decide(SEED_ID, 'some-finding', { status: 'accepted' }, 'ana');
      for (const sfx of ['', '-wal', '-shm']) copyFileSync(join(ro.dir, `src.db${sfx}`), `${db}${sfx}`);
      holder.close();
      lock();
      const r = await serve({ ...ro, dbPath: db });
      try {
        expect(r.store.readOnly).toBe(true);
        expect(r.store.decisions(SEED_ID).get('some-finding')?.status).toBe('accepted');
        const c = new Client(r.url);
        expect((await c.get(`/doc/${SEED_ID}`)).status).toBe(200);
        const token = await c.token('/');
        const res = await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: 'x', action: 'accept' }, token);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ error: 'The decisions database is read-only: nothing was saved. Tell whoever runs the server.' });
      } finally {
        await r.stop();
      }
      const warn = spawn(process.execPath, [bin, 'serve', ro.texts, '--port', '0', '--db', db, '--data-dir', ro.dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      warn.stderr.on('data', (c) => (err += c));
      try {
        await expect.poll(() => err, { timeout: 60_000 }).toContain(`tqa: warning: ${db} is read-only: pages work, decisions and uploads will be refused\n`);
      } finally {
        warn.kill('SIGTERM');
        await once(warn, 'exit');
      }
    } finally {
      try {
        unlock();
      } catch {
        /* already unlocked */
      }
      ro.cleanup();
    }
    noStack();
  });

  it.skipIf(process.getuid?.() !== 0)('a full disk: an upload is a 507 with its reason and leaves no temporary folder', async () => {
    const full = sandbox();
    mkdirSync(full.dataDir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', full.dataDir]);
    try {
      const r = await serve(full, { limits: { uploadBytes: 1024 * 1024, lineBytes: 1024 * 1024 } });
      try {
        // Fill the disk but for a few KB.
        let n = 0;
        try {
          for (;;) writeFileSync(join(full.dataDir, `filler-${n++}`), Buffer.alloc(16 * 1024));
        } catch {
          /* full */
        }
        const c = new Client(r.url);
        const form = new FormData();
        form.set('_csrf', await c.token('/upload'));
        const text = 'The summit of theTake took place.\n'.repeat(3000);
        form.set('mtFile', new Blob([text]), 'mt.txt');
        form.set('correctedText', text.replace(/theTake/g, 'NATO'));
        const res = await c.request('/upload', { method: 'POST', body: form, headers: { accept: 'application/json' } });
        expect(res.status).toBe(507);
        expect(await res.json()).toEqual({ error: "The server's disk is full: nothing was saved. Tell whoever runs the server." });
        const uploads = join(full.dataDir, 'uploads');
        await expect.poll(() => (existsSync(uploads) ? readdirSync(uploads) : [])).toEqual([]);
        // The decisions database on the same full disk: a decision is refused the same way, none is half-made.
        const token = await c.token('/');
        const f = ((await (await c.get(`/doc/${SEED_ID}/export.json`)).json()) as { documents: Array<{ findings: Array<{ id: string }> }> }).documents[0]!.findings[0]!;
        const comment = 'c'.repeat(3900);
        let status = 200;
        for (let i = 0; i < 400 && status === 200; i++) status = (await c.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'comment', value: `${i}${comment}` }, token)).status;
        expect(status).toBe(507);
      } finally {
        await r.stop();
      }
    } finally {
      execFileSync('umount', [full.dataDir]);
      full.cleanup();
    }
    expect(log.join('')).toMatch(/tqa serve: POST \/upload: The server's disk is full: nothing was saved\. Tell whoever runs the server\. \(ENOSPC\)/);
    noStack();
  });
});

describe('export and check with --db', () => {
  it('warn on stderr when decisions match no finding', async () => {
    const db = join(sb.dir, 'warn.db');
    const store = openStore(db);
    store.decide(SEED_ID, 'no-such-finding-1', { status: 'accepted' }, 'ana');
    store.decide(SEED_ID, 'no-such-finding-2', { status: 'rejected' }, 'ana');
    store.close();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'tqa.mjs');
    const folder = join(sb.texts, SEED_ID);
    const warning = `tqa: warning: 2 decisions on "${SEED_ID}" in ${db} match no finding (audited with another glossary, segmentation or text than in the review?)\n`;
    const exp = spawnSync(process.execPath, [bin, 'export', folder, '--format', 'json', '--db', db], { encoding: 'utf8', timeout: 60_000 });
    expect(exp.status, exp.stderr).toBe(0);
    expect(exp.stderr).toContain(warning);
    expect(JSON.parse(exp.stdout).documents[0].id).toBe(SEED_ID); // stdout stays clean JSON
    const check = spawnSync(process.execPath, [bin, 'check', join(folder, 'mt.txt'), '--corrected', join(folder, 'corrected.txt'), '--db', db], { encoding: 'utf8', timeout: 60_000 });
    expect([0, 1]).toContain(check.status);
    expect(check.stderr).toMatch(/tqa: warning: 2 decisions on "[^"]+" in .* match no finding/);
  });
});
