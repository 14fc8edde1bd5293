import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';
import { isInputError } from '../../src/io/errors.js';
import { commandOf, registerCommands } from '../../src/cli/commands/index.js';

/** Runs a tqa command in this process, in `cwd`, the way src/cli/main.ts does (same commands, same exit-code
 *  mapping: InputError → 2 with "tqa: message", a usage error → 2, process.exitCode otherwise), capturing output. */
export async function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command('tqa').exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  await registerCommands(program, commandOf(args));
  for (const cmd of program.commands) cmd.exitOverride();
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const home = process.cwd();
  process.chdir(cwd);
  process.exitCode = undefined;
  let code: number;
  try {
    await program.parseAsync(['node', 'tqa', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (isInputError(e)) {
      stderr += `tqa: ${e.message}\n`;
      code = 2;
    } else if (e instanceof CommanderError) code = 2;
    else throw e;
  } finally {
    process.exitCode = undefined;
    process.chdir(home);
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}
