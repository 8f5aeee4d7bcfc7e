// What `npm run mutate` mutates, and the tests that must kill the mutants: one entry per layer. The mock's tests
// listed here start the mock from mock/src inside the test process (test/mock/helpers.ts startInProcessMock), so
// the mutants are live in it.
export const MUTATE_TARGETS = {
  client: {
    mutate: ['client/src/index.ts', 'client/src/errors.ts'],
    tests: ['test/client/credentials.test.ts', 'test/client/errors.test.ts', 'test/client/types.test.ts', 'test/client/edges.test.ts'],
    typescript: true,
  },
  'mock-errors': {
    mutate: ['mock/src/pipeline/errors.ts'],
    tests: ['test/mock/error-rules.test.ts', 'test/mock/error-layer.test.ts', 'test/mock/validation.test.ts', 'test/mock/casing.test.ts'],
    typescript: true,
    tsconfig: 'mock/tsconfig.json',
  },
  'mock-normalise': {
    // The normalise stage, and the body renaming it calls (canonicalizeBody and its copy-on-change helper).
    mutate: ['mock/src/pipeline/normalise.ts', 'mock/src/spec/body-names.ts:91-142'],
    tests: ['test/mock/normalise-rules.test.ts', 'test/mock/casing.test.ts', 'test/mock/error-layer.test.ts', 'test/mock/validation.test.ts'],
    typescript: true,
    tsconfig: 'mock/tsconfig.json',
  },
};
