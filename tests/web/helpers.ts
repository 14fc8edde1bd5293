// Shared set-up for the web tests: a temp copy of the seed pair, a store, a server on 127.0.0.1:0.
import { request } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import type { AppOptions } from '../../src/web/app.js';
import { startServer, type RunningServer } from '../../src/web/server.js';

export const SEED_ID = 'ukraine-security-guarantees';
const SEED_DIR = join(import.meta.dirname, '..', '..', 'texts', SEED_ID);

export interface Sandbox {
  dir: string;
  texts: string;
  dataDir: string;
  dbPath: string;
  cleanup(): void;
}

/** A temp folder with texts/<seed>/ (mt, corrected, glossary) and an empty data dir. */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'tqa-web-'));
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  cpSync(SEED_DIR, join(texts, SEED_ID), { recursive: true });
  const dataDir = join(dir, 'data');
  return { dir, texts, dataDir, dbPath: join(dataDir, 'tqa.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Running extends RunningServer {
  store: Store;
  stop(): Promise<void>;
}

export async function serve(sb: Sandbox, opts: Partial<AppOptions> = {}, { noWarm = false } = {}): Promise<Running> {
  const store = openStore(sb.dbPath);
  const running = await startServer({ root: sb.texts, dataDir: sb.dataDir, store, reviewer: 'tester', ...opts });
  // Audits run in workers: the tests start once every listed pair is audited (a pending page is tested on its own).
  if (!noWarm) await running.app.audits.warm();
  return {
    ...running,
    store,
    stop: async () => {
      await running.close();
      store.close();
    },
  };
}

/** A minimal cookie-keeping client for HTTP-level tests (one "browser session"). */
export class Client {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  /** The same session (cookies) against another server address, e.g. after a restart on a new port. */
  withBase(base: string): Client {
    const c = new Client(base);
    c.cookies = new Map(this.cookies);
    return c;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }

  /** Loads a page and returns its CSRF token (from the <meta> tag). */
  async token(path = '/'): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
    if (!m) throw new Error('no csrf token in page');
    return m[1]!;
  }

  async postJson(path: string, body: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers['x-csrf-token'] = token;
    return this.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  /** Logs in through the login form (CSRF token from the page); returns the response of the POST. */
  async login(name: string, password: string): Promise<Response> {
    const token = await this.token('/login');
    return this.postForm('/login', { _csrf: token, name, password });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** GET with the path sent exactly as written (fetch would normalise `%2e%2e` and `..` away). */
export function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
