// The package's command line (generated/mock/dist/bin.js, what `npx loginradius-mfa-mock` runs): help, clear
// errors with a non-zero exit for a bad flag, a port in use and an unreadable spec, --flows without the flows
// module, and a clean SIGTERM that lets the request in flight finish.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/mock.js';
import { repoRoot } from '../support/spec.js';

const BIN = path.join(repoRoot, 'generated', 'mock', 'dist', 'bin.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PORT: '' } });

describe('loginradius-mfa-mock (the CLI)', () => {
  it('--help lists the options and exits 0', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--port', '--host', '--proxy', '--latency', '--fault-rate', '--seed', '--flows', '--verbose']) expect(result.stdout).toContain(option);
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['--port', 'eighty'], /port must be a number/],
    [['--fault-rate', '2'], /--fault-rate must be a probability/],
    [['--latency', 'sometimes'], /--latency "sometimes" is not a distribution/],
    [['--faults', 'reset,explode'], /--faults takes a comma-separated list/],
    [['--proxy', 'ftp://example.com'], /must be http: or https:/],
    [['--port'], /--port needs a value/],
  ])('%j is a usage error: exit 2, naming the problem', (args, message) => {
    const result = cli(args);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('a port in use: exit 1, naming the port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = cli(['--port', String(port)]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });

  it('an unreadable spec: exit 1, naming the file and the reason', () => {
    const missing = cli(['--spec', '/nonexistent/openapi.json', '--port', '0']);
    expect(missing.status, missing.stderr).toBe(1);
    expect(missing.stderr).toContain('spec not found: /nonexistent/openapi.json');
    const dir = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'cli-spec-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.json'), '{"openapi": "3.1.0", "paths": ');
      const broken = cli(['--spec', path.join(dir, 'broken.json'), '--port', '0']);
      expect(broken.status, broken.stderr).toBe(1);
      expect(broken.stderr).toMatch(/cannot read spec .*broken\.json/);
      fs.writeFileSync(path.join(dir, 'not-openapi.json'), '{"hello": "world"}');
      const other = cli(['--spec', path.join(dir, 'not-openapi.json'), '--port', '0']);
      expect(other.status, other.stderr).toBe(1);
      expect(other.stderr).toContain('is not an OpenAPI document');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--flows loads the flows module, or says which module this build lacks', () => {
    const flowsModule = path.join(repoRoot, 'generated', 'mock', 'dist', 'flows', 'index.js');
    const result = cli(['--flows', '--list']);
    if (fs.existsSync(flowsModule)) {
      expect(result.status, result.stderr).toBe(0);
    } else {
      // --list with --flows still lists; starting the server is what loads the flows.
      const start = spawnSync(process.execPath, [BIN, '--flows', '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
      expect(start.status, start.stderr).toBe(1);
      expect(start.stderr).toContain(flowsModule);
    }
  });

  it('SIGTERM: stops accepting, finishes the request in flight, exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, '--port', String(port), '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !output.includes('ready in'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain(`http://127.0.0.1:${port}`);
    const url = `http://127.0.0.1:${port}/identity/v2/auth/account/2fa?apikey=k`;
    const inFlight = fetch(url, { headers: { Authorization: 'Bearer t', Prefer: 'delay=1500' } });
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).ManualEntryCode).toBeTypeOf('string');
    expect(await exited).toBe(0);
    await expect(fetch(url, { headers: { Authorization: 'Bearer t' } })).rejects.toThrow();
  }, 60_000);
});
