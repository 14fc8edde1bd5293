import { vi } from 'vitest';
import { createProgram, exitCodeFor } from '../../src/cli/program.js';

/** Runs a tqa command in this process, in `cwd`, exactly as src/cli/main.ts does (the same program, the same
 *  exit-code mapping: InputError → 2 with "tqa: message", a usage error → 2 with one `tqa:` line, an internal
 *  error → 70, process.exitCode otherwise), capturing stdout and stderr. For tests that are not about the process
 *  itself: spawning bin/tqa.mjs costs a whole start-up (engine, NLP model, dictionaries) per call. */
export async function runCli(args: string[], cwd: string = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const text = (s: string | Uint8Array): string => (typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += text(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += text(s)), true));
  const home = process.cwd();
  process.chdir(cwd);
  process.exitCode = undefined;
  let code: number;
  try {
    const program = await createProgram(args);
    await program.parseAsync(['node', 'tqa', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    code = exitCodeFor(e);
    if (code === 70) throw e; // a bug: the test should show its stack
  } finally {
    process.exitCode = undefined;
    process.chdir(home);
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}
