import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

// CSRF protection for every state-changing request: a random session id in an httpOnly, SameSite=Strict cookie,
// and a token = HMAC(secret, session id) that pages embed (a hidden field, and a <meta> for fetch requests).
// A request from another site can neither read the token nor send the cookie. The secret is kept in the data
// directory so that pages opened before a restart still work after it.

export const SESSION_COOKIE = 'tqa_sid';
export const TOKEN_FIELD = '_csrf';
export const TOKEN_HEADER = 'x-csrf-token';

export class CsrfError extends Error {
  readonly status = 403;
  constructor() {
    super('This form has expired or did not come from this page (missing or wrong CSRF token). Reload the page and try again.');
  }
}

export function loadSecret(file: string | undefined): Buffer {
  if (!file) return randomBytes(32);
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  }
  const secret = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function csrf(secret: Buffer) {
  const tokenFor = (sid: string) => createHmac('sha256', secret).update(sid).digest('base64url');

  /** Gives every visitor a session id and exposes the token to templates as `csrfToken`. */
  function session(req: Request, res: Response, next: NextFunction): void {
    let sid = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!sid || !/^[A-Za-z0-9_-]{20,64}$/.test(sid)) {
      sid = randomBytes(24).toString('base64url');
      res.cookie(SESSION_COOKIE, sid, { httpOnly: true, sameSite: 'strict', path: '/' });
    }
    res.locals.csrfToken = tokenFor(sid);
    res.locals.sid = sid;
    next();
  }

  /** Refuses a state-changing request without the token of the caller's session. Call after body parsing. */
  function verify(req: Request, res: Response, next: NextFunction): void {
    const sid = res.locals.sid as string;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const given = String(req.get(TOKEN_HEADER) ?? body[TOKEN_FIELD] ?? '');
    const want = tokenFor(sid);
    const ok = given.length === want.length && timingSafeEqual(Buffer.from(given), Buffer.from(want));
    if (!ok) return next(new CsrfError());
    next();
  }

  return { session, verify };
}
