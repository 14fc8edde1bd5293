import { writeFileSync } from 'node:fs';
import { InputError } from '../io/errors.js';

/** Writes a command's machine output verbatim (an XLIFF write-back must stay byte-exact): to `path` when one is
 *  given (an unwritable path is bad input, exit 2, not a crash), else to stdout. Every command with --out uses it. */
export function writeOutput(path: string | undefined, text: string): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
