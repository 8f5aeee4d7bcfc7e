// Types for processes.mjs (used from the TypeScript tests).
export interface RunningServer {
  port: number;
  pid: number | undefined;
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startServerScript(
  script: string,
  options?: { env?: Record<string, string>; args?: string[]; timeoutMs?: number; captureStdout?: boolean },
): Promise<RunningServer>;
export function startMockPackage(options?: { args?: string[]; timeoutMs?: number; captureStdout?: boolean }): Promise<RunningServer>;
export function startMockProcess(args?: string[], timeoutMs?: number): Promise<RunningServer>;
export function treeRss(rootPid: number): number;
