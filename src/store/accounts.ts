import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InputError } from '../io/errors.js';

// Accounts of a shared review server: users with a role, server-side sessions and API tokens, in the decisions
// database. Passwords are scrypt hashes with a random salt per user (the parameters are stored with the hash, so
// they can be raised later); tokens are random and only their SHA-256 is stored.

export const ROLES = ['reviewer', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** What each role may do, cumulatively: a lead is also a reviewer, an admin also a lead. */
const RANK: Record<Role, number> = { reviewer: 0, lead: 1, admin: 2 };
export function canAct(role: Role, needs: Role): boolean {
  return RANK[role] >= RANK[needs];
}

export interface User {
  name: string;
  role: Role;
  created: string;
}

export const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;
const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,79}$/u;
export const SESSION_DAYS = 14;
// N = 2^15, r = 8: about 32 MiB and ~50-100 ms per hash, OWASP's minimum for scrypt.
const KDF = { N: 32768, r: 8, p: 1, keylen: 32 };
const kdfOptions = (N: number, r: number, p: number): ScryptOptions => ({ N, r, p, maxmem: 128 * N * r * p + 1024 * 1024 });

export function checkUserName(name: string): string {
  if (!NAME_PATTERN.test(name)) throw new InputError(`"${name}" is not a valid account name (1–80 letters, digits, . _ @ -, starting with a letter or digit)`);
  return name;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new InputError(`unknown role "${role}" (use ${ROLES.join(', ')})`);
  return role as Role;
}

export function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD) throw new InputError(`the password is too short (at least ${MIN_PASSWORD} characters)`);
  if (password.length > MAX_PASSWORD) throw new InputError(`the password is too long (at most ${MAX_PASSWORD} characters)`);
  return password;
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KDF.keylen, kdfOptions(KDF.N, KDF.r, KDF.p));
  return ['scrypt', KDF.N, KDF.r, KDF.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Compares in constant time; asynchronous so that a login does not stall every other request for the hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64url');
  const got = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), want.length, kdfOptions(Number(n), Number(r), Number(p)), (e, k) => (e ? reject(e) : resolve(k))),
  );
  return got.length === want.length && timingSafeEqual(got, want);
}

// A hash to compare against when the account does not exist, so that a login for an unknown name takes as long.
let dummyHash: string | undefined;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export class Accounts {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      get: db.prepare<[string], { name: string; role: Role; password: string; created: string }>('SELECT * FROM users WHERE name = ?'),
      list: db.prepare<[], User>('SELECT name, role, created FROM users ORDER BY name'),
      insert: db.prepare('INSERT INTO users (name, role, password, created) VALUES (?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM users WHERE name = ?'),
      passwd: db.prepare('UPDATE users SET password = ? WHERE name = ?'),
      setRole: db.prepare('UPDATE users SET role = ? WHERE name = ?'),
      dropSessions: db.prepare('DELETE FROM sessions WHERE user = ?'),
      addSession: db.prepare('INSERT INTO sessions (token_hash, user, created, expires) VALUES (?, ?, ?, ?)'),
      session: db.prepare<[string, string], { name: string; role: Role; created: string }>(
        'SELECT u.name, u.role, u.created FROM sessions s JOIN users u ON u.name = s.user WHERE s.token_hash = ? AND s.expires > ?',
      ),
      endSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      expire: db.prepare('DELETE FROM sessions WHERE expires <= ?'),
      addToken: db.prepare('INSERT INTO api_tokens (token_hash, user, label, created) VALUES (?, ?, ?, ?)'),
      token: db.prepare<[string], { name: string; role: Role; created: string }>(
        'SELECT u.name, u.role, u.created FROM api_tokens t JOIN users u ON u.name = t.user WHERE t.token_hash = ?',
      ),
      tokens: db.prepare<[string], { label: string; created: string }>('SELECT label, created FROM api_tokens WHERE user = ? ORDER BY created'),
      dropTokens: db.prepare('DELETE FROM api_tokens WHERE user = ?'),
    };
  }

  count(): number {
    return this.q.count.get()!.n;
  }

  list(): User[] {
    return this.q.list.all();
  }

  get(name: string): User | undefined {
    const row = this.q.get.get(name);
    return row ? { name: row.name, role: row.role, created: row.created } : undefined;
  }

  add(name: string, role: Role, password: string): User {
    checkUserName(name);
    checkRole(role);
    checkPassword(password);
    if (this.q.get.get(name)) throw new InputError(`an account "${name}" already exists (tqa users passwd changes its password)`);
    const created = new Date().toISOString();
    this.q.insert.run(name, role, hashPassword(password), created);
    return { name, role, created };
  }

  remove(name: string): void {
    if (this.q.remove.run(name).changes === 0) throw new InputError(`no account "${name}"`);
  }

  /** A new password ends every session of the account (API tokens stay: they are revoked with `tqa users revoke`). */
  setPassword(name: string, password: string): void {
    checkPassword(password);
    const hash = hashPassword(password);
    this.db.transaction(() => {
      if (this.q.passwd.run(hash, name).changes === 0) throw new InputError(`no account "${name}"`);
      this.q.dropSessions.run(name);
    })();
  }

  setRole(name: string, role: Role): void {
    checkRole(role);
    if (this.q.setRole.run(role, name).changes === 0) throw new InputError(`no account "${name}"`);
  }

  /** The account when name and password match; undefined otherwise (same work either way). */
  async login(name: string, password: string): Promise<User | undefined> {
    const row = typeof name === 'string' && name.length <= 80 ? this.q.get.get(name) : undefined;
    const pw = typeof password === 'string' ? password.slice(0, MAX_PASSWORD) : '';
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = await verifyPassword(pw, row?.password ?? dummyHash);
    return row && ok ? { name: row.name, role: row.role, created: row.created } : undefined;
  }

  /** A new session token for the account (the cookie value); only its hash is stored. */
  startSession(name: string, now = Date.now()): string {
    const token = newToken('s_');
    this.q.expire.run(new Date(now).toISOString());
    this.q.addSession.run(tokenHash(token), name, new Date(now).toISOString(), new Date(now + SESSION_DAYS * 86400_000).toISOString());
    return token;
  }

  sessionUser(token: string | undefined): User | undefined {
    if (!token || token.length > 100) return undefined;
    return this.q.session.get(tokenHash(token), new Date().toISOString());
  }

  endSession(token: string | undefined): void {
    if (token) this.q.endSession.run(tokenHash(token));
  }

  /** A new API token (printed once; only its hash is kept). */
  createToken(name: string, label: string): string {
    if (!this.q.get.get(name)) throw new InputError(`no account "${name}"`);
    const token = newToken('tqa_');
    this.q.addToken.run(tokenHash(token), name, label, new Date().toISOString());
    return token;
  }

  tokens(name: string): Array<{ label: string; created: string }> {
    return this.q.tokens.all(name);
  }

  revokeTokens(name: string): number {
    return this.q.dropTokens.run(name).changes;
  }

  tokenUser(token: string | undefined): User | undefined {
    if (!token || token.length > 100) return undefined;
    return this.q.token.get(tokenHash(token));
  }
}
