// vitest globalSetup: tests that spawn `bin/tqa.mjs` run the compiled CLI, so dist/ is brought up to date once
// before any test: an incremental `tsc -p tsconfig.build.json --noCheck` (~1 s when little changed; the type check
// is `npm run typecheck`'s job) into a build cache, then every changed file is moved into dist/ by rename, so that
// a tqa process started meanwhile (another test run) never reads a half-written module. A lock directory keeps
// two builds from running at the same time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const CACHE = join(ROOT, 'node_modules/.cache/tqa-dist');
const DIST = join(ROOT, 'dist');
const LOCK = join(ROOT, 'node_modules/.cache/tqa-dist.lock');
const STALE_LOCK_MS = 120_000;

function withLock(f: () => void): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (!lock) continue; // released meanwhile
      if (Date.now() > deadline || Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    f();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name !== '.tsbuildinfo') yield p;
  }
}

export function buildDist(): void {
  withLock(() => {
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', CACHE, '--tsBuildInfoFile', join(CACHE, '.tsbuildinfo')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    for (const from of files(CACHE)) {
      const to = join(DIST, relative(CACHE, from));
      const bytes = readFileSync(from);
      const old = statSync(to, { throwIfNoEntry: false }) ? readFileSync(to) : undefined;
      if (old && old.equals(bytes)) continue;
      mkdirSync(dirname(to), { recursive: true });
      const tmp = `${to}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, to);
    }
  });
}

export default function setup(): void {
  buildDist();
}
