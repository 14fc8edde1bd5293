import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and browser tests that drive Debian's Chromium (one at a time on 2 cores).
// Tests that spawn bin/tqa.mjs run the compiled CLI: globalSetup brings dist/ up to date first.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/build-dist.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
