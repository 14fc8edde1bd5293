// `tqa --version` is what scripts call to probe the tool: answered before commander (~40 ms of start-up) loads,
// with the same output commander gives.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { TOOL } = await import('../version.js');
  process.stdout.write(`${TOOL.version}\n`);
} else {
  const { createProgram, exitCodeFor } = await import('./program.js');

  // `tqa audit ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

  try {
    const program = await createProgram(args);
    await program.parseAsync(process.argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}
