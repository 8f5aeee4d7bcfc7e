// What `npm run mutate` mutates, and the tests that must kill the mutants: one entry per layer.
export const MUTATE_TARGETS = {
  client: {
    mutate: ['client/src/index.ts', 'client/src/errors.ts'],
    tests: ['test/client/credentials.test.ts', 'test/client/errors.test.ts', 'test/client/types.test.ts', 'test/client/edges.test.ts'],
    typescript: true,
  },
};
