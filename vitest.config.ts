import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and browser tests that drive Debian's Chromium (one at a time on 2 cores).
// Tests that spawn bin/tqa.mjs run the compiled CLI: globalSetup brings dist/ up to date first.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/build-dist.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/**/*.e2e.test.ts'],
          environment: 'node',
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
