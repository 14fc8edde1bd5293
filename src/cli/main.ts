import { Command, CommanderError } from 'commander';
import { isInputError } from '../io/errors.js';
import { TOOL } from '../version.js';
import { commandOf, registerCommands } from './commands/index.js';

// Exit codes (the contract other tools script against): 0 success, 1 a check failed (only `check`),
// 2 bad usage or bad input, with one clear line on stderr and never a stack trace.
const program = new Command('tqa')
  .description('Translation-quality audit: align MT with its post-edit, classify and score every edit')
  .version(TOOL.version)
  .exitOverride()
  .configureOutput({
    writeErr: (s) => process.stderr.write(s),
    // A usage error is one line like every other error: `tqa: missing required argument 'mt' (see --help)`.
    outputError: (s, write) => write(`tqa: ${s.replace(/^error: /, '').trim()} (see --help)\n`),
  });

// `tqa audit ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// Only the command being run is loaded: `tqa --version` pays for commander and nothing else.
await registerCommands(program, commandOf(process.argv.slice(2)));
// Subcommands inherit the exit override so that usage errors also map to exit 2.
for (const cmd of program.commands) cmd.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
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
