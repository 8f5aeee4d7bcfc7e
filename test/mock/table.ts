// One test per behaviour: a table of cases checked in one `it`, every failing case listed, the count printed.
// Every table asserts its own minimum size, so a spec change (or a bug in the case builder) cannot shrink it to
// nothing and leave a green test that checks nothing.
import { expect } from 'vitest';

export interface TableOptions<T> {
  /** The table may not have fewer cases than this. */
  min: number;
  /** How a case is named in a failure. */
  name: (c: T) => string;
  /** Cases in flight at once (requests to one local server). */
  concurrency?: number;
}

export async function checkTable<T>(label: string, cases: readonly T[], check: (c: T) => unknown, { min, name, concurrency = 8 }: TableOptions<T>) {
  expect(cases.length, `${label}: ${cases.length} cases, fewer than the ${min} this table must have`).toBeGreaterThanOrEqual(min);
  const failures: string[] = [];
  // Under `npm run mutate` one failing case is enough to kill a mutant: stop there instead of listing them all.
  const bail = process.env.MUTATE_TESTS !== undefined;
  let next = 0;
  const worker = async () => {
    while (next < cases.length && !(bail && failures.length > 0)) {
      const c = cases[next++];
      try {
        await check(c);
      } catch (error) {
        failures.push(`${name(c)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cases.length)) }, worker));
  console.log(`${label}: ${cases.length - failures.length} of ${cases.length} cases pass`);
  expect(failures, `${failures.length} of ${cases.length} cases failed:\n${failures.slice(0, 25).join('\n')}`).toEqual([]);
}
