// withResilience (loginradius-mfa-client/resilience) over real sockets: a node:http server in this file answers
// each request by the scenario named in its X-Scenario header, and records when every request arrived.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginRadiusClient, isLoginRadiusError, LoginRadiusConfigError } from '../../client/src/index.js';
import { withResilience, type ResilienceOptions } from '../../client/src/resilience.js';
import { repoRoot } from '../support/spec.js';

const STEP_UP = '/identity/v2/auth/account/reauth/2fa';
const LOGIN = '/identity/v2/auth/login';
const OK_BODY = { SecondFactorAuthenticationToken: 'sfat', IsAuthenticatorVerified: true };

type Scenario = (req: http.IncomingMessage, res: http.ServerResponse, attempt: number) => void;
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
const tooMany = { ErrorCode: 1134, Message: 'Too many requests', Description: 'Rate limit reached' };

/** What the server does with attempt n (1-based) of a test, by X-Scenario. */
const SCENARIOS: Record<string, Scenario> = {
  'ok': (_q, res) => json(res, 200, OK_BODY),
  '429-retry-after-1-then-ok': (_q, res, n) => (n == 1 ? json(res, 429, tooMany, { 'Retry-After': '1' }) : json(res, 200, OK_BODY)),
  '429-retry-after-date-then-ok': (_q, res, n) =>
    n == 1 ? json(res, 429, tooMany, { 'Retry-After': new Date(Date.now() + 2000).toUTCString() }) : json(res, 200, OK_BODY),
  '429-retry-after-60': (_q, res) => json(res, 429, tooMany, { 'Retry-After': '60' }),
  '503-always': (_q, res) => json(res, 503, { ErrorCode: 1001, Message: 'Unavailable', Description: 'Try later' }),
  '503-then-ok': (_q, res, n) => (n == 1 ? json(res, 503, { ErrorCode: 1001, Message: 'Unavailable', Description: 'x' }) : json(res, 200, OK_BODY)),
  '400-always': (_q, res) => json(res, 400, { ErrorCode: 908, Message: 'Bad', Description: 'A parameter is missing' }),
  'reset-then-ok': (req, res, n) => (n == 1 ? req.socket.resetAndDestroy() : json(res, 200, OK_BODY)),
  'reset-always': (req) => req.socket.resetAndDestroy(),
  // Never answers (the test's own timeout or abort must end the call).
  'hang': () => {},
  // Headers and half a body, then nothing.
  'stall-body': (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"SecondFactorAuthenticationToken":');
  },
};

let server: http.Server;
let baseUrl: string;
const sockets = new Set<net.Socket>();
/** Arrival times (performance.now() of this process) of each test's requests, by X-Test-Id. */
const arrivals = new Map<string, number[]>();
/** The server side of each test's last connection, by X-Test-Id. */
const lastSocket = new Map<string, net.Socket>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = http.createServer((req, res) => {
    const id = String(req.headers['x-test-id']);
    const times = arrivals.get(id) ?? [];
    times.push(performance.now());
    arrivals.set(id, times);
    lastSocket.set(id, req.socket);
    req.resume();
    req.on('end', () => SCENARIOS[String(req.headers['x-scenario'])](req, res, times.length));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled, 'unhandled rejections').toEqual([]);
});

let tests = 0;
/** A resilient client for one test, and that test's request log. */
function setUp(scenario: string, options: ResilienceOptions = {}) {
  const id = `t${++tests}`;
  const base = createLoginRadiusClient({ apiKey: 'k', accessToken: 't', baseUrl });
  base.use({ onRequest: ({ request }) => void request.headers.set('X-Test-Id', id) });
  const headers = { 'X-Scenario': scenario };
  return { client: withResilience(base, options), base, headers, sent: () => arrivals.get(id) ?? [], socket: () => lastSocket.get(id) };
}

describe('retries', () => {
  it('a 429 with Retry-After: 1 is retried once, at least 1 s later, and the call succeeds', async () => {
    const { client, headers, sent } = setUp('429-retry-after-1-then-ok', { retry: { attempts: 3 } });
    const { data, error } = await client.GET(STEP_UP, { headers });
    expect(error).toBeUndefined();
    expect(data).toEqual(OK_BODY);
    const times = sent();
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1000);
    expect(times[1] - times[0]).toBeLessThan(1300); // as asked, not a backoff on top
  });

  it('a Retry-After given as an HTTP date is honoured too', async () => {
    const { client, headers, sent } = setUp('429-retry-after-date-then-ok', { retry: {} });
    const { data } = await client.GET(STEP_UP, { headers });
    expect(data).toEqual(OK_BODY);
    const times = sent();
    expect(times).toHaveLength(2);
    // The date has whole-second precision: "now + 2 s" is between 1 and 2 s away when it is read.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After beyond maxDelay ends the retries at once: the 429 comes back, saying 1 attempt', async () => {
    const { client, headers, sent } = setUp('429-retry-after-60', { retry: { attempts: 5, maxDelay: 2000 } });
    const started = performance.now();
    const { error, response } = await client.GET(STEP_UP, { headers });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(429);
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 1134, attempts: 1 });
    expect(sent()).toHaveLength(1);
  });

  it('a 503 is retried up to `attempts`, and the final error says how many attempts were made', async () => {
    const { client, headers, sent } = setUp('503-always', { retry: { attempts: 3, backoff: 20 } });
    const { error } = await client.GET(STEP_UP, { headers });
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 1001, attempts: 3 });
    expect(sent()).toHaveLength(3);
  });

  it('other errors (a 400) are not retried', async () => {
    const { client, headers, sent } = setUp('400-always', { retry: { attempts: 3, backoff: 20 } });
    const { error } = await client.GET(STEP_UP, { headers });
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 908, attempts: 1 });
    expect(sent()).toHaveLength(1);
  });

  it('a connection reset on a GET is retried', async () => {
    const { client, headers, sent } = setUp('reset-then-ok', { retry: { backoff: 20 } });
    const { data, error } = await client.GET(STEP_UP, { headers });
    expect(error).toBeUndefined();
    expect(data).toEqual(OK_BODY);
    expect(sent()).toHaveLength(2);
  });

  it('a connection reset every time gives kind network after the last attempt, with the count', async () => {
    const { client, headers, sent } = setUp('reset-always', { retry: { attempts: 4, backoff: 10 } });
    const { error } = await client.DELETE('/identity/v2/auth/account/2fa/totp', { headers });
    expect(error).toMatchObject({ kind: 'network', ErrorCode: -1, attempts: 4 });
    expect(sent()).toHaveLength(4);
  });

  it('backoff waits are jittered within 50-100 % of backoff × 2^(n-1)', async () => {
    const { client, headers, sent } = setUp('reset-always', { retry: { attempts: 4, backoff: 200 } });
    await client.GET(STEP_UP, { headers });
    const t = sent();
    const gaps = t.slice(1).map((time, i) => time - t[i]);
    expect(gaps).toHaveLength(3);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(100 * 2 ** i - 5);
      expect(gap).toBeLessThan(200 * 2 ** i + 150);
    });
  });

  it('a POST is not retried, even on a 503 with retries configured', async () => {
    const { client, headers, sent } = setUp('503-always', { retry: { attempts: 3, backoff: 10 } });
    const { error } = await client.POST(LOGIN, { body: { email: 'a@example.com', password: 'pw' }, headers });
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 1001, attempts: 1 });
    expect(sent()).toHaveLength(1);
  });

  it('nor is a PUT (an OTP verification) on a connection reset', async () => {
    const { client, headers, sent } = setUp('reset-always', { retry: { attempts: 3, backoff: 10 } });
    const { error } = await client.PUT('/identity/v2/auth/login/2fa/totp', {
      params: { query: { secondfactorauthenticationtoken: 'sfat' } },
      body: { authenticatorcode: '123456' },
      headers,
    });
    expect(error).toMatchObject({ kind: 'network', attempts: 1 });
    expect(sent()).toHaveLength(1);
  });

  it('a POST is retried when the call says idempotent: true', async () => {
    const { client, headers, sent } = setUp('503-then-ok', { retry: { attempts: 3, backoff: 10 } });
    const { data } = await client.POST('/identity/v2/auth/login/2fa/email', {
      params: { query: { secondfactorauthenticationtoken: 'sfat' } },
      body: { email: 'a@example.com' },
      headers,
      idempotent: true,
    });
    expect(data).toEqual(OK_BODY);
    expect(sent()).toHaveLength(2);
  });

  it('retries are opt-in: no retry option, no retry; a call can turn them on or off', async () => {
    const off = setUp('503-always');
    const offError = (await off.client.GET(STEP_UP, { headers: off.headers })).error;
    expect(offError).toMatchObject({ kind: 'api', ErrorCode: 1001 });
    expect(offError?.attempts).toBeUndefined();
    expect(off.sent()).toHaveLength(1);
    const perCall = setUp('503-always');
    expect((await perCall.client.GET(STEP_UP, { headers: perCall.headers, retry: { attempts: 2, backoff: 10 } })).error).toMatchObject({ attempts: 2 });
    expect(perCall.sent()).toHaveLength(2);
    const disabled = setUp('503-always', { retry: { attempts: 3 } });
    await disabled.client.GET(STEP_UP, { headers: disabled.headers, retry: false });
    expect(disabled.sent()).toHaveLength(1);
  });

  it('every attempt goes through the middleware', async () => {
    const { client, headers } = setUp('503-then-ok', { retry: { backoff: 10 } });
    const seen: string[] = [];
    const spy: Middleware = {
      onRequest: ({ request }) => void seen.push(`request ${request.method}`),
      onResponse: ({ response }) => void seen.push(`response ${response.status}`),
    };
    client.use(spy);
    await client.GET(STEP_UP, { headers });
    client.eject(spy);
    expect(seen).toEqual(['request GET', 'response 503', 'request GET', 'response 200']);
  });
});

describe('the caller’s abort', () => {
  it('wins over a retry: an abort during the Retry-After wait ends the call at once, and nothing more is sent', async () => {
    const { client, headers, sent } = setUp('429-retry-after-1-then-ok', { retry: { attempts: 5 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const { error } = await client.GET(STEP_UP, { headers, signal: controller.signal });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(600);
    expect(error).toMatchObject({ kind: 'network', ErrorCode: -1, attempts: 1 });
    expect(isLoginRadiusError(error, 'network') && (error.cause as Error).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past the Retry-After
    expect(sent()).toHaveLength(1);
  });

  it('an abort mid-request is not retried (kind network, not timeout, even with a timeout set)', async () => {
    const { client, headers, sent } = setUp('hang', { retry: { attempts: 3, backoff: 10 }, timeout: 5000 });
    const { error } = await client.GET(STEP_UP, { headers, signal: AbortSignal.timeout(150) });
    expect(error).toMatchObject({ kind: 'network', attempts: 1 });
    expect(isLoginRadiusError(error, 'network') && (error.cause as Error).name).toBe('TimeoutError'); // AbortSignal.timeout's reason, not ours
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent()).toHaveLength(1);
  });
});

describe('the per-call timeout', () => {
  it.each([200, 500])('a %i ms timeout fires within 10 percent of its value, as kind timeout (not network)', async (ms) => {
    const { client, headers, socket } = setUp('hang', { timeout: 10_000 });
    const started = performance.now();
    const result = await client.GET(STEP_UP, { headers, timeout: ms });
    const elapsed = performance.now() - started;
    // The aborted request's connection is closed, not left open behind the error.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(socket()?.destroyed).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(ms - 1);
    expect(elapsed).toBeLessThan(ms * 1.1);
    expect(result.response.status).toBe(0);
    expect(result.error).toMatchObject({ kind: 'timeout', ErrorCode: -6, Message: 'timeout', attempts: 1 });
    expect(result.error?.Description).toContain(`${ms} ms`);
    expect(isLoginRadiusError(result.error, 'timeout')).toBe(true);
    expect(isLoginRadiusError(result.error, 'network')).toBe(false);
    expect(isLoginRadiusError(result.error, 'timeout') && (result.error.cause as Error).name).toBe('TimeoutError');
  });

  it('covers reading the body: a body that stalls half-way times out too', async () => {
    const { client, headers } = setUp('stall-body');
    const started = performance.now();
    const { error } = await client.GET(STEP_UP, { headers, timeout: 300 });
    expect(performance.now() - started).toBeLessThan(450); // this test is about the kind; precision is above
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('covers every attempt and wait: it does not wait for a Retry-After that would outlast it', async () => {
    const { client, headers, sent } = setUp('429-retry-after-1-then-ok', { retry: {}, timeout: 500 });
    const started = performance.now();
    const { error } = await client.GET(STEP_UP, { headers });
    expect(performance.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 1134, attempts: 1 });
    expect(sent()).toHaveLength(1);
  });

  it('ends a backoff wait when it runs out, as kind timeout', async () => {
    const { client, headers } = setUp('reset-always', { retry: { attempts: 10, backoff: 100 }, timeout: 600 });
    const started = performance.now();
    const { error } = await client.GET(STEP_UP, { headers });
    const elapsed = performance.now() - started;
    expect(error?.kind).toMatch(/^(timeout|network)$/);
    expect(elapsed).toBeLessThan(660);
  });

  it('a call that answers in time is untouched', async () => {
    const { client, headers } = setUp('ok', { timeout: 2000, retry: {} });
    expect(await client.GET(STEP_UP, { headers })).toMatchObject({ data: OK_BODY });
  });
});

describe('bad options', () => {
  it.each([
    [{ timeout: -1 }, 'timeout: -1'],
    [{ timeout: 'soon' }, 'timeout: soon'],
    [{ timeout: Infinity }, 'timeout: Infinity'],
    [{ retry: { attempts: 0 } }, 'attempts: 0'],
    [{ retry: { backoff: Number.NaN } }, 'backoff: NaN'],
    [{ retry: { maxDelay: -5 } }, 'maxDelay: -5'],
  ])('%o is refused with INVALID_OPTION naming it, before any request', async (options, named) => {
    const { client, headers, sent } = setUp('ok');
    const call = client.GET(STEP_UP, { headers, ...(options as object) });
    await expect(call).rejects.toThrow(LoginRadiusConfigError);
    await expect(call).rejects.toMatchObject({ code: 'INVALID_OPTION', message: `LoginRadius INVALID_OPTION: ${named}` });
    expect(sent()).toHaveLength(0);
  });
});

describe('leaves nothing behind', () => {
  // A child process makes timed-out and retried calls through the built package, then must exit by itself: a
  // pending timer or an open socket would keep it alive until the parent's deadline kills it.
  it('a process whose calls timed out exits by itself, with no timer or socket pending', async () => {
    const dist = path.join(repoRoot, 'generated', 'client', 'dist');
    expect(fs.existsSync(path.join(dist, 'resilience.js')), 'run `npm run build` first').toBe(true);
    const script = `
      import { createLoginRadiusClient } from ${JSON.stringify(path.join(dist, 'index.js'))};
      import { withResilience } from ${JSON.stringify(path.join(dist, 'resilience.js'))};
      const client = withResilience(createLoginRadiusClient({ apiKey: 'k', baseUrl: process.argv[1] }), { timeout: 60_000, retry: { backoff: 50 } });
      const started = performance.now();
      const hung = await client.GET('${STEP_UP}', { headers: { 'X-Scenario': 'hang' }, timeout: 300 });
      const elapsed = performance.now() - started;
      const retried = await client.GET('${STEP_UP}', { headers: { 'X-Scenario': 'reset-always' } });
      const ok = await client.GET('${STEP_UP}', { headers: { 'X-Scenario': 'ok' }, timeout: 60_000 });
      await new Promise((resolve) => setImmediate(resolve));
      const pending = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
      console.log(JSON.stringify({ kind: hung.error?.kind, elapsed, retried: retried.error?.attempts, ok: !!ok.data, pending, at: Date.now() }));
    `;
    const started = Date.now();
    // Asynchronous: the server the child calls runs in this process.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, baseUrl], { timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
    const exitedAfter = Date.now() - started;
    expect(stderr).toBe('');
    expect(status, 'the child was killed at the deadline: something kept it alive').toBe(0);
    const report = JSON.parse(stdout);
    expect(report.kind).toBe('timeout');
    expect(report.elapsed).toBeLessThan(330);
    expect(report.retried).toBe(3);
    expect(report.ok).toBe(true);
    // Keep-alive sockets to the server may be pooled; what must not be pending is a timer.
    expect(report.pending.filter((r: string) => r === 'Timeout')).toEqual([]);
    // It exited promptly after its last line (not after a 60 s timer).
    expect(Date.now() - report.at).toBeLessThan(5000);
    expect(exitedAfter).toBeLessThan(15_000);
  }, 30_000);
});
