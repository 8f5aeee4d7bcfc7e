// The mock package as a user gets it: `npm pack` generated/mock (and generated/client), install the tarballs into a
// fresh project in the system's temp folder (no repository around it), then there:
//   - `npx loginradius-mfa-mock --port N` serves every operation, the API reference page's step-up trigger gets its
//     200, and the same request without `apikey` the documented 908;
//   - a TypeScript file importing `startMock` type-checks, starts the mock, calls it and closes it;
//   - attw and `publint --strict` report nothing;
//   - and all of that again on Node 22 and 24 (binaries from the npm registry: scripts/lib/node-runtimes.mjs),
//     with the client package's own consumer checks (a call through the client, and CommonJS require()).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRuntime } from '../../scripts/lib/node-runtimes.mjs';
import { freePort } from '../support/mock.js';
import { operations, repoRoot } from '../support/spec.js';
import { buildValid, send } from '../mock/helpers.js';

const mockPkg = path.join(repoRoot, 'generated', 'mock');
const clientPkg = path.join(repoRoot, 'generated', 'client');
const tsc = path.join(repoRoot, 'node_modules', '.bin', 'tsc');
let project: string;

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: npmEnv, timeout: 600_000 });

const USAGE = `
import { startMock, createMock, PortInUseError, type RunningMock, type MockOptions, type Responder } from 'loginradius-mfa-mock';

const options: MockOptions = { quiet: true, seed: 'consumer' };
const mock: RunningMock = await startMock({ ...options, port: 0 });
const url = mock.url + '/identity/v2/auth/account/reauth/2fa?apikey=k';
const ok = await fetch(url, { headers: { Authorization: 'Bearer 493318dd-487a-439b-8302-5e27f1110244' } });
const noKey = await fetch(url.replace('apikey=k', ''), { headers: { Authorization: 'Bearer t' } });
const limited = await fetch(url, { headers: { Authorization: 'Bearer t', Prefer: 'code=429' } });
let inUse = '';
try {
  await startMock({ ...options, port: mock.port });
} catch (error) {
  inUse = error instanceof PortInUseError ? 'PortInUseError' : String(error);
}
await mock.close();
const responder: Responder = (req) => (req.operationId === 'reauthTrigger' ? { status: 200, body: { ExpireIn: 'soon' } } : undefined);
const core = await createMock({ ...options, responders: [responder] });
const handled = await core.handle(new Request(url, { headers: { Authorization: 'Bearer t' } }));
if (Math.random() > 2) {
  // @ts-expect-error latency is a distribution, not a number
  await startMock({ latency: 50 });
}
console.log(JSON.stringify({
  ok: ok.status,
  token: typeof (await ok.json()).SecondFactorAuthenticationToken,
  noKey: [noKey.status, (await noKey.json()).ErrorCode],
  limited: [limited.status, limited.headers.get('retry-after')],
  inUse,
  handled: await handled.json(),
}));
`;

const EXPECTED_USAGE = {
  ok: 200,
  token: 'string',
  noKey: [400, 908],
  limited: [429, '1'],
  inUse: 'PortInUseError',
  handled: { ExpireIn: 'soon' },
};

const CLIENT_USAGE = `
import { createLoginRadiusClient, isLoginRadiusError } from 'loginradius-mfa-client';
const client = createLoginRadiusClient({ apiKey: 'k', accessToken: '493318dd-487a-439b-8302-5e27f1110244', baseUrl: process.env.LR_BASE_URL });
const trigger = await client.GET('/identity/v2/auth/account/reauth/2fa');
const failed = await client.GET('/identity/v2/auth/account/reauth/2fa', { headers: { Prefer: 'code=403, example=ACCESS_TOKEN_EXPIRED' } });
console.log(JSON.stringify({ status: trigger.response.status, token: typeof trigger.data?.SecondFactorAuthenticationToken, expired: isLoginRadiusError(failed.error, 906) }));
`;

const REQUIRE = `
const mock = require('loginradius-mfa-mock');
const client = require('loginradius-mfa-client');
process.stdout.write(JSON.stringify({ startMock: typeof mock.startMock, createMock: typeof mock.createMock, client: typeof client.createLoginRadiusClient }));
`;

beforeAll(() => {
  for (const dir of [mockPkg, clientPkg]) {
    if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`${path.relative(repoRoot, dir)} is not built: run \`npm run build\` first`);
  }
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'loginradius-mfa-mock-consumer-'));
});
afterAll(async () => {
  // Prism's dependency tree is large: removing it can take long on a busy disk.
  if (project) await fs.promises.rm(project, { recursive: true, force: true });
}, 300_000);

/** The package's CLI on a free port, run by `command` (npx, or a given node binary). */
async function startCli(command: string, args: string[]) {
  const port = await freePort();
  // A process group of its own: `npx` runs the bin as a grandchild, which a signal to npx alone leaves running.
  const child = spawn(command, [...args, '--port', String(port), '--quiet'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: npmEnv, detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  for (let i = 0; i < 1200 && !output.includes('ready in'); i++) {
    if (child.exitCode !== null) throw new Error(`the CLI exited with ${child.exitCode}: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!output.includes('ready in')) throw new Error(`the CLI did not start: ${output}`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

// The step-up trigger as the API reference page shows it (its sample request), with the site's API key.
const PAGE_QUERY = { apikey: 'c7ddb1d3-4c4f-4b69-9c5d-0a1c2e3f4a5b', access_token: '493318dd-487a-439b-8302-5e27f1110244', smstemplate2fa: 'SMS-Template', duoredirecturi: 'https://example.com/duo/callback' };

describe('the packed mock package, installed in a fresh project', () => {
  let tarball: string;

  it('packs: dist, the bundled spec, the admin API description, README, LICENSE, package.json and nothing else', () => {
    const out = execFileSync('npm', ['pack', mockPkg, '--pack-destination', project, '--json'], { encoding: 'utf8', cwd: project, env: npmEnv });
    const [info] = JSON.parse(out.slice(out.indexOf('[')));
    expect(info.name).toBe('loginradius-mfa-mock');
    const files = (info.files as Array<{ path: string }>).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'openapi.json', 'mock-admin.yaml', 'package.json', 'dist/bin.js', 'dist/index.js', 'dist/index.d.ts', 'dist/flows/index.js']));
    expect(files.filter((f) => !/^(dist\/.+\.(js|d\.ts)|LICENSE|README\.md|openapi\.json|mock-admin\.yaml|package\.json)$/.test(f))).toEqual([]);
    tarball = path.join(project, info.filename);
    execFileSync('npm', ['pack', clientPkg, '--pack-destination', project], { cwd: project, env: npmEnv });
  });

  it('installs (with the client) from the npm registry, with Prism at the pinned versions', () => {
    const clientTarball = fs.readdirSync(project).find((f) => f.startsWith('loginradius-mfa-client-'))!;
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const result = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, path.join(project, clientTarball)], project);
    expect(result.status, result.stderr).toBe(0);
    const version = (name: string) => JSON.parse(fs.readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
    expect(version('@stoplight/prism-http')).toBe('5.12.0');
    expect(version('@stoplight/prism-core')).toBe('5.8.0');
    expect(fs.existsSync(path.join(project, 'node_modules', '.bin', 'loginradius-mfa-mock'))).toBe(true);
  }, 600_000);

  it('@arethetypeswrong/cli (esm-only profile) and publint --strict report nothing', () => {
    const attw = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout.slice(attw.stdout.indexOf('{')));
    const ignored = new Set(['node10', 'node16-cjs']);
    expect(report.analysis.problems.filter((p: { resolutionKind?: string }) => !ignored.has(p.resolutionKind ?? ''))).toEqual([]);
    const publint = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'publint'), [mockPkg, '--strict'], { encoding: 'utf8' });
    expect(publint.status, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good');
  }, 120_000);

  it('`npx loginradius-mfa-mock --port N` serves every operation; the reference page request gets its 200, without apikey the documented 908', async () => {
    const cli = await startCli('npx', ['loginradius-mfa-mock']);
    try {
      for (const operation of operations) {
        const response = await send(cli.baseUrl, buildValid(operation));
        expect(response.status, `${operation.operationId}: ${response.text}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `${operation.operationId}: ${response.text}`).toBeLessThan(300);
      }
      const page = { method: 'GET', path: '/identity/v2/auth/account/reauth/2fa', query: PAGE_QUERY, headers: {} };
      const answered = await send(cli.baseUrl, page);
      expect(answered.status, answered.text).toBe(200);
      expect(answered.body.SecondFactorAuthenticationToken).toBeTypeOf('string');
      const { apikey: _key, ...withoutKey } = PAGE_QUERY;
      const refused = await send(cli.baseUrl, { ...page, query: withoutKey });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ErrorCode: 908, Description: 'The apikey is a required parameter.' });
    } finally {
      await cli.stop();
    }
  }, 300_000);

  it('a TypeScript file importing startMock type-checks (without @types/node), starts it, calls it, closes it', () => {
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'src', 'usage.ts'), USAGE);
    // The client's usage stays JavaScript: its own consumer test type-checks it (and its 571 kB schema types).
    fs.mkdirSync(path.join(project, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(project, 'dist', 'client-usage.mjs'), CLIENT_USAGE);
    fs.writeFileSync(path.join(project, 'src', 'env.d.ts'), 'declare const process: { env: Record<string, string | undefined> };\n');
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], strict: true, skipLibCheck: false, outDir: 'dist', rootDir: 'src' },
      include: ['src'],
    };
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const check = spawnSync(tsc, ['-p', project], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    const result = spawnSync(process.execPath, [path.join(project, 'dist', 'usage.js')], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED_USAGE);
  }, 240_000);

  describe.each([22, 24] as const)('on Node %i', (major) => {
    let node: string;
    beforeAll(() => {
      node = nodeRuntime(major);
    }, 600_000);

    it('the CLI serves, startMock works from TypeScript, both packages load with require()', async () => {
      expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`^v${major}\\.`));
      const cli = await startCli(node, [path.join(project, 'node_modules', 'loginradius-mfa-mock', 'dist', 'bin.js')]);
      try {
        const answered = await send(cli.baseUrl, { method: 'GET', path: '/identity/v2/auth/account/reauth/2fa', query: PAGE_QUERY, headers: {} });
        expect(answered.status, answered.text).toBe(200);
        const client = spawnSync(node, [path.join(project, 'dist', 'client-usage.mjs')], { cwd: project, encoding: 'utf8', env: { ...process.env, LR_BASE_URL: cli.baseUrl }, timeout: 60_000 });
        expect(client.status, client.stderr).toBe(0);
        expect(JSON.parse(client.stdout)).toEqual({ status: 200, token: 'string', expired: true });
      } finally {
        await cli.stop();
      }
      const usage = spawnSync(node, [path.join(project, 'dist', 'usage.js')], { cwd: project, encoding: 'utf8', timeout: 120_000 });
      expect(usage.status, usage.stderr).toBe(0);
      expect(JSON.parse(usage.stdout)).toEqual(EXPECTED_USAGE);
      fs.writeFileSync(path.join(project, 'require.cjs'), REQUIRE);
      const required = spawnSync(node, [path.join(project, 'require.cjs')], { cwd: project, encoding: 'utf8' });
      expect(required.status, required.stderr).toBe(0);
      expect(JSON.parse(required.stdout)).toEqual({ startMock: 'function', createMock: 'function', client: 'function' });
    }, 300_000);
  });
});
