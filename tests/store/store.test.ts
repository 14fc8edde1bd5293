import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/errors.js';
import { openStore, SCHEMA_VERSION, type FindingSnapshot, type Store } from '../../src/store/index.js';

let dir: string;
let db: string;
const open: Store[] = [];
const store = (): Store => {
  const s = openStore(db);
  open.push(s);
  return s;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqa-store-'));
  db = join(dir, 'data', 'tqa.db');
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const snap: FindingSnapshot = {
  segment: 0,
  line: 1,
  mt: 'Volodyr',
  corrected: 'Volodymyr',
  category: 'locale-convention/name',
  severity: 'major',
  type: 'R:SPELL',
};

describe('openStore', () => {
  it('creates the file in WAL mode with a schema version', () => {
    store().close();
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    raw.close();
  });

  it('refuses a file that is not a database with an InputError', () => {
    const bad = join(dir, 'not.db');
    const text = 'this is not sqlite, just text that is long enough to fill a header page'.repeat(20);
    writeFileSync(bad, text);
    expect(() => openStore(bad)).toThrow(InputError);
    expect(readFileSync(bad, 'utf8')).toBe(text); // refused, not overwritten
  });

  it('refuses a path it cannot create (a file where its folder should be) with an InputError', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    expect(() => openStore(join(file, 'tqa.db'))).toThrow(InputError);
  });

  it('refuses a database from a newer tqa', () => {
    store().close();
    const raw = new Database(db);
    raw.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    raw.close();
    expect(() => openStore(db)).toThrow(/schema version/);
  });
});

describe('decisions and history', () => {
  it('merges changes into one decision and logs who changed what from what', () => {
    const s = store();
    s.decide('seed', 'f1', { status: 'accepted' }, 'ana', snap);
    s.decide('seed', 'f1', { severity: 'minor', comment: 'a name, but readable' }, 'ben');
    s.decide('seed', 'f1', { status: 'rejected' }, 'ana');
    const d = s.decisions('seed').get('f1');
    expect(d).toMatchObject({ status: 'rejected', severity: 'minor', comment: 'a name, but readable', reviewer: 'ana' });
    expect(d?.category).toBeUndefined();
    const h = s.history('seed', 'f1').map((e) => [e.reviewer, e.field, e.from, e.to]);
    expect(h).toEqual([
      ['ana', 'status', null, 'accepted'],
      ['ben', 'severity', null, 'minor'],
      ['ben', 'comment', null, 'a name, but readable'],
      ['ana', 'status', 'accepted', 'rejected'],
    ]);
    expect(s.storedDecisions('seed')[0]).toMatchObject({ findingId: 'f1', revision: 3, snapshot: snap });
  });

  it('clears an override with null and keeps documents apart', () => {
    const s = store();
    s.decide('a', 'f', { category: 'fluency/spelling' }, 'ana');
    s.decide('a', 'f', { category: null }, 'ana');
    s.decide('b', 'f', { status: 'rejected' }, 'ana');
    expect(s.decisions('a').get('f')).toEqual(expect.objectContaining({ status: 'open' }));
    expect(s.decisions('a').get('f')?.category).toBeUndefined();
    expect(s.decisions('b').get('f')?.status).toBe('rejected');
    expect(s.history('a').map((e) => e.to)).toEqual(['fluency/spelling', null]);
  });

  it('refuses values outside the taxonomy and a missing reviewer', () => {
    const s = store();
    expect(() => s.decide('a', 'f', { category: 'accuracy/bogus' as never }, 'ana')).toThrow(/unknown category/);
    expect(() => s.decide('a', 'f', { severity: 'huge' as never }, 'ana')).toThrow(/unknown severity/);
    expect(() => s.decide('a', 'f', { status: 'maybe' as never }, 'ana')).toThrow(/unknown decision status/);
    expect(() => s.decide('a', 'f', { status: 'accepted' }, '  ')).toThrow(/reviewer/);
    expect(() => s.decide('a', 'f', {}, 'ana')).toThrow(/nothing to change/);
    expect(s.history('a')).toEqual([]);
  });

  it('applies a bulk change in one transaction', () => {
    const s = store();
    const n = s.decideMany('a', [{ findingId: 'x' }, { findingId: 'y', snapshot: snap }], { status: 'rejected' }, 'ana');
    expect(n).toBe(2);
    expect([...s.decisions('a').values()].map((d) => d.status)).toEqual(['rejected', 'rejected']);
    // A bad item aborts the whole batch: nothing half-applied.
    expect(() => s.decideMany('a', [{ findingId: 'z' }, { findingId: '' }], { status: 'accepted' }, 'ana')).toThrow();
    expect(s.decisions('a').has('z')).toBe(false);
  });

  it('has a version that moves with every write, from any connection', () => {
    const a = store();
    const b = store();
    const v0 = a.version();
    a.decide('seed', 'f1', { status: 'accepted' }, 'ana');
    const v1 = b.version();
    expect(v1).toBeGreaterThan(v0);
    b.decide('seed', 'f1', { status: 'rejected' }, 'ben');
    expect(a.version()).toBeGreaterThan(v1);
  });

  it('survives closing and reopening the file', () => {
    const s = store();
    s.decide('seed', 'f1', { status: 'accepted' }, 'ana', snap);
    s.close();
    const again = store();
    expect(again.decisions('seed').get('f1')?.status).toBe('accepted');
    expect(again.history('seed')).toHaveLength(1);
  });

  it('reports decisions whose finding disappeared as orphans, with what they were about', () => {
    const s = store();
    s.decide('seed', 'gone', { status: 'accepted' }, 'ana', snap);
    s.decide('seed', 'kept', { status: 'rejected' }, 'ana');
    const orphans = s.orphans('seed', ['kept', 'new']);
    expect(orphans.map((o) => o.findingId)).toEqual(['gone']);
    expect(orphans[0]?.snapshot?.mt).toBe('Volodyr');
  });
});

describe('concurrent writers', () => {
  it('two connections on one file: both decisions in the history, the later one wins', () => {
    const a = store();
    const b = store();
    a.decide('seed', 'f1', { status: 'accepted' }, 'ana');
    b.decide('seed', 'f1', { status: 'rejected' }, 'ben');
    expect(a.decisions('seed').get('f1')).toMatchObject({ status: 'rejected', reviewer: 'ben' });
    expect(a.history('seed', 'f1').map((e) => [e.reviewer, e.from, e.to])).toEqual([
      ['ana', null, 'accepted'],
      ['ben', 'accepted', 'rejected'],
    ]);
  });

  it('a writer waits for another process holding the write lock instead of failing', async () => {
    const s = store();
    // Another process takes the write lock, says so, holds it 1 s, then commits a history row of its own.
    const holder = fork(join(import.meta.dirname, 'lock-holder.ts'), [db, '1000'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await once(holder, 'message');
    const t0 = Date.now();
    s.decide('seed', 'f2', { status: 'accepted' }, 'ben');
    expect(Date.now() - t0).toBeGreaterThan(100); // it really waited for the lock (held 1 s)
    await once(holder, 'exit');
    expect(s.decisions('seed').get('f2')?.status).toBe('accepted');
    expect(s.history('seed', 'f2').map((e) => e.reviewer)).toEqual(['other', 'ben']);
  });

  it('two processes writing at once lose nothing', async () => {
    store().close(); // create the schema first, as the server does
    const perWriter = 150;
    const script = join(import.meta.dirname, 'concurrent-writer.ts');
    const writers = ['ana', 'ben'].map((who) =>
      fork(script, [db, who, String(perWriter)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
    );
    const codes = await Promise.all(writers.map(async (w) => (await once(w, 'exit'))[0] as number));
    expect(codes).toEqual([0, 0]);
    const s = store();
    const decisions = s.decisions('doc');
    // Every private finding of both writers is there…
    for (const who of ['ana', 'ben']) {
      for (let i = 0; i < perWriter; i++) expect(decisions.get(`${who}-${i}`)?.status).toBe('accepted');
    }
    // …and every write to the shared finding is in its history (status + comment per write), in commit order.
    const shared = s.history('doc', 'shared');
    expect(shared).toHaveLength(2 * perWriter * 2);
    const last = shared.filter((e) => e.field === 'comment').at(-1)!;
    expect(decisions.get('shared')).toMatchObject({ comment: last.to, reviewer: last.reviewer });
    const stored = s.storedDecisions('doc').find((d) => d.findingId === 'shared')!;
    expect(stored.revision).toBe(2 * perWriter);
  });
});
