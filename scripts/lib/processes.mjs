// Small process helpers for benchmarks and tests: start a server script on a free loopback port, read a process
// tree's RSS.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { mockBin } from './mock-package.mjs';
import { repoRoot } from './run.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const canConnect = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/**
 * Runs `node <script>` (a path, or a name under scripts/) with PORT set to a free loopback port (plus `env`), and resolves once it accepts
 * connections. `output()` is what it printed (stdout only when `captureStdout`: the mock logs every request,
 * which a load benchmark sends to /dev/null). Used by the benchmarks and, through test/support/mock.ts, the tests.
 */
export async function startServerScript(script, { env = {}, args = [], timeoutMs = 20_000, captureStdout = true } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.isAbsolute(script) ? script : path.join(repoRoot, 'scripts', script), ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = performance.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not listen within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** The built mock package's CLI (generated/mock/dist/bin.js, what `npx loginradius-mfa-mock` runs) on a free port. */
export function startMockPackage({ args = [], timeoutMs = 20_000, captureStdout = true } = {}) {
  return startServerScript(mockBin, { args, timeoutMs, captureStdout });
}

/** The mock package on a free port, its per-request log discarded (see startServerScript). */
export function startMockProcess(args = [], timeoutMs = 20_000) {
  return startMockPackage({ args, timeoutMs, captureStdout: false });
}

/** Resident set size (bytes) of a process and all its descendants, from /proc (Linux). */
export function treeRss(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
