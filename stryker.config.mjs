// StrykerJS (`npm run mutate`, see scripts/mutate.mjs): one target per run, chosen by MUTATE_TARGET, so that
// each run mutates one layer and runs only the tests written for it (vitest.mutate.config.ts).
import { MUTATE_TARGETS } from './scripts/mutate-targets.mjs';

const name = process.env.MUTATE_TARGET ?? 'client';
const target = MUTATE_TARGETS[name];
if (!target) throw new Error(`stryker.config.mjs: unknown MUTATE_TARGET ${name} (one of ${Object.keys(MUTATE_TARGETS).join(', ')})`);
process.env.MUTATE_TESTS = target.tests.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: target.typescript ? ['typescript'] : [],
  tsconfigFile: target.tsconfig ?? 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // MUTATE_LINES=client/src/index.ts:24,client/src/index.ts:44-46 re-runs only those lines (survivor review).
  mutate: process.env.MUTATE_LINES ? process.env.MUTATE_LINES.split(',') : target.mutate,
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: `.stryker-tmp/${name}`,
  ignorePatterns: ['generated/docs', 'generated/client', '.tmp', 'test-results', 'reports', '.stryker-tmp', '.ci'],
  cleanTempDir: 'always',
};
