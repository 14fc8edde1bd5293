import type { Command } from 'commander';
import { register as registerAudit } from './audit.js';
import { register as registerCheck } from './check.js';
import { register as registerExport } from './export.js';
import { register as registerLearn } from './learn.js';
import { register as registerScore } from './score.js';
import { register as registerServe } from './serve.js';
import { register as registerTags } from './tags.js';

/** Every command registers itself on the program. One line per command (keep the list sorted). */
export const COMMANDS: Array<(program: Command) => void> = [
  registerAudit,
  registerCheck,
  registerExport,
  registerLearn,
  registerScore,
  registerServe,
  registerTags,
  // COMMANDS-END (add `register` functions above this line)
];
