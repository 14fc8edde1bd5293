import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import SpreadBrowserSequencer from './tests/setup/sequencer.js';

// Two projects: fast unit tests, and browser tests that drive Debian's Chromium. Both run in one pool of
// `maxWorkers`: a project with fileParallelism off would be run after everything else, one file at a time (vitest
// puts such files in a last sequential group), leaving a core idle for a minute; instead tests/chromium.ts lets
// only one browser run at a time while the unit tests use the other core, and tests/setup/sequencer.ts spreads the
// browser files among the unit files so that two seldom wait for each other.
// Tests that spawn bin/tqa.mjs run the compiled CLI: globalSetup brings dist/ up to date first.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/build-dist.ts'],
    // Browser files spread among the unit files (tests/setup/sequencer.ts), not all before them.
    sequence: { sequencer: SpreadBrowserSequencer },
    // vitest's default is one worker fewer than the cores: on 2 cores, one. Tests are CPU-bound; use them all.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/**/*.e2e.test.ts'],
          environment: 'node',
          // Test files share a worker's module cache: the engine, the NLP model, WordNet and the dictionaries
          // load once per worker instead of once per file (no test mocks modules or mutates shared state).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
