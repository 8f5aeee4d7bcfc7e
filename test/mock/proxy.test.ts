// `npm run mock:proxy` (scripts/mock-proxy.mjs) in front of a local fake upstream that answers one
// operation with a conforming response and another with a non-conforming one: the violation is
// reported (502 problem+json listing it, and the sl-violations header), the conforming answer is
// relayed untouched, and the upstream sees the client's request exactly as sent.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedExamples, operations, repoRoot, responseMedia, type Json } from '../support/spec.js';
import { freePort, startServerScript, type RunningMock } from '../support/mock.js';
import { buildValid, send, violationsOf } from './helpers.js';

const PROXY = path.join(repoRoot, 'scripts', 'mock-proxy.mjs');

// Two GET operations with a 200 example: one answered with its example, one with a wrong body.
const gets = operations.filter((o) => o.method === 'get' && namedExamples(responseMedia(o, '200')).length > 0 && !o.path.includes('{'));
const good = gets[0];
const bad = gets[1];
const goodBody = namedExamples(responseMedia(good, '200'))[0].value;
const BAD_BODY = 'this is not the documented object';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}
const seen: Seen[] = [];
let upstream: http.Server;
let upstreamUrl: string;

const startProxy = (env: Record<string, string>, args: string[] = []) => startServerScript('mock-proxy.mjs', env, args);

let proxy: RunningMock;
let relaying: RunningMock;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const pathname = (req.url ?? '').split('?')[0].toLowerCase();
    res.setHeader('Content-Type', 'application/json');
    if (pathname === good.path.toLowerCase()) res.end(JSON.stringify(goodBody));
    else if (pathname === bad.path.toLowerCase()) res.end(JSON.stringify(BAD_BODY));
    else {
      res.statusCode = 404;
      res.end(JSON.stringify({ ErrorCode: 404, Message: 'Resource not found', Description: 'upstream 404' }));
    }
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
  proxy = await startProxy({ UPSTREAM_URL: upstreamUrl });
  relaying = await startProxy({ UPSTREAM_URL: upstreamUrl }, ['--no-errors']);
});

afterAll(async () => {
  await proxy?.stop();
  await relaying?.stop();
  await new Promise((r) => upstream?.close(r));
});

describe('npm run mock:proxy', () => {
  it(`relays a conforming response untouched (${good.operationId})`, async () => {
    const response = await send(proxy.baseUrl, buildValid(good));
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(goodBody);
    expect(violationsOf(response).filter((v: Json) => v.location[0] === 'response')).toEqual([]);
  });

  it(`reports a non-conforming response (${bad.operationId}): 502 listing the violation, and sl-violations`, async () => {
    const response = await send(proxy.baseUrl, buildValid(bad));
    expect(response.status, response.text).toBe(502);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe('VIOLATIONS');
    expect(response.body.validation.length, response.text).toBeGreaterThan(0);
    expect(response.body.validation[0].location[0]).toBe('response');
    expect(response.body.upstream).toEqual({ status: 200, body: BAD_BODY });
    expect(violationsOf(response).some((v: Json) => v.location[0] === 'response' && v.severity === 'Error')).toBe(true);
    // The log line is written just after the response.
    for (let i = 0; i < 40 && !/response violation/.test(proxy.output()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(proxy.output()).toMatch(/response violation/);
  });

  it('with --no-errors, relays the non-conforming response and reports it in sl-violations', async () => {
    const response = await send(relaying.baseUrl, buildValid(bad));
    expect(response.status).toBe(200);
    expect(response.body).toBe(BAD_BODY);
    expect(violationsOf(response).some((v: Json) => v.location[0] === 'response')).toBe(true);
  });

  it('forwards the request exactly as the client sent it (casing, region, empty values)', async () => {
    const request = buildValid(good);
    const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k.toUpperCase(), v]));
    const before = seen.length;
    const response = await send(proxy.baseUrl, { ...request, query: { ...query, region: 'us', isVoiceOtp: '' } });
    expect(response.status, response.text).toBe(200);
    const forwarded = seen[before];
    expect(forwarded.method).toBe('GET');
    const url = new URL(forwarded.url, 'http://x');
    for (const name of Object.keys(query)) expect(url.searchParams.has(name), `${name} in ${forwarded.url}`).toBe(true);
    expect(url.searchParams.get('region')).toBe('us');
    expect(url.searchParams.get('isVoiceOtp')).toBe('');
  });

  it('forwards unknown paths as they are, with a warning', async () => {
    const response = await send(proxy.baseUrl, { method: 'GET', path: '/identity/v2/not/in/the/spec', query: { apikey: 'k' }, headers: {} });
    expect(response.status).toBe(404);
    expect(response.body.Description).toBe('upstream 404');
    expect(violationsOf(response).some((v: Json) => /route not found/i.test(v.message))).toBe(true);
  });

  it('says clearly when UPSTREAM_URL is missing or invalid', () => {
    for (const [value, pattern] of [
      [undefined, /set UPSTREAM_URL/],
      ['not a url', /not a URL/],
      ['ftp://example.com', /must be http: or https:/],
    ] as const) {
      const env: Record<string, string | undefined> = { ...process.env, PORT: '0' };
      if (value === undefined) delete env.UPSTREAM_URL;
      else env.UPSTREAM_URL = value;
      const result = spawnSync(process.execPath, [PROXY], { env, encoding: 'utf8', timeout: 10_000 });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(pattern);
    }
  });

  it('answers 502 (not a hang) when the upstream is unreachable', async () => {
    const port = await freePort();
    const dead = await startProxy({ UPSTREAM_URL: `http://127.0.0.1:${port}` });
    try {
      const response = await send(dead.baseUrl, buildValid(good));
      expect(response.status).toBe(502);
    } finally {
      await dead.stop();
    }
  });
});
