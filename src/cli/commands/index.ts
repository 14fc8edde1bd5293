import type { Command } from 'commander';

/** Every command registers itself on the program. One line per command (keep the list sorted). */
export const COMMANDS: Array<(program: Command) => void> = [
  // COMMANDS-END (add `register` functions above this line)
];
