// Logs never hold a secret: every kind of credential and writeOnly value, sent in the query, the headers and the
// body in several casings, through the mock and through the validating proxy in verbose mode (and the mock's
// default mode), never appears in the output; that a value was there does ("[redacted]"). The proxy still
// forwards every secret to the upstream untouched: only the log is redacted.
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startServerScript, type RunningMock } from '../support/mock.js';
import { operations, type Operation } from '../support/spec.js';
import { buildValid, send, type RawRequest } from '../mock/helpers.js';

const run = Math.random().toString(36).slice(2, 8);
const secret = (kind: string) => `SECRET-${kind}-${run}`;

const byId = (id: string): Operation => {
  const found = operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no operation ${id} in the spec`);
  return found;
};

/** Requests carrying every kind of secret, in the spellings clients use. */
function requests(): RawRequest[] {
  const login = buildValid(byId('loginWithPassword'));
  const verify = buildValid(byId('reauthVerifyMfa'));
  const manage = buildValid(byId('reauthValidatePasswordToken'));
  return [
    {
      ...login,
      query: { ...login.query, ApiSecret: secret('apisecret-query'), sott: secret('sott-query') },
      headers: { ...login.headers, 'X-LoginRadius-Sott': secret('sott-header') },
      body: { ...(login.body as object), Password: secret('password-body'), email: 'user@example.com' },
    },
    {
      ...verify,
      query: { ...verify.query, Access_Token: secret('access-token-query') },
      headers: { ...verify.headers, Authorization: `Bearer ${secret('bearer')}` },
      body: { OTP: secret('otp-body'), securityanswer: { q1: secret('answer-nested') } },
    },
    {
      ...manage,
      query: { ...manage.query, apikey: secret('apikey') },
      headers: { ...manage.headers, 'x-loginradius-apisecret': secret('apisecret-header') },
    },
  ];
}

const allSecrets = () => requests().flatMap((r) => JSON.stringify(r).match(new RegExp(`SECRET-[a-z-]+-${run}`, 'g')) ?? []);

async function outputAfter(server: RunningMock, sent: number): Promise<string> {
  // Log lines are written just after each response: wait until every request has its line.
  for (let i = 0; i < 80 && (server.output().match(/^(GET|PUT|POST|DELETE) /gm) ?? []).length < sent; i++) await new Promise((r) => setTimeout(r, 25));
  return server.output();
}

function expectNoSecret(output: string) {
  const secrets = allSecrets();
  expect(secrets.length).toBeGreaterThanOrEqual(9);
  for (const value of secrets) expect(output, `${value} in the log`).not.toContain(value);
}

describe('the mock', () => {
  let verbose: RunningMock;
  let plain: RunningMock;
  beforeAll(async () => {
    [verbose, plain] = await Promise.all([startMock(['--verbose']), startMock()]);
  });
  afterAll(async () => {
    await Promise.all([verbose?.stop(), plain?.stop()]);
  });

  it('--verbose shows the names and that values were there, never a secret', async () => {
    for (const request of requests()) await send(verbose.baseUrl, request);
    const output = await outputAfter(verbose, 3);
    expectNoSecret(output);
    expect(output).toMatch(/"apisecret":"\[redacted\]"/);
    expect(output).toMatch(/"access_token":"\[redacted\]"/);
    expect(output).toMatch(/"authorization":"\[redacted\]"/);
    expect(output).toMatch(/"x-loginradius-apisecret":"\[redacted\]"/);
    expect(output).toMatch(/"password":"\[redacted\]"/);
    expect(output).toMatch(/"otp":"\[redacted\]"/);
    // What is not a secret stays readable.
    expect(output).toContain('user@example.com');
  });

  it('the default line shows no secret either', async () => {
    for (const request of requests()) await send(plain.baseUrl, request);
    expectNoSecret(await outputAfter(plain, 3));
  });
});

describe('the validating proxy (--verbose)', () => {
  const forwarded: string[] = [];
  let upstream: http.Server;
  let proxy: RunningMock;
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        forwarded.push(`${req.url} ${JSON.stringify(req.headers)} ${body}`);
        res.setHeader('Content-Type', 'application/json');
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    proxy = await startServerScript('mock-proxy.mjs', { UPSTREAM_URL: url }, ['--verbose']);
  });
  afterAll(async () => {
    await proxy?.stop();
    await new Promise((r) => upstream?.close(r));
  });

  it('forwards every secret untouched, and logs none of them', async () => {
    for (const request of requests()) await send(proxy.baseUrl, request);
    const output = await outputAfter(proxy, 3);
    expectNoSecret(output);
    expect(output).toContain('[redacted]');
    const upstreamSaw = forwarded.join('\n');
    for (const value of allSecrets()) expect(upstreamSaw, `${value} forwarded`).toContain(value);
  });
});
