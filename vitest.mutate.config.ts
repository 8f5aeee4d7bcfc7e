// The vitest config Stryker runs (npm run mutate): only the test files that exercise the code being
// mutated, named by scripts/mutate.mjs in MUTATE_TESTS, so each mutant costs seconds, not the whole suite.
import { defineConfig } from 'vitest/config';

const include = (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean);
if (include.length === 0) throw new Error('vitest.mutate.config.ts: set MUTATE_TESTS (run it through `npm run mutate`)');

export default defineConfig({
  test: {
    include,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
});
