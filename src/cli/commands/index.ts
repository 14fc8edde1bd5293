import type { Command } from 'commander';
import { register as registerScore } from './score.js';
import { register as registerTags } from './tags.js';

/** Every command registers itself on the program. One line per command (keep the list sorted). */
export const COMMANDS: Array<(program: Command) => void> = [
  registerScore,
  registerTags,
  // COMMANDS-END (add `register` functions above this line)
];
