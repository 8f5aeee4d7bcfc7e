// The programmatic API of the built package: startMock() for test runners (and the README's vitest globalSetup
// example, type-checked and run), createMock().handle() with Fetch objects and no server, and the extension
// points the stateful flows plug into: responders, the admin prefix, the journal.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMock,
  PortInUseError,
  startMock,
  type JournalEntry,
  type NormalisedRequest,
  type RunningMock,
} from '../../generated/mock/dist/index.js';
import { repoRoot } from '../support/spec.js';

const started: RunningMock[] = [];
afterAll(async () => {
  await Promise.all(started.map((m) => m.close()));
});

const SETTINGS = '/identity/v2/auth/account/2fa';
const bearer = { Authorization: 'Bearer 493318dd-487a-439b-8302-5e27f1110244' };

describe('startMock()', () => {
  it('listens on 127.0.0.1 on a free port, serves, and close() stops it', async () => {
    const mock = await startMock({ port: 0, quiet: true });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.operations).toBeGreaterThan(80);
    const response = await fetch(`${mock.url}${SETTINGS}?apikey=k`, { headers: bearer });
    expect(response.status).toBe(200);
    await mock.close();
    await expect(fetch(`${mock.url}${SETTINGS}?apikey=k`, { headers: bearer })).rejects.toThrow();
  });

  it('rejects with a PortInUseError naming the port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startMock({ port, quiet: true });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${port}`);
    } finally {
      blocker.close();
    }
  });
});

describe('createMock().handle(): Fetch Request in, Response out', () => {
  it('answers like the server does', async () => {
    const mock = await createMock({ quiet: true });
    const ok = await mock.handle(new Request(`http://mock${SETTINGS}?apiKey=k&isVoiceOtp=False`, { headers: bearer }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).ManualEntryCode).toBeTypeOf('string');
    const missingKey = await mock.handle(new Request(`http://mock${SETTINGS}`, { headers: bearer }));
    expect(missingKey.status).toBe(400);
    expect(await missingKey.json()).toMatchObject({ ErrorCode: 908 });
    const reset = await mock.handle(new Request(`http://mock${SETTINGS}?apikey=k`, { headers: { ...bearer, Prefer: 'fault=reset' } }));
    expect(reset.type).toBe('error');
  });
});

describe('extension points', () => {
  it('a responder sees the normalised request and answers; undefined falls through; Prefer code skips it', async () => {
    const seen: NormalisedRequest[] = [];
    const mock = await createMock({
      quiet: true,
      responders: [
        (req) => {
          seen.push(req);
          return req.query.isvoiceotp === 'true' ? { status: 200, headers: { 'x-flow': 'yes' }, body: { QRCode: 'from-a-responder' } } : undefined;
        },
      ],
    });
    const answered = await mock.handle(new Request(`http://mock${SETTINGS.toUpperCase()}?ApiKey=key-1&isVoiceOtp=True&region=eu`, { headers: bearer }));
    expect(answered.headers.get('x-flow')).toBe('yes');
    expect(await answered.json()).toEqual({ QRCode: 'from-a-responder' });
    expect(seen[0]).toMatchObject({
      method: 'get',
      operationId: 'mfaGetSettings',
      pathTemplate: SETTINGS,
      pathParams: {},
      query: { apikey: 'key-1', isvoiceotp: 'true' },
      apiKey: 'key-1',
      body: undefined,
    });
    expect(seen[0].headers.authorization).toBe(bearer.Authorization);

    const fallthrough = await mock.handle(new Request(`http://mock${SETTINGS}?apikey=k`, { headers: bearer }));
    expect((await fallthrough.json()).ManualEntryCode).toBeTypeOf('string');
    const calls = seen.length;
    const preferred = await mock.handle(new Request(`http://mock${SETTINGS}?apikey=k&isvoiceotp=true`, { headers: { ...bearer, Prefer: 'code=200' } }));
    expect((await preferred.json()).QRCode).not.toBe('from-a-responder');
    expect(seen.length).toBe(calls);
    // An invalid request never reaches a responder: Prism has not validated it.
    const invalid = await mock.handle(new Request(`http://mock${SETTINGS}?isvoiceotp=true`, { headers: bearer }));
    expect(invalid.status).toBe(400);
    expect(seen.length).toBe(calls);
  });

  it('a responder cannot leak a writeOnly value: it is stripped as from any generated body', async () => {
    const mock = await createMock({
      quiet: true,
      responders: [(req) => (req.operationId === 'loginWithPassword' ? { status: 200, body: { access_token: 't', Profile: { Uid: 'u', Password: 'hunter2' } } } : undefined)],
    });
    const response = await mock.handle(
      new Request('http://mock/identity/v2/auth/login?apikey=k', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.com', password: 'x' }) }),
    );
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(JSON.parse(text).Profile).toEqual({ Uid: 'u' });
  });

  it('the admin handler gets /__mock/ requests as Fetch Requests; undefined is a 404', async () => {
    const mock = await createMock({
      quiet: true,
      admin: async (request) => (new URL(request.url).pathname === '/__mock/state' ? Response.json({ method: request.method, body: await request.text() }) : undefined),
    });
    const state = await mock.handle(new Request('http://mock/__mock/state', { method: 'POST', body: 'reset' }));
    expect(await state.json()).toEqual({ method: 'POST', body: 'reset' });
    expect((await mock.handle(new Request('http://mock/__mock/other'))).status).toBe(404);
  });

  it('the journal gets every request, redacted', async () => {
    const journal: JournalEntry[] = [];
    const mock = await createMock({ quiet: true, onJournal: (entry) => journal.push(entry) });
    await mock.handle(new Request(`http://mock${SETTINGS}?apikey=key-2&access_token=tok-secret`));
    await mock.handle(new Request('http://mock/nowhere'));
    expect(journal).toHaveLength(2);
    expect(journal[0]).toMatchObject({ apiKey: 'key-2', operationId: 'mfaGetSettings', method: 'get', path: SETTINGS, status: 200, query: { access_token: '[redacted]' } });
    expect(JSON.stringify(journal)).not.toContain('tok-secret');
    expect(journal[1]).toMatchObject({ operationId: undefined, path: '/nowhere', status: 404 });
  });

  it('flows: loads ./flows/index.js (this build ships it) and answers the login from state', async () => {
    expect(fs.existsSync(path.join(repoRoot, 'generated', 'mock', 'dist', 'flows', 'index.js'))).toBe(true);
    const mock = await createMock({ quiet: true, flows: true, seed: 't' });
    const login = await mock.handle(
      new Request('http://mock/identity/v2/auth/login?apikey=flows-load', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mfa-sms@example.com', password: 'Password1!' }),
      }),
    );
    expect(login.status).toBe(200);
    expect(await login.json()).toHaveProperty('SecondFactorAuthenticationToken');
  });

  it('flows: /__mock/ answers without a token only on loopback; elsewhere it needs the configured admin token', async () => {
    const outbox = (headers: Record<string, string> = {}) => new Request('http://mock/__mock/outbox?apikey=admin-access', { headers });
    const onLoopback = await createMock({ quiet: true, flows: true, host: '127.0.0.1' });
    expect((await onLoopback.handle(outbox())).status).toBe(200);
    // createMock binds nothing: `host` only tells it where startMock would listen.
    const exposedNoToken = await createMock({ quiet: true, flows: true, host: '0.0.0.0' });
    expect((await exposedNoToken.handle(outbox())).status).toBe(403);
    const token = 'an-admin-token-of-32-characters!';
    const exposed = await createMock({ quiet: true, flows: true, host: '0.0.0.0', adminToken: token });
    expect((await exposed.handle(outbox())).status).toBe(401);
    expect((await exposed.handle(outbox({ authorization: 'Bearer wrong-token-of-32-characters!!' }))).status).toBe(401);
    expect((await exposed.handle(outbox({ authorization: `Bearer ${token}` }))).status).toBe(200);
  });
});

describe("the README's vitest globalSetup example", () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'mock', 'README.md'), 'utf8');
  const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('globalSetup'));
  const dir = path.join(repoRoot, '.tmp', `readme-global-setup-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('type-checks against the built package', () => {
    expect(example).toBeDefined();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'vitest.global-setup.ts'), example!);
    // As in a user's ESM project (vitest resolves only through its "import" condition).
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'],
        paths: { 'loginradius-mfa-mock': [path.join(repoRoot, 'generated', 'mock', 'dist', 'index.d.ts')] },
        typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      },
      files: ['vitest.global-setup.ts'],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', dir], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('runs: setup provides the URL of a working mock, the teardown closes it', async () => {
    const runnable = path.join(dir, 'global-setup.runnable.ts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(runnable, example!.replace(/from 'loginradius-mfa-mock'/, `from '${path.join(repoRoot, 'generated', 'mock', 'dist', 'index.js')}'`));
    const { default: setup } = (await import(runnable)) as { default: (project: { provide(key: string, value: string): void }) => Promise<() => Promise<void>> };
    const provided = new Map<string, string>();
    const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
    const url = provided.get('mockUrl')!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}${SETTINGS}?apikey=k`, { headers: bearer })).status).toBe(200);
    await teardown();
    await expect(fetch(`${url}${SETTINGS}?apikey=k`, { headers: bearer })).rejects.toThrow();
  });
});
