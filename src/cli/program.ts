import { Command, CommanderError } from 'commander';
import { isInputError } from '../io/errors.js';
import { TOOL } from '../version.js';
import { commandOf, registerCommands } from './commands/index.js';

// The program as the `tqa` binary runs it (src/cli/main.ts) and as tests run it in process (tests/cli/run-cli.ts).
// Exit codes (the contract other tools script against): 0 success, 1 a check failed (only `check`),
// 2 bad usage or bad input, with one clear line on stderr and never a stack trace.

/** The program for `args` (argv without node and the script): only the command being run is loaded. */
export async function createProgram(args: string[]): Promise<Command> {
  const program = new Command('tqa')
    .description('Translation-quality audit: align MT with its post-edit, classify and score every edit')
    .version(TOOL.version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      // A usage error is one line like every other error: `tqa: missing required argument 'mt' (see --help)`.
      outputError: (s, write) => write(`tqa: ${s.replace(/^error: /, '').trim()} (see --help)\n`),
    });
  await registerCommands(program, commandOf(args));
  // Subcommands inherit the exit override so that usage errors also map to exit 2.
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** The exit code for what a command threw; bad input and bugs are reported on stderr as one line. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version are successes; everything else commander rejects is a usage error.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2;
  }
  if (isInputError(e)) {
    process.stderr.write(`tqa: ${e.message}\n`);
    return 2;
  }
  if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') return 0;
  // A bug, not bad input: still one line unless TQA_DEBUG asks for the stack.
  process.stderr.write(`tqa: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env.TQA_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
  return 70;
}
