// The error layer: every way a response can go wrong comes back as `{ error }` in one shape, never as a
// rejection or a thrown SyntaxError. Fake fetches for crafted responses; real sockets for what only a real
// network does (refused connections, bodies cut off mid-stream).
import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoginRadiusClient, isLoginRadiusError, LoginRadiusErrorCode } from '../../client/src/index.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { fakeClient, json, KEY, MODES, SECRET, TOKEN } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const PATH = '/identity/v2/auth/account/reauth/2fa';
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const raw = (body: BodyInit | null, status: number, headers: Record<string, string> = {}) => () => new Response(body, { status, headers });

describe.each(MODES)('through a %s', (mode) => {
  describe('malformed responses become typed errors in { error }', () => {
    const cases = [
      ['an HTML 502 from a proxy', raw('<html><body><h1>502 Bad Gateway</h1></body></html>', 502, { 'Content-Type': 'text/html' }), 'not-json', -3, 502],
      ['an HTML page with status 200', raw('<!doctype html><title>Login</title>', 200, { 'Content-Type': 'text/html' }), 'not-json', -3, 200],
      ['plain text on a 503', raw('Service Unavailable', 503, { 'Content-Type': 'text/plain' }), 'not-json', -3, 503],
      ['an empty 502 (Content-Length: 0)', raw('', 502, { 'Content-Length': '0' }), 'empty-body', -2, 502],
      ['an empty 500 with no length', raw(null, 500), 'empty-body', -2, 500],
      ['an empty 200', raw('', 200, { 'Content-Type': 'application/json' }), 'empty-body', -2, 200],
      ['an empty 200 (Content-Length: 0)', raw('', 200, { 'Content-Length': '0' }), 'empty-body', -2, 200],
      ['truncated JSON on a 200', raw('{"SecondFactorValidationToken":"8e5e', 200, { 'Content-Type': 'application/json' }), 'invalid-json', -4, 200],
      ['truncated JSON on a 400', raw('{"ErrorCode":908,"Mess', 400, { 'Content-Type': 'application/json; charset=utf-8' }), 'invalid-json', -4, 400],
      ['a JSON error body with no error code', raw('{"message":"upstream timed out"}', 504, { 'Content-Type': 'application/json' }), 'unexpected-body', -5, 504],
      ['a JSON array on a 500', raw('[1,2]', 500, { 'Content-Type': 'application/json' }), 'unexpected-body', -5, 500],
    ] as const;

    it.each(cases)('%s', async (_label, answer, kind, code, status) => {
      const { client } = fakeClient(mode, {}, answer);
      const result = await client.GET(PATH);
      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(status);
      const { error } = result;
      expect(error).toMatchObject({ kind, ErrorCode: code });
      expect(typeof error!.Message).toBe('string');
      expect(error!.Message.length).toBeGreaterThan(0);
      expect(error!.Description).toContain(String(status));
      expect(isLoginRadiusError(error)).toBe(true);
      expect(isLoginRadiusError(error, code)).toBe(true);
      expect(isLoginRadiusError(error, kind)).toBe(true);
      expect(isLoginRadiusError(error, 'api')).toBe(false);
    });

    it('keeps the raw text of a body that is not JSON, for diagnosis', async () => {
      const { client } = fakeClient(mode, {}, raw('<html>502</html>', 502, { 'Content-Type': 'text/html' }));
      const { error } = await client.GET(PATH);
      expect(isLoginRadiusError(error, 'not-json') && error.body).toBe('<html>502</html>');
      expect(error!.Description).toBe('HTTP 502');
    });

    it('the synthetic codes are the documented constants', () => {
      expect(LoginRadiusErrorCode).toEqual({ Network: -1, EmptyBody: -2, NotJson: -3, InvalidJson: -4, UnexpectedBody: -5, Timeout: -6 });
    });
  });

  describe('network failures become typed errors in { error }', () => {
    it('fetch rejecting (connection refused, DNS...) gives kind network, the cause, and a status-0 Response', async () => {
      const failure = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
      const { client } = fakeClient(mode, {}, () => {
        throw failure;
      });
      const { data, error, response } = await client.GET(PATH);
      expect(data).toBeUndefined();
      expect(error).toMatchObject({ kind: 'network', ErrorCode: LoginRadiusErrorCode.Network, Message: 'network' });
      expect(isLoginRadiusError(error, 'network') && error.cause).toBe(failure);
      expect(error!.Description).toContain('fetch failed');
      expect(response.status).toBe(0);
      expect(response.type).toBe('error');
    });

    it('an abort gives kind network with the AbortError as cause', async () => {
      const { client } = fakeClient(mode, {}, () => {
        throw new DOMException('This operation was aborted', 'AbortError');
      });
      const { error } = await client.GET(PATH, { signal: AbortSignal.abort() });
      expect(isLoginRadiusError(error, 'network') && (error.cause as Error).name).toBe('AbortError');
    });

    it('your onError middleware sees the failure first, and can answer instead', async () => {
      const { client } = fakeClient(mode, {}, () => {
        throw new TypeError('fetch failed');
      });
      const seen: unknown[] = [];
      client.use({
        onError: ({ error }) => {
          seen.push(error);
          return json({ SecondFactorValidationToken: 'from-cache', ExpireIn: 'x' });
        },
      });
      const { data, error } = await client.GET(PATH);
      expect(error).toBeUndefined();
      expect(data).toMatchObject({ SecondFactorValidationToken: 'from-cache' });
      expect(seen).toHaveLength(1);
    });
  });

  it('an exception thrown by your own middleware comes back the same way (the call never rejects but for misconfiguration)', async () => {
    const { client, fake } = fakeClient(mode);
    const bug = new Error('my middleware broke');
    client.use({
      onRequest: () => {
        throw bug;
      },
    });
    const { error } = await client.GET(PATH);
    expect(isLoginRadiusError(error, 'network') && error.cause).toBe(bug);
    expect(fake).not.toHaveBeenCalled();
  });

  describe('LoginRadius error bodies are normalised whatever their casing', () => {
    const cases = [
      ['PascalCase', { ErrorCode: 1017, Message: 'Access token expired', Description: 'The token expired.', IsProviderError: false }],
      ['camelCase', { errorCode: 1017, message: 'Access token expired', description: 'The token expired.', IsProviderError: false }],
      ['lower case', { errorcode: 1017, message: 'Access token expired', description: 'The token expired.', IsProviderError: false }],
      ['upper case', { ERRORCODE: 1017, MESSAGE: 'Access token expired', DESCRIPTION: 'The token expired.', IsProviderError: false }],
    ] as const;
    it.each(cases)('%s', async (_label, body) => {
      const { client } = fakeClient(mode, {}, () => json(body, 403));
      const { error } = await client.GET(PATH);
      expect(error).toEqual({
        kind: 'api',
        ErrorCode: 1017,
        Message: 'Access token expired',
        Description: 'The token expired.',
        IsProviderError: false,
      });
      expect(isLoginRadiusError(error, 1017)).toBe(true);
      expect(isLoginRadiusError(error, 1016)).toBe(false);
    });

    it('keeps the rest of the body (Errors, Data...) as it came', async () => {
      const body = {
        ErrorCode: 1134,
        Message: 'Validation failed for one or more fields',
        Description: 'Validation failed',
        Errors: [{ FieldName: 'otp', ErrorMessage: 'required' }],
        Data: { LoginLockedTimeout: 5 },
      };
      const { client } = fakeClient(mode, {}, () => json(body, 400));
      const { error } = await client.GET(PATH);
      expect(error).toEqual({ kind: 'api', ...body });
      if (error?.kind === 'api') expect(error.Errors?.[0]?.FieldName).toBe('otp');
    });

    it('fills Message and Description when the body lacks them', async () => {
      const { client } = fakeClient(mode, {}, () => json({ ErrorCode: 1409 }, 401));
      const { error } = await client.GET(PATH);
      expect(error).toEqual({ kind: 'api', ErrorCode: 1409, Message: '', Description: 'HTTP 401' });
    });
  });

  it('a good body still comes back as data', async () => {
    const body = { SecondFactorValidationToken: 'tok', ExpireIn: '2026-01-01T00:00:00Z' };
    const { client } = fakeClient(mode, {}, () => json(body));
    const { data, error, response } = await client.GET(PATH);
    expect(error).toBeUndefined();
    expect(data).toEqual(body);
    expect(response.status).toBe(200);
  });

  it('a 204 is data: undefined, not an error', async () => {
    const { client } = fakeClient(mode, {}, raw(null, 204));
    const { data, error } = await client.GET(PATH);
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
  });
});

describe('isLoginRadiusError', () => {
  it.each([null, undefined, 'x', 1017, {}, { ErrorCode: '1017' }, new Error('x')])('is false for %s', (value) => {
    expect(isLoginRadiusError(value)).toBe(false);
    expect(isLoginRadiusError(value, 1017)).toBe(false);
  });
});

describe('over real sockets', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname.endsWith('/cut')) {
        // Promise 200 bytes of JSON, send 20, then drop the connection.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '200' });
        res.write('{"SecondFactorValida');
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (url.pathname.endsWith('/html')) {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ echo: { url: req.url, authorization: req.headers.authorization ?? null } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => createLoginRadiusClient({ apiKey: KEY, accessToken: TOKEN, apiSecret: SECRET, baseUrl: base });

  it('a body cut off mid-stream gives kind network (not a rejection)', async () => {
    const { data, error, response } = await client().GET('/cut' as never);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ kind: 'network', ErrorCode: -1 });
    expect(response.status).toBe(0);
  });

  it('an nginx HTML 502 gives kind not-json', async () => {
    const { error, response } = await client().GET('/html' as never);
    expect(error).toMatchObject({ kind: 'not-json', ErrorCode: -3 });
    expect(response.status).toBe(502);
  });

  it('a refused connection gives kind network', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const { error } = await createLoginRadiusClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${closed}` }).GET(PATH);
    expect(error).toMatchObject({ kind: 'network', ErrorCode: -1 });
    expect(isLoginRadiusError(error, 'network') && String(error.cause)).toMatch(/fetch failed/);
  });

  it('the real wire gets the key in the query, the token in the header, never the token in the URL', async () => {
    const { data } = await client().GET('/echo' as never);
    const echo = (data as unknown as { echo: { url: string; authorization: string } }).echo;
    expect(echo.url).toBe(`/echo?apikey=${KEY}`);
    expect(echo.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('against the mock (npm run mock)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(async () => {
    await mock?.stop();
  });
  const lr = () => createLoginRadiusClient({ apiKey: KEY, accessToken: TOKEN, apiSecret: SECRET, baseUrl: mock.baseUrl });

  it('answers a step-up trigger with data', async () => {
    const { data, error, response } = await lr().GET('/identity/v2/auth/account/reauth/2fa');
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toHaveProperty('SecondFactorAuthenticationToken');
  });

  it("normalises the mock's camelCase 1409 (GENERIC_AUTH_ERROR) to ErrorCode", async () => {
    const { error, response } = await lr().GET('/identity/v2/auth/account/reauth/2fa', {
      headers: { Prefer: 'code=401, example=GENERIC_AUTH_ERROR' },
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ kind: 'api', ErrorCode: 1409, Message: 'Authentication failed' });
    expect(error).not.toHaveProperty('errorCode');
  });

  it('validates a step-up token by UID with the secret (a /manage/ call)', async () => {
    const { data, error } = await lr().POST('/identity/v2/manage/account/{uid}/reauth/2fa', {
      params: { path: { uid: '6c9b3bc0ea674b0b8d5f9e6d1a2b3c4d' } },
      body: { secondfactorvalidationtoken: '68***-91**-****-b**b-e**********9' },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ IsValid: true });
  });
});
