// Starts `npm run mock` (scripts/mock.mjs), or another server script of ours, on a free loopback port for a test
// file, and stops it after.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './spec.js';

export interface RunningMock {
  baseUrl: string;
  stop(): Promise<void>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function startMock(extraArgs: string[] = [], timeoutMs = 20_000): Promise<RunningMock> {
  return startServerScript('mock.mjs', {}, extraArgs, timeoutMs);
}

/** Runs scripts/<script> with PORT set to a free port (and `env`), and resolves once it accepts connections. */
export async function startServerScript(
  script: string,
  env: Record<string, string>,
  extraArgs: string[] = [],
  timeoutMs = 20_000,
): Promise<RunningMock> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'scripts', script), ...extraArgs], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`${script} did not listen within ${timeoutMs} ms:\n${output}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
