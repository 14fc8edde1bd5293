// Accounts in the decisions database: scrypt hashes, sessions and API tokens stored as hashes only, the schema
// upgrade from version 1 (decisions kept), disagreements and their arbitration, stored audits.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/store/accounts.js';
import { openStore, SCHEMA_VERSION } from '../../src/store/index.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqa-accounts-'));
  db = join(dir, 'tqa.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('passwords', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const a = hashPassword('correct horse battery');
    const b = hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b); // a salt per hash
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$whatever')).toBe(false);
  });
});

describe('accounts, sessions, tokens', () => {
  it('logs in, keeps only token hashes, ends sessions on logout, password change and removal', async () => {
    const store = openStore(db);
    try {
      store.accounts.add('ana', 'reviewer', 'ana-password-1');
      expect(() => store.accounts.add('ana', 'lead', 'other-password')).toThrow(/already exists/);
      expect(() => store.accounts.add('bob', 'reviewer', 'short')).toThrow(/at least 8 characters/);
      expect(await store.accounts.login('ana', 'ana-password-1')).toMatchObject({ name: 'ana', role: 'reviewer' });
      expect(await store.accounts.login('ana', 'wrong-password')).toBeUndefined();
      expect(await store.accounts.login('nobody', 'ana-password-1')).toBeUndefined();
      const s1 = store.accounts.startSession('ana');
      const t1 = store.accounts.createToken('ana', 'ci');
      expect(store.accounts.sessionUser(s1)?.name).toBe('ana');
      expect(store.accounts.tokenUser(t1)?.name).toBe('ana');
      const raw = readFileSync(db).toString('latin1') + readFileSync(`${db}-wal`).toString('latin1');
      expect(raw).not.toContain(s1);
      expect(raw).not.toContain(t1);
      store.accounts.endSession(s1);
      expect(store.accounts.sessionUser(s1)).toBeUndefined();
      const s2 = store.accounts.startSession('ana');
      store.accounts.setPassword('ana', 'new-password-2');
      expect(store.accounts.sessionUser(s2)).toBeUndefined();
      expect(store.accounts.tokenUser(t1)?.name).toBe('ana'); // tokens are revoked on their own
      const s3 = store.accounts.startSession('ana');
      store.accounts.remove('ana');
      expect(store.accounts.sessionUser(s3)).toBeUndefined();
      expect(store.accounts.tokenUser(t1)).toBeUndefined();
      // An expired session does not log in.
      store.accounts.add('old', 'lead', 'old-password-1');
      const expired = store.accounts.startSession('old', Date.now() - 15 * 86400_000);
      expect(store.accounts.sessionUser(expired)).toBeUndefined();
    } finally {
      store.close();
    }
  });
});

describe('schema', () => {
  it('upgrades a version 1 database, keeping its decisions and history', () => {
    const raw = new Database(db);
    raw.exec(`
      CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
      CREATE TABLE decisions (document_id TEXT NOT NULL, finding_id TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
        category TEXT, severity TEXT, comment TEXT, reviewer TEXT NOT NULL, at TEXT NOT NULL, revision INTEGER NOT NULL, snapshot TEXT,
        PRIMARY KEY (document_id, finding_id)) WITHOUT ROWID;
      CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, finding_id TEXT NOT NULL, reviewer TEXT NOT NULL,
        at TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT);
      INSERT INTO decisions VALUES ('doc', 'f1', 'accepted', NULL, NULL, NULL, 'ana', '2026-11-30T10:00:00.000Z', 1, NULL);
      INSERT INTO history (document_id, finding_id, reviewer, at, field, old_value, new_value) VALUES ('doc', 'f1', 'ana', '2026-11-30T10:00:00.000Z', 'status', NULL, 'accepted');
    `);
    raw.close();
    const store = openStore(db);
    try {
      expect(store.decisions('doc').get('f1')).toMatchObject({ status: 'accepted', reviewer: 'ana' });
      expect(store.history('doc')).toHaveLength(1);
      expect(store.accounts.count()).toBe(0);
    } finally {
      store.close();
    }
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    check.close();
  });
});

describe('disagreements', () => {
  it('lists findings whose reviewers’ latest statuses differ, until a lead arbitrates', () => {
    const store = openStore(db);
    try {
      store.decide('doc', 'f1', { status: 'accepted' }, 'ana');
      store.decide('doc', 'f1', { status: 'rejected' }, 'ben');
      store.decide('doc', 'f2', { status: 'accepted' }, 'ana');
      store.decide('doc', 'f2', { status: 'accepted' }, 'ben'); // agreement
      store.decide('doc', 'f3', { status: 'rejected' }, 'ana');
      store.decide('doc', 'f3', { status: 'accepted' }, 'ana'); // one reviewer changing their mind
      store.decide('doc', 'f4', { comment: 'hm' }, 'ben');
      expect(store.disagreements('doc')).toEqual([
        { findingId: 'f1', statuses: [expect.objectContaining({ reviewer: 'ana', status: 'accepted' }), expect.objectContaining({ reviewer: 'ben', status: 'rejected' })] },
      ]);
      store.decide('doc', 'f1', { status: 'rejected' }, 'lea', undefined, { arbitrate: true });
      expect(store.disagreements('doc')).toEqual([]);
      // A new disagreement after the arbitration is listed again.
      store.decide('doc', 'f1', { status: 'accepted' }, 'ana');
      store.decide('doc', 'f1', { status: 'rejected' }, 'ben');
      expect(store.disagreements('doc').map((d) => d.findingId)).toEqual(['f1']);
    } finally {
      store.close();
    }
  });
});

describe('stored audits and deleted documents', () => {
  it('keeps one audit per document by key, and the ids of deleted uploads', () => {
    const store = openStore(db);
    try {
      store.saveAudit('k1', 'doc', '{"a":1}');
      expect(store.cachedAudit('k1')).toBe('{"a":1}');
      store.saveAudit('k2', 'doc', '{"a":2}');
      expect(store.cachedAudit('k1')).toBeUndefined();
      expect(store.cachedAudit('k2')).toBe('{"a":2}');
      store.markDeleted('upload-x', 'lea');
      expect([...store.deletedIds()]).toEqual(['upload-x']);
    } finally {
      store.close();
    }
  });
});
