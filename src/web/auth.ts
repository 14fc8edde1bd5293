import { hostname, networkInterfaces } from 'node:os';
import type { NextFunction, Request, Response } from 'express';
import { canAct, type Role, type User } from '../store/accounts.js';
import type { Store } from '../store/index.js';

// Who is asking, and may they: the Host and Origin checks every request passes, the accounts mode of a shared
// server (a session cookie or an API token) and the role a route needs. On loopback with no accounts the
// server stays single-user (the reviewer name comes from the page), as it always was.

export const LOGIN_COOKIE = 'tqa_session';

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** The names a server answers to unless told more: the bound address (or, bound to every interface, this
 *  machine's name and addresses) and the loopback names. A DNS-rebinding page arrives with its own domain. */
export function defaultAllowedHosts(bound: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  if (isWildcard(bound)) {
    names.push(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(a.address);
  } else names.push(bound);
  return [...new Set(names.map(normaliseHost))];
}

const normaliseHost = (h: string) => h.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/** 421 for a Host this server is not configured to answer to (DNS rebinding). */
export function hostGuard(allowed: readonly string[]) {
  const ok = new Set(allowed.map(normaliseHost));
  return (req: Request, _res: Response, next: NextFunction) => {
    const host = normaliseHost(req.hostname ?? '');
    if (!host || !ok.has(host)) {
      return next(new HttpRefusal(421, `This server does not answer to the host name "${host.slice(0, 100)}" (tqa serve --allowed-host adds names).`));
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 403 for a state-changing request a browser says came from another site (Origin, else Sec-Fetch-Site). */
export function originGuard(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  // A page sent with Referrer-Policy: no-referrer posts its forms with `Origin: null`: then the browser's
  // Sec-Fetch-Site decides (a null origin without it is refused).
  if (origin === 'null' && site === 'same-origin') return next();
  if (origin !== undefined) {
    let host: string | undefined;
    try {
      host = origin === 'null' ? undefined : new URL(origin).host.toLowerCase();
    } catch {
      host = undefined;
    }
    // Behind a trusted proxy the browser's host may be the forwarded one.
    const own = [req.get('host'), req.app.get('trust proxy') ? req.get('x-forwarded-host') : undefined].map((h) => h?.toLowerCase());
    if (host === undefined || !own.includes(host)) return next(new HttpRefusal(403, `Refused: this request came from another site (Origin ${origin.slice(0, 100)}).`));
    return next();
  }
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return next(new HttpRefusal(403, `Refused: this request came from another site (Sec-Fetch-Site: ${site.slice(0, 40)}).`));
  }
  next();
}

export interface AuthOptions {
  store: Store;
  /** Accounts are required whatever the store holds (the server is reachable from other machines). */
  required: boolean;
}

/** The account mode: true once accounts are required or any exist (checked per request: adding the first
 *  account with `tqa users add` while the server runs turns logins on at once). */
export function accountsOn(o: AuthOptions): boolean {
  return o.required || o.store.accounts.count() > 0;
}

/** Paths reachable without logging in (static files are mounted before this middleware). */
const PUBLIC = new Set(['/login']);

/** Sets res.locals.user (and .viaToken for a bearer token) or refuses: a page asks to log in, JSON gets 401. */
export function authenticate(o: AuthOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.accounts = accountsOn(o);
    if (!res.locals.accounts) return next();
    const header = req.get('authorization');
    let user: User | undefined;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      user = m ? o.store.accounts.tokenUser(m[1]) : undefined;
      if (!user) return next(new HttpRefusal(401, 'The API token is not valid (tqa users token NAME creates one).'));
      res.locals.viaToken = true;
    } else {
      user = o.store.accounts.sessionUser((req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE]);
    }
    if (user) {
      res.locals.user = user;
      res.locals.reviewer = user.name;
      return next();
    }
    if (PUBLIC.has(req.path)) return next();
    if (SAFE_METHODS.has(req.method) && req.accepts(['html', 'json']) === 'html') {
      return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl.slice(0, 500))}`);
    }
    next(new HttpRefusal(401, 'Log in first (or send an API token: Authorization: Bearer …).'));
  };
}

/** A route only some roles may use. In single-user mode every route is open, as before accounts existed. */
export function needs(role: Role) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!res.locals.accounts) return next();
    const user = res.locals.user as User | undefined;
    if (!user) return next(new HttpRefusal(401, 'Log in first.'));
    if (!canAct(user.role, role)) return next(new HttpRefusal(403, `This needs the ${role} role (${user.name} is ${user.role}).`));
    next();
  };
}

/** Whether the caller may use `role`'s routes (for templates: show the button or not). */
export function may(res: Response, role: Role): boolean {
  if (!res.locals.accounts) return true;
  const user = res.locals.user as User | undefined;
  return user !== undefined && canAct(user.role, role);
}

/** Where to go after logging in: a path on this server only (never `//evil.example`). */
export function safeNext(next: unknown): string {
  const s = typeof next === 'string' ? next : '';
  return /^\/(?![/\\])/.test(s) ? s : '/';
}
