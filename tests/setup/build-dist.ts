// vitest globalSetup: tests that spawn `bin/tqa.mjs` run the compiled CLI, so dist/ is brought up to date once
// before any test (an incremental `tsc -p tsconfig.build.json --noCheck`: ~1 s when nothing changed; the type
// check is `npm run typecheck`'s job). A lock directory keeps two test runs from writing dist/ at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const LOCK = `${ROOT}dist-build.lock`;
const STALE_LOCK_MS = 120_000;

export function buildDist(): void {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (!lock) continue; // released meanwhile
      if (Date.now() > deadline || Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      } else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    // An incremental build trusts its .tsbuildinfo; without the entry point, start from scratch.
    if (!existsSync(`${ROOT}dist/cli/main.js`)) rmSync(`${ROOT}dist/.tsbuildinfo`, { force: true });
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export default function setup(): void {
  buildDist();
}
