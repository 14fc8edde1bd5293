import { existsSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { InputError } from '../../io/errors.js';
import { checkPassword, checkRole, ROLES, type Role } from '../../store/accounts.js';
import { openStore, type Store } from '../../store/index.js';
import { dbPathFor } from '../decisions.js';

// Accounts of a shared review server (`tqa serve --host 0.0.0.0` refuses to start without one). Passwords are
// read from stdin (--password-stdin, for scripts) or asked on the terminal without echo: never from argv, where
// `ps` and the shell history would show them.

interface DbFlag {
  db?: string;
}

export function register(program: Command): void {
  const users = program.command('users').description('accounts of a shared review server: add, list, remove, passwd, role, token');
  const dbOption = () => new Option('--db <file>', 'decisions database (default .tqa/tqa.db)');

  users
    .command('add')
    .description('add an account (the password is asked, or read from stdin with --password-stdin)')
    .argument('<name>', 'account name, shown as the reviewer of its decisions')
    .addOption(new Option('--role <role>', 'what the account may do').choices([...ROLES]).default('reviewer'))
    .option('--password-stdin', 'read the password from stdin (one line)')
    .addOption(dbOption())
    .action(async (name: string, o: DbFlag & { role: string; passwordStdin?: boolean }) => {
      const role = checkRole(o.role);
      await withStore(o.db, true, async (store) => {
        if (store.accounts.get(name)) throw new InputError(`an account "${name}" already exists (tqa users passwd changes its password)`);
        const password = await readPassword(o.passwordStdin === true, `Password for ${name}: `);
        store.accounts.add(name, role, password);
        process.stderr.write(`tqa: added ${role} "${name}" to ${store.path}\n`);
      });
    });

  users
    .command('list')
    .description('list the accounts: name, role, created (tab-separated on stdout)')
    .addOption(dbOption())
    .action(async (o: DbFlag) => {
      await withStore(o.db, false, (store) => {
        for (const u of store.accounts.list()) {
          const tokens = store.accounts.tokens(u.name).length;
          process.stdout.write(`${u.name}\t${u.role}\t${u.created}\t${tokens} API token${tokens === 1 ? '' : 's'}\n`);
        }
      });
    });

  users
    .command('remove')
    .description('remove an account (its sessions and API tokens end; its decisions stay in the history)')
    .argument('<name>')
    .addOption(dbOption())
    .action(async (name: string, o: DbFlag) => {
      await withStore(o.db, false, (store) => {
        store.accounts.remove(name);
        process.stderr.write(`tqa: removed "${name}"\n`);
      });
    });

  users
    .command('passwd')
    .description("change an account's password (ends its sessions)")
    .argument('<name>')
    .option('--password-stdin', 'read the password from stdin (one line)')
    .addOption(dbOption())
    .action(async (name: string, o: DbFlag & { passwordStdin?: boolean }) => {
      await withStore(o.db, false, async (store) => {
        if (!store.accounts.get(name)) throw new InputError(`no account "${name}"`);
        store.accounts.setPassword(name, await readPassword(o.passwordStdin === true, `New password for ${name}: `));
        process.stderr.write(`tqa: password of "${name}" changed; its sessions ended\n`);
      });
    });

  users
    .command('role')
    .description("change an account's role")
    .argument('<name>')
    .addArgument(new Argument('<role>', 'reviewer, lead or admin').choices([...ROLES]))
    .addOption(dbOption())
    .action(async (name: string, role: Role, o: DbFlag) => {
      await withStore(o.db, false, (store) => {
        store.accounts.setRole(name, checkRole(role));
        process.stderr.write(`tqa: "${name}" is now ${role}\n`);
      });
    });

  users
    .command('token')
    .description('create an API token for scripts and CI (Authorization: Bearer …); printed once on stdout')
    .argument('<name>')
    .option('--label <label>', 'what the token is for', 'api')
    .option('--revoke', 'revoke every API token of the account instead')
    .addOption(dbOption())
    .action(async (name: string, o: DbFlag & { label: string; revoke?: boolean }) => {
      await withStore(o.db, false, (store) => {
        if (o.revoke) {
          if (!store.accounts.get(name)) throw new InputError(`no account "${name}"`);
          const n = store.accounts.revokeTokens(name);
          process.stderr.write(`tqa: revoked ${n} API token${n === 1 ? '' : 's'} of "${name}"\n`);
          return;
        }
        process.stdout.write(`${store.accounts.createToken(name, o.label.slice(0, 80))}\n`);
      });
    });

  // Nested commands need the exit override too, so their usage errors exit 2 like every other.
  for (const cmd of users.commands) cmd.exitOverride();
}

async function withStore(flag: string | undefined, create: boolean, use: (store: Store) => void | Promise<void>): Promise<void> {
  const path = dbPathFor(flag);
  if (!create && !existsSync(path)) throw new InputError(`${path}: no such decisions database (tqa users add creates it)`);
  const store = openStore(path);
  try {
    if (store.readOnly) throw new InputError(`${path}: the database is read-only`);
    await use(store);
  } finally {
    store.close();
  }
}

async function readPassword(fromStdin: boolean, prompt: string): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return checkPassword(text.replace(/\r?\n$/, ''));
  }
  if (!process.stdin.isTTY) throw new InputError('no terminal to ask the password on: pipe it in with --password-stdin');
  const first = checkPassword(await askHidden(prompt));
  const second = await askHidden('Again: ');
  if (first !== second) throw new InputError('the two passwords differ');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let s = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(s);
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new InputError('cancelled'));
        if (ch === '\u007f' || ch === '\b') s = [...s].slice(0, -1).join('');
        else s += ch;
      }
    };
    stdin.on('data', onData);
  });
}
