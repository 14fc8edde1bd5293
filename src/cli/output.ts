import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from '../io/errors.js';

/** Writes a command's machine output verbatim (an XLIFF write-back must stay byte-exact): to `path` when one is
 *  given (an unwritable path is bad input, exit 2, not a crash), else to stdout. Every command with --out uses it.
 *  Output given as pieces (a large JSON report) is written in ~1 MB batches, never joined into one string. */
export function writeOutput(path: string | undefined, output: string | Uint8Array | Iterable<string>): void {
  if (typeof output === 'string' || output instanceof Uint8Array) {
    if (path === undefined) process.stdout.write(output);
    else guard(path, () => writeFileSync(path, output));
    return;
  }
  if (path === undefined) return writeBatches(output, (s) => process.stdout.write(s));
  const fd = guard(path, () => openSync(path, 'w'));
  try {
    writeBatches(output, (s) => writeSync(fd, s));
  } finally {
    closeSync(fd);
  }
}

function writeBatches(pieces: Iterable<string>, write: (s: string) => unknown): void {
  let batch: string[] = [];
  let size = 0;
  for (const p of pieces) {
    batch.push(p);
    size += p.length;
    if (size >= 1 << 20) {
      write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) write(batch.join(''));
}

function guard<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new InputError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
