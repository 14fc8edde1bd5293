// A shared server: accounts, sessions, roles, API tokens, the Host/Origin checks, login rate limiting and a lead
// arbitrating a disagreement — over HTTP against the real app and a real SQLite file.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { openStore } from '../../src/store/index.js';
import { startServer } from '../../src/web/server.js';
import { Client, SEED_ID, sandbox, serve, type Running, type Sandbox } from './helpers.js';

let sb: Sandbox;
let srv: Running;
const PW = { ana: 'ana-password-1', ben: 'ben-password-2', lea: 'lea-password-3', root: 'root-password-4' };

beforeAll(async () => {
  sb = sandbox();
  const store = openStore(sb.dbPath);
  store.accounts.add('ana', 'reviewer', PW.ana);
  store.accounts.add('ben', 'reviewer', PW.ben);
  store.accounts.add('lea', 'lead', PW.lea);
  store.accounts.add('root', 'admin', PW.root);
  store.close();
  srv = await serve(sb, { loginLimit: { windowMs: 60_000, limit: 8 } });
});
afterAll(async () => {
  await srv.stop();
  sb.cleanup();
});

async function loggedIn(name: keyof typeof PW): Promise<Client> {
  const c = new Client(srv.url);
  const res = await c.login(name, PW[name]);
  expect(res.status).toBe(303);
  return c;
}

async function findings(c: Client): Promise<Finding[]> {
  const res = await c.get(`/doc/${SEED_ID}/export.json`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Report).documents[0]!.findings;
}

describe('logging in', () => {
  it('sends a page without a session to the login page and JSON callers a 401', async () => {
    const c = new Client(srv.url);
    const page = await c.get(`/doc/${SEED_ID}`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/doc/${SEED_ID}`)}`);
    const api = await c.get(`/doc/${SEED_ID}/export.json`, { accept: 'application/json' });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: 'Log in first (or send an API token: Authorization: Bearer …).' });
    const login = await c.get('/login');
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="password" type="password"');
  });

  it('refuses a wrong password with 401 and sets an HttpOnly, SameSite=Lax session cookie on success', async () => {
    const c = new Client(srv.url);
    const wrong = await c.login('ana', 'not-her-password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong name or password.');
    const nobody = await c.login('nobody', 'whatever-password');
    expect(nobody.status).toBe(401);
    const token = await c.token('/login');
    const ok = await c.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, name: 'ana', password: PW.ana, next: `/doc/${SEED_ID}` }).toString(),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/doc/${SEED_ID}`);
    const cookie = ok.headers.getSetCookie().find((x) => x.startsWith('tqa_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback
    const page = await c.get(`/doc/${SEED_ID}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<span id="whoami">ana</span>');
    // Only the hash of the token is in the database.
    const raw = c.cookie('tqa_session')!;
    const db = openStore(sb.dbPath);
    try {
      expect(db.accounts.sessionUser(raw)?.name).toBe('ana');
    } finally {
      db.close();
    }
  });

  it('never redirects to another site after logging in', async () => {
    const c = new Client(srv.url);
    const token = await c.token('/login');
    const res = await c.postForm('/login', { _csrf: token, name: 'ana', password: PW.ana, next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('logs out: the old session cookie no longer works', async () => {
    const c = await loggedIn('ben');
    const token = await c.token('/');
    const old = c.cookie('tqa_session')!;
    const out = await c.postForm('/logout', { _csrf: token });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    const replay = new Client(srv.url);
    const res = await replay.get('/', { cookie: `tqa_session=${old}`, accept: 'application/json' });
    expect(res.status).toBe(401);
  });
});

describe('decisions under the account', () => {
  it('records the logged-in account, ignoring a tqa_reviewer cookie, and refuses to rename the reviewer', async () => {
    const c = await loggedIn('ana');
    const token = await c.token(`/doc/${SEED_ID}`);
    const f = (await findings(c))[0]!;
    const res = await c.request(`/doc/${SEED_ID}/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token, cookie: `tqa_reviewer=project-lead; tqa_session=${c.cookie('tqa_session')}; tqa_sid=${c.cookie('tqa_sid')}` },
      body: JSON.stringify({ findingId: f.id, action: 'reject', reviewer: 'project-lead' }),
    });
    expect(res.status).toBe(200);
    expect(srv.store.decisions(SEED_ID).get(f.id)?.reviewer).toBe('ana');
    expect(srv.store.history(SEED_ID, f.id).map((h) => h.reviewer)).toEqual(['ana']);
    const rename = await c.postForm('/reviewer', { _csrf: token, reviewer: 'project-lead' });
    expect(rename.status).toBe(403);
  });

  it('lets a reviewer decide but not upload; a lead uploads', async () => {
    const ana = await loggedIn('ana');
    expect((await ana.get('/upload')).status).toBe(403);
    const token = await ana.token('/');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('mtText', 'The summit of theTake.\n');
    form.set('correctedText', 'The summit of NATO.\n');
    const refused = await ana.request('/upload', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'This needs the lead role (ana is reviewer).' });
    const lea = await loggedIn('lea');
    const t2 = await lea.token('/upload');
    form.set('_csrf', t2);
    form.set('name', 'by lead');
    const ok = await lea.request('/upload', { method: 'POST', body: form });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/doc/upload-by-lead');
  });

  it('shows a disagreement between two reviewers to the lead, who settles it', async () => {
    const ana = await loggedIn('ana');
    const ben = await loggedIn('ben');
    const fs = await findings(ana);
    const f = fs.find((x) => !x.decision)!;
    expect((await ana.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'accept' }, await ana.token('/'))).status).toBe(200);
    expect((await ben.postJson(`/doc/${SEED_ID}/decide`, { findingId: f.id, action: 'reject' }, await ben.token('/'))).status).toBe(200);
    const lea = await loggedIn('lea');
    const page = await (await lea.get(`/doc/${SEED_ID}`)).text();
    const card = page.slice(page.indexOf('id="disputes"'), page.indexOf('</section>', page.indexOf('id="disputes"')));
    expect(card).toContain(`data-id="${f.id}"`);
    expect(card).toContain('<b>ana</b>: accepted');
    expect(card).toContain('<b>ben</b>: rejected');
    expect(card).toContain('action="/doc/ukraine-security-guarantees/arbitrate"');
    // A reviewer sees it but cannot settle it.
    const anaPage = await (await ana.get(`/doc/${SEED_ID}`)).text();
    expect(anaPage).toContain('id="disputes"');
    expect(anaPage).not.toContain('/arbitrate"');
    expect((await ana.postJson(`/doc/${SEED_ID}/arbitrate`, { findingId: f.id, action: 'accept' }, await ana.token('/'))).status).toBe(403);
    const res = await lea.postJson(`/doc/${SEED_ID}/arbitrate`, { findingId: f.id, action: 'accept' }, await lea.token('/'));
    expect(res.status).toBe(200);
    expect(srv.store.decisions(SEED_ID).get(f.id)).toMatchObject({ status: 'accepted', reviewer: 'lea' });
    expect(srv.store.history(SEED_ID, f.id).map((h) => `${h.reviewer}:${h.field}:${h.to}`)).toEqual([
      'ana:status:accepted',
      'ben:status:rejected',
      'lea:status:accepted',
      'lea:arbitration:accepted',
    ]);
    expect(srv.store.disagreements(SEED_ID).some((d) => d.findingId === f.id)).toBe(false);
  });
});

describe('API tokens', () => {
  it('decides with Authorization: Bearer (no cookie, no CSRF token) and refuses a wrong token', async () => {
    const token = srv.store.accounts.createToken('ben', 'ci');
    const f = (await findings(await loggedIn('ben'))).find((x) => !x.decision)!;
    const ok = await fetch(new URL(`/doc/${SEED_ID}/decide`, srv.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ findingId: f.id, action: 'accept' }),
    });
    expect(ok.status).toBe(200);
    expect(srv.store.decisions(SEED_ID).get(f.id)?.reviewer).toBe('ben');
    const bad = await fetch(new URL(`/doc/${SEED_ID}/export.json`, srv.url), { headers: { authorization: 'Bearer tqa_nope', accept: 'application/json' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toMatch(/API token is not valid/);
  });
});

describe('Host and Origin', () => {
  it('answers 421 to a Host it was not configured for (DNS rebinding)', async () => {
    const c = await loggedIn('ana');
    // fetch cannot set Host: a raw request, as a rebinding page's browser would send it.
    const cookie = `tqa_session=${c.cookie('tqa_session')}`;
    const res = await rawRequest(srv.url, '/', { host: 'evil.example:80', cookie, accept: 'application/json' });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toEqual({ error: 'This server does not answer to the host name "evil.example" (tqa serve --allowed-host adds names).' });
    expect((await rawRequest(srv.url, '/', { host: `localhost:${new URL(srv.url).port}`, cookie })).status).toBe(200);
  });

  it('refuses a state-changing request from another origin even with a valid session and token', async () => {
    const c = await loggedIn('ana');
    const token = await c.token('/');
    const f = (await findings(c)).find((x) => !x.decision)!;
    const hostile: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' },
      { origin: 'null' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of hostile) {
      const res = await c.request(`/doc/${SEED_ID}/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token, ...headers },
        body: JSON.stringify({ findingId: f.id, action: 'reject' }),
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/^Refused: this request came from another site/);
    }
    expect(srv.store.decisions(SEED_ID).has(f.id)).toBe(false);
    const own = new URL(srv.url).origin;
    const same = await c.request(`/doc/${SEED_ID}/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token, origin: own, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ findingId: f.id, action: 'reject' }),
    });
    expect(same.status).toBe(200);
  });
});

describe('accounts page', () => {
  it('lets an admin list, add and remove accounts; nobody else', async () => {
    const lea = await loggedIn('lea');
    expect((await lea.get('/users', { accept: 'application/json' })).status).toBe(403);
    const root = await loggedIn('root');
    const page = await (await root.get('/users')).text();
    for (const n of ['ana', 'ben', 'lea', 'root']) expect(page).toContain(`<tr data-user="${n}">`);
    const token = await root.token('/users');
    const short = await root.postForm('/users', { _csrf: token, name: 'cy', role: 'reviewer', password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('The password is too short (at least 8 characters)');
    expect((await root.postForm('/users', { _csrf: token, name: 'cy', role: 'lead', password: 'cy-password-5' })).status).toBe(303);
    const cy = new Client(srv.url);
    expect((await cy.login('cy', 'cy-password-5')).status).toBe(303);
    expect((await cy.get('/upload')).status).toBe(200); // a lead
    expect((await root.postForm('/users/cy/remove', { _csrf: token })).status).toBe(303);
    expect((await cy.get('/', { accept: 'application/json' })).status).toBe(401); // the session ended with the account
    expect((await root.postForm('/users/root/remove', { _csrf: token })).status).toBe(400);
  });
});

describe('login rate limit', () => {
  it('answers 429 after the configured number of attempts from one address', async () => {
    const c = new Client(srv.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.login('ana', `wrong-${i}-password`)).status);
    expect(statuses).toContain(429);
    const first429 = statuses.indexOf(429);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    const res = await c.login('ana', PW.ana); // the right password too, while limited
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Too many failed logins from this address (at most 8 in 1 minute)');
  });
});

describe('behind a reverse proxy (--trust-proxy)', () => {
  it('marks the session cookie Secure for https and checks the forwarded host name', async () => {
    const sb2 = sandbox();
    const st = openStore(sb2.dbPath);
    st.accounts.add('ana', 'reviewer', PW.ana);
    st.close();
    const s2 = await serve(sb2, { trustProxy: 'loopback', allowedHosts: ['tqa.example.org'] }, { noWarm: true });
    try {
      const c = new Client(s2.url);
      const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'tqa.example.org' };
      const page = await c.get('/login', proxied);
      expect(page.status).toBe(200);
      const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await page.text())![1]!;
      const res = await c.request('/login', {
        method: 'POST',
        headers: { ...proxied, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://tqa.example.org' },
        body: new URLSearchParams({ _csrf: token, name: 'ana', password: PW.ana }).toString(),
      });
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie().find((x) => x.startsWith('tqa_session='))).toMatch(/; Secure/);
      const other = await c.get('/', { 'x-forwarded-host': 'evil.example', accept: 'application/json' });
      expect(other.status).toBe(421);
    } finally {
      await s2.stop();
      sb2.cleanup();
    }
  });
});

describe('bound to every interface', () => {
  it('refuses to start before an account exists, then starts and shows the bound address', async () => {
    const empty = sandbox();
    const store = openStore(empty.dbPath);
    try {
      await expect(startServer({ root: empty.texts, dataDir: empty.dataDir, store, host: '0.0.0.0', port: 0 })).rejects.toThrow(
        /^--host 0\.0\.0\.0: other machines can reach this address and there are no accounts yet; add one first: tqa users add NAME --role admin/,
      );
      store.accounts.add('root', 'admin', 'root-password-0');
      const running = await startServer({ root: empty.texts, dataDir: empty.dataDir, store, host: '0.0.0.0', port: 0 });
      try {
        expect(running.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
        const port = new URL(running.url).port;
        const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'application/json' } });
        expect(res.status).toBe(401);
      } finally {
        await running.close();
      }
    } finally {
      store.close();
      empty.cleanup();
    }
  });
});

function rawRequest(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
