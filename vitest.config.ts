import { defineConfig } from 'vitest/config';

// Two projects, run as two invocations (`npm run test:unit`, `npm run test:e2e`) because reporters
// and their output files belong to the whole run, not to a project: each invocation passes its own
// `--outputFile.json`, and scripts/test-all.ts sums the reports.
// https://vitest.dev/guide/projects
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Corpus-wide tests read 200 files; a busy two-core machine needs more than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
