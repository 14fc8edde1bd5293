// `tqa users` as an admin runs it, and `tqa serve --host 0.0.0.0` refusing to start before an account exists.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { sandbox, type Sandbox } from './helpers.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tqa.mjs');
let sb: Sandbox;
beforeAll(() => {
  sb = sandbox();
});
afterAll(() => sb.cleanup());

const tqa = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: sb.dir, timeout: 30_000 });

describe('tqa users', () => {
  it('adds, lists, changes and removes accounts in the --db database; the password is stored as a scrypt hash only', async () => {
    const db = join(sb.dir, 'team.db');
    const add = tqa(['users', 'add', 'ana', '--role', 'lead', '--password-stdin', '--db', db], 'correct horse battery\n');
    expect(add.status, add.stderr).toBe(0);
    expect(add.stderr).toBe(`tqa: added lead "ana" to ${db}\n`);
    expect(tqa(['users', 'add', 'ben', '--password-stdin', '--db', db], 'ben-password-2\n').status).toBe(0);
    const list = tqa(['users', 'list', '--db', db]);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['ana lead', 'ben reviewer']);
    expect(readFileSync(db).includes('correct horse battery')).toBe(false);
    const store = openStore(db);
    try {
      expect(await store.accounts.login('ana', 'correct horse battery')).toMatchObject({ name: 'ana', role: 'lead' });
      expect(await store.accounts.login('ana', 'correct horse batterY')).toBeUndefined();
    } finally {
      store.close();
    }
    expect(tqa(['users', 'passwd', 'ana', '--password-stdin', '--db', db], 'a new long password\n').status).toBe(0);
    expect(tqa(['users', 'role', 'ben', 'admin', '--db', db]).status).toBe(0);
    const token = tqa(['users', 'token', 'ben', '--label', 'ci', '--db', db]);
    expect(token.stdout).toMatch(/^tqa_[A-Za-z0-9_-]{43}\n$/);
    expect(tqa(['users', 'remove', 'ben', '--db', db]).status).toBe(0);
    expect(tqa(['users', 'list', '--db', db]).stdout).toMatch(/^ana\tlead\t/);
  });

  it('exits 2 with one line for bad input', () => {
    const db = join(sb.dir, 'team2.db');
    expect(tqa(['users', 'add', 'ana', '--password-stdin', '--db', db], 'long-enough-pw\n').status).toBe(0);
    const cases: Array<[string[], string | undefined, string]> = [
      [['users', 'add', 'ana', '--password-stdin', '--db', db], 'another-password\n', `tqa: an account "ana" already exists (tqa users passwd changes its password)\n`],
      [['users', 'add', 'cy', '--password-stdin', '--db', db], 'short\n', 'tqa: the password is too short (at least 8 characters)\n'],
      [['users', 'add', 'cy', '--db', db], '', 'tqa: no terminal to ask the password on: pipe it in with --password-stdin\n'],
      [['users', 'add', 'a b', '--password-stdin', '--db', db], 'long-enough-pw\n', 'tqa: "a b" is not a valid account name (1–80 letters, digits, . _ @ -, starting with a letter or digit)\n'],
      [['users', 'remove', 'nobody', '--db', db], undefined, 'tqa: no account "nobody"\n'],
      [['users', 'list', '--db', join(sb.dir, 'missing-folder', 'x.db')], undefined, `tqa: --db ${join(sb.dir, 'missing-folder', 'x.db')}: no such folder ${join(sb.dir, 'missing-folder')}\n`],
      [['users', 'list', '--db', join(sb.dir, 'absent.db')], undefined, `tqa: ${join(sb.dir, 'absent.db')}: no such decisions database (tqa users add creates it)\n`],
    ];
    for (const [args, input, stderr] of cases) {
      const r = tqa(args, input);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(stderr);
    }
    const role = tqa(['users', 'add', 'cy', '--role', 'boss', '--password-stdin', '--db', db], 'long-enough-pw\n');
    expect(role.status).toBe(2);
    expect(role.stderr).toContain('Allowed choices are reviewer, lead, admin');
  });
});

describe('tqa serve --host 0.0.0.0', () => {
  it('refuses to start before an account exists (one line, exit 2), then prints the bound URL', async () => {
    const db = join(sb.dir, 'open.db');
    const refused = tqa(['serve', sb.texts, '--host', '0.0.0.0', '--port', '0', '--db', db]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`tqa: --host 0.0.0.0: other machines can reach this address and there are no accounts yet; add one first: tqa users add NAME --role admin --db ${db}\n`);
    expect(tqa(['users', 'add', 'root', '--role', 'admin', '--password-stdin', '--db', db], 'root-password-0\n').status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'serve', sb.texts, '--host', '0.0.0.0', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    try {
      await expect.poll(() => out, { timeout: 30_000 }).toMatch(/\n/);
      expect(out, err).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\n$/);
      const port = new URL(out.trim()).port;
      const res = await fetch(`http://127.0.0.1:${port}/doc/x`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a --db in a missing folder like the other commands', () => {
    const db = join(sb.dir, 'no-such-folder', 'tqa.db');
    const r = tqa(['serve', sb.texts, '--port', '0', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tqa: --db ${db}: no such folder ${join(sb.dir, 'no-such-folder')}\n`);
  });
});
