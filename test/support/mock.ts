// Starts the built mock package (generated/mock, its CLI `loginradius-mfa-mock`, what `npm run mock` runs) on a
// free loopback port for a test file, and stops it after; or another server script of ours. The process handling
// is scripts/lib/processes.mjs, shared with the benchmarks.
import { freePort, startMockPackage, startServerScript as start, type RunningServer } from '../../scripts/lib/processes.mjs';

export type RunningMock = RunningServer;
export { freePort };

// 60 s: the mock is ready in about half a second on a quiet machine, but several test files start one at once.
export function startMock(extraArgs: string[] = [], timeoutMs = 60_000): Promise<RunningMock> {
  return startMockPackage({ args: extraArgs, timeoutMs });
}

/** Runs scripts/<script> with PORT set to a free port (and `env`), and resolves once it accepts connections. */
export function startServerScript(script: string, env: Record<string, string>, extraArgs: string[] = [], timeoutMs = 20_000): Promise<RunningMock> {
  return start(script, { env, args: extraArgs, timeoutMs });
}
