// The credential layer, over a fake fetch: where the API key, the access token and the API secret go, for
// every operation of the spec and for the path tricks that could fool a /manage/ check.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginRadiusClient, isM2mPath, isManagePath, LoginRadiusConfigError } from '../../client/src/index.js';
import { type Json, type Operation, operations, validRequest } from '../support/spec.js';
import { BASE, fakeClient, json, KEY, MODES, SECRET, type Sent, TOKEN } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const isManage = (o: Operation) => o.path.toLowerCase().startsWith('/identity/v2/manage/');
const isConfiguration = (o: Operation) => o.path.toLowerCase().startsWith('/v2/manage/2fa/');
const manageOps = operations.filter(isManage);
const configurationOps = operations.filter(isConfiguration);
const otherOps = operations.filter((o) => !isManage(o) && !isConfiguration(o));
const M2M = 'm2m-jwt-3c4d5e6f-never-leak';

/** Calls an operation the way an app would, with a valid request built from the spec's examples. */
function callOperation(client: Json, operation: Operation, { allParameters = false } = {}) {
  const { pathParams, query, header, body } = validRequest(operation, { allParameters });
  return client[operation.method.toUpperCase()](operation.path, { params: { path: pathParams, query }, body, headers: header });
}

const everywhere = (s: Sent) => `${s.url}\n${[...s.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${s.body ?? ''}`;
const query = (s: Sent) => new URL(s.url).searchParams;

it('the spec has /manage/, MFA configuration and other operations (so the tables below test something)', () => {
  expect(manageOps.length).toBeGreaterThan(0);
  expect(configurationOps.length).toBe(9);
  expect(otherOps.length).toBeGreaterThan(0);
});

describe.each(MODES)('through a %s', (mode) => {
  describe('the API secret', () => {
    it.each(otherOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'never reaches %s (not /manage/), in no header, URL or body',
      async (_name, operation) => {
        for (const allParameters of [false, true]) {
          const { client, sent } = fakeClient(mode);
          const { error } = await callOperation(client, operation, { allParameters });
          expect(error).toBeUndefined();
          expect(sent).toHaveLength(1);
          expect(sent[0].headers.has('x-loginradius-apisecret')).toBe(false);
          expect(everywhere(sent[0])).not.toContain(SECRET);
          expect(query(sent[0]).has('apisecret')).toBe(false);
        }
      },
    );

    it.each(manageOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'is sent to %s as X-LoginRadius-ApiSecret, and only there',
      async (_name, operation) => {
        const { client, sent } = fakeClient(mode);
        const { error } = await callOperation(client, operation);
        expect(error).toBeUndefined();
        expect(sent[0].headers.get('X-LoginRadius-ApiSecret')).toBe(SECRET);
        expect(sent[0].url).not.toContain(SECRET);
        // Manage operations are authorised by the secret: the user's token has no business there.
        expect(sent[0].headers.has('authorization')).toBe(false);
      },
    );

    it.each(manageOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'is required by %s: without one the call rejects with API_SECRET_REQUIRED before any fetch',
      async (_name, operation) => {
        const { client, fake } = fakeClient(mode, { apiSecret: undefined });
        const call = callOperation(client, operation);
        await expect(call).rejects.toBeInstanceOf(LoginRadiusConfigError);
        await expect(callOperation(client, operation)).rejects.toMatchObject({ code: 'API_SECRET_REQUIRED' });
        expect(fake).not.toHaveBeenCalled();
      },
    );

    it('names the problem and the path in the error, and leaks no credential into it', async () => {
      const { client } = fakeClient(mode, { apiSecret: undefined });
      const error = await client
        .DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoginRadiusConfigError);
      expect((error as Error).message).toMatch(/API_SECRET_REQUIRED/);
      expect((error as Error).message).toContain('/identity/v2/manage/account/2fa/totp');
      expect((error as Error).message).not.toContain(KEY);
      expect((error as Error).message).not.toContain(TOKEN);
    });

    // Each of these URLs must not get the secret: the check is on the final, normalised path only.
    const notManage: Array<[string, string, Record<string, unknown>?]> = [
      ['/manage/ in the query string', '/identity/v2/auth/account/2fa', { next: '/identity/v2/manage/account/2fa/totp' }],
      ['a full manage URL in the query string', '/identity/v2/auth/account/2fa', { next: `${BASE}/identity/v2/manage/account/2fa/totp` }],
      ['`..` climbing out of /manage/', '/identity/v2/manage/../auth/account/2fa'],
      ['`..` twice, out of /manage/account/', '/identity/v2/manage/account/../../auth/account/2fa'],
      ['`%2e%2e` (an encoded `..`), out of /manage/', '/identity/v2/manage/%2e%2e/auth/account/2fa'],
      ['backslashes, read as `/`, out of /manage/', '/identity/v2/manage\\..\\auth/account/2fa'],
      ['an encoded slash after /manage', '/identity/v2/manage%2F..%2Fauth/account/2fa'],
      ['encoded `../` segments inside /manage/', '/identity/v2/manage/..%2F..%2Fauth/account/2fa'],
      ['an encoded letter (a server may decode it, so it is never trusted)', '/identity/v2/%6Danage/account/2fa/totp'],
      ['a `;` path parameter', '/identity/v2/manage;x/account/2fa/totp'],
      ['a host smuggled into the path', '//evil.example/identity/v2/manage/account/2fa/totp'],
      ['/manage/ under another prefix', '/identity/v2/auth/manage/account/2fa'],
    ];
    it.each(notManage)('is not sent for %s (%s)', async (_label, path, q) => {
      const { client, sent } = fakeClient(mode);
      const { error } = await client.GET(path as never, { params: { query: q } } as never);
      expect(error).toBeUndefined();
      expect(sent[0].headers.has('x-loginradius-apisecret')).toBe(false);
      expect(everywhere(sent[0])).not.toContain(SECRET);
    });

    const manage: Array<[string, string]> = [
      ['upper case', '/IDENTITY/V2/MANAGE/account/2fa/totp'],
      ['mixed case', '/Identity/v2/Manage/account/2fa/totp'],
      ['`..` climbing into /manage/', '/identity/v2/auth/../manage/account/2fa/totp'],
      ['a `.` segment', '/identity/v2/./manage/account/2fa/totp'],
    ];
    it.each(manage)('is sent for a /manage/ path in %s (%s), which the server treats as /manage/', async (_label, path) => {
      const { client, sent } = fakeClient(mode);
      const { error } = await client.DELETE(path as never, { params: { query: { uid: 'u1' } } } as never);
      expect(error).toBeUndefined();
      expect(sent[0].headers.get('x-loginradius-apisecret')).toBe(SECRET);
    });

    it('a uid path parameter cannot walk out of /manage/ with the secret', async () => {
      const { client, sent } = fakeClient(mode);
      await client.POST('/identity/v2/manage/account/{uid}/reauth/2fa', {
        params: { path: { uid: '../../../auth/account/2fa' } },
        body: { secondfactorvalidationtoken: 't' },
      });
      expect(sent[0].url).toContain('/identity/v2/manage/account/..%2F..%2F..%2Fauth%2Faccount%2F2fa/reauth/2fa');
      expect(everywhere(sent[0])).not.toContain(SECRET);
    });

    it('is judged relative to the base URL: a base path containing /manage/ does not make every call /manage/', async () => {
      const { client, sent } = fakeClient(mode, { baseUrl: 'https://proxy.example.test/identity/v2/manage/lr/' });
      await client.GET('/identity/v2/auth/account/2fa');
      await client.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } } as never);
      expect(sent[0].url).toBe(`https://proxy.example.test/identity/v2/manage/lr/identity/v2/auth/account/2fa?apikey=${KEY}`);
      expect(sent[0].headers.has('x-loginradius-apisecret')).toBe(false);
      expect(sent[1].headers.get('x-loginradius-apisecret')).toBe(SECRET);
    });

    it('is checked on the URL a user middleware produced, not the one first built', async () => {
      const { client, sent } = fakeClient(mode);
      // A (global) middleware rewrites a /manage/ call into an /auth/ one: the secret must not follow.
      client.use({
        onRequest: ({ request }) => new Request(request.url.replace('/manage/account/2fa/totp', '/auth/account/2fa'), request),
      });
      await client.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } } as never);
      expect(new URL(sent[0].url).pathname).toBe('/identity/v2/auth/account/2fa');
      expect(everywhere(sent[0])).not.toContain(SECRET);
      expect(sent[0].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      expect(query(sent[0]).get('apikey')).toBe(KEY);
    });

    it.each([
      ['as the X-LoginRadius-ApiSecret header', { headers: { 'X-LoginRadius-ApiSecret': 'explicit' } }],
      ['as the apisecret query parameter', { params: { query: { apisecret: 'explicit' } } }],
      ['as APISECRET (the API reads names in any casing)', { params: { query: { APISECRET: 'explicit' } } }],
    ])('passed explicitly %s to a non-/manage/ path, is refused (API_SECRET_NOT_ALLOWED) before any fetch', async (_l, init) => {
      const { client, fake } = fakeClient(mode);
      await expect(client.GET('/identity/v2/auth/account/2fa', init as never)).rejects.toMatchObject({
        name: 'LoginRadiusConfigError',
        code: 'API_SECRET_NOT_ALLOWED',
      });
      expect(fake).not.toHaveBeenCalled();
    });
  });

  describe('the access token', () => {
    it.each(otherOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'goes to %s as Authorization: Bearer, never in the URL',
      async (_name, operation) => {
        const { client, sent } = fakeClient(mode);
        await callOperation(client, operation);
        expect(sent[0].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
        expect(sent[0].url).not.toContain(TOKEN);
        expect(query(sent[0]).has('access_token')).toBe(false);
      },
    );

    it('goes in the URL only when the caller puts it there (access_token), and then not in a header too', async () => {
      const { client, sent } = fakeClient(mode);
      await client.GET('/identity/v2/auth/account/2fa', { params: { query: { access_token: 'explicit-token' } } });
      expect(query(sent[0]).get('access_token')).toBe('explicit-token');
      expect(sent[0].headers.has('authorization')).toBe(false);
      expect(sent[0].url).not.toContain(TOKEN);
    });
  });

  describe('the API key', () => {
    it.each(operations.filter((o) => !isConfiguration(o)).map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'goes to %s once, as the apikey query parameter',
      async (_name, operation) => {
        const { client, sent } = fakeClient(mode);
        await callOperation(client, operation, { allParameters: true });
        expect(query(sent[0]).getAll('apikey')).toEqual([KEY]);
        expect(sent[0].headers.has('apikey')).toBe(false);
      },
    );

    it('is added even when a per-call querySerializer replaces the default one', async () => {
      const { client, sent } = fakeClient(mode);
      await client.GET('/identity/v2/auth/account/2fa', { querySerializer: () => 'x=1' } as never);
      expect(query(sent[0]).get('x')).toBe('1');
      expect(query(sent[0]).getAll('apikey')).toEqual([KEY]);
    });

    it('is URL-encoded', async () => {
      const { client, sent } = fakeClient(mode, { apiKey: 'a&b=c d' });
      await client.GET('/identity/v2/auth/account/2fa');
      expect(query(sent[0]).get('apikey')).toBe('a&b=c d');
    });
  });

  describe('the M2M token', () => {
    const m2mClient = (options = {}) => fakeClient(mode, { m2mToken: M2M, ...options });

    it.each(configurationOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'goes to %s as Authorization: Bearer, alone: no API key, API secret or user token',
      async (_name, operation) => {
        const { client, sent } = m2mClient();
        const { error } = await callOperation(client, operation, { allParameters: true });
        expect(error).toBeUndefined();
        expect(sent).toHaveLength(1);
        expect(sent[0].headers.get('authorization')).toBe(`Bearer ${M2M}`);
        expect(sent[0].url).not.toContain(M2M);
        expect(sent[0].headers.has('x-loginradius-apisecret')).toBe(false);
        for (const credential of [SECRET, TOKEN, KEY]) expect(everywhere(sent[0])).not.toContain(credential);
        expect(query(sent[0]).has('apikey')).toBe(false);
      },
    );

    it.each(configurationOps.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'is required by %s: without one the call rejects with M2M_TOKEN_REQUIRED before any fetch',
      async (_name, operation) => {
        const { client, fake } = fakeClient(mode);
        await expect(callOperation(client, operation)).rejects.toMatchObject({ name: 'LoginRadiusConfigError', code: 'M2M_TOKEN_REQUIRED' });
        expect(fake).not.toHaveBeenCalled();
      },
    );

    it.each([...otherOps, ...manageOps].map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      'never reaches %s, in no header, URL or body',
      async (_name, operation) => {
        const { client, sent } = m2mClient();
        await callOperation(client, operation, { allParameters: true });
        expect(sent).toHaveLength(1);
        expect(everywhere(sent[0])).not.toContain(M2M);
      },
    );

    // Each of these URLs is not an MFA configuration path once normalised: the M2M token must not go there.
    const notConfiguration: Array<[string, string, Record<string, unknown>?]> = [
      ['a configuration path in the query string', '/identity/v2/auth/account/2fa', { next: '/v2/manage/2fa/config' }],
      ['`..` climbing out of /v2/manage/2fa/', '/v2/manage/2fa/../../../identity/v2/auth/account/2fa'],
      ['`%2e%2e` (an encoded `..`) out of /v2/manage/2fa/', '/v2/manage/2fa/%2e%2e/%2e%2e/%2e%2e/identity/v2/auth/account/2fa'],
      ['/v2/manage/2fa/ under another prefix', '/identity/v2/auth/v2/manage/2fa/config'],
      ['/identity/v2/manage/2fa/ (an API-secret path, not configuration)', '/identity/v2/manage/account/2fa/totp'],
    ];
    it.each(notConfiguration)('is not sent for %s (%s)', async (_label, path, q) => {
      const { client, sent } = m2mClient();
      await client.DELETE(path as never, { params: { query: { uid: 'u1', ...q } } } as never);
      expect(everywhere(sent[0])).not.toContain(M2M);
    });

    const configuration: Array<[string, string]> = [
      ['upper case', '/V2/MANAGE/2FA/CONFIG'],
      ['mixed case', '/v2/Manage/2Fa/config'],
      ['`..` climbing into /v2/manage/2fa/', '/identity/v2/auth/../../../v2/manage/2fa/config'],
      ['a `.` segment', '/v2/./manage/2fa/config'],
    ];
    it.each(configuration)('is sent for a configuration path in %s (%s), with no user token or API key', async (_label, path) => {
      const { client, sent } = m2mClient();
      const { error } = await client.GET(path as never);
      expect(error).toBeUndefined();
      expect(sent[0].headers.get('authorization')).toBe(`Bearer ${M2M}`);
      expect(everywhere(sent[0])).not.toContain(TOKEN);
      expect(query(sent[0]).has('apikey')).toBe(false);
    });

    // Paths a server may decode into a configuration path: no token of either kind goes there.
    const ambiguous: Array<[string, string]> = [
      ['an encoded letter', '/v2/manage/2fa/%63onfig'],
      ['an encoded letter in "manage"', '/v2/%6Danage/2fa/config'],
      ['an encoded slash', '/v2/manage%2F2fa/config'],
      ['a `;` path parameter', '/v2/manage;x/2fa/config'],
    ];
    it.each(ambiguous)('and the user token are both withheld from %s (%s)', async (_label, path) => {
      const { client, sent } = m2mClient();
      await client.GET(path as never);
      expect(sent[0].headers.has('authorization')).toBe(false);
      for (const credential of [M2M, TOKEN, SECRET]) expect(everywhere(sent[0])).not.toContain(credential);
    });

    it('is judged relative to the base URL: a base path containing /v2/manage/2fa/ does not make every call configuration', async () => {
      const { client, sent } = m2mClient({ baseUrl: 'https://proxy.example.test/v2/manage/2fa/lr/' });
      await client.GET('/identity/v2/auth/account/2fa');
      await client.GET('/v2/manage/2fa/config');
      expect(everywhere(sent[0])).not.toContain(M2M);
      expect(sent[0].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      expect(sent[1].url).toBe('https://proxy.example.test/v2/manage/2fa/lr/v2/manage/2fa/config');
      expect(sent[1].headers.get('authorization')).toBe(`Bearer ${M2M}`);
    });

    it('is checked on the URL a user middleware produced: a configuration call rewritten to /auth/ gets the user token', async () => {
      const { client, sent } = m2mClient();
      client.use({ onRequest: ({ request }) => new Request(request.url.replace('/v2/manage/2fa/config', '/identity/v2/auth/account/2fa'), request) });
      await client.GET('/v2/manage/2fa/config');
      expect(new URL(sent[0].url).pathname).toBe('/identity/v2/auth/account/2fa');
      expect(everywhere(sent[0])).not.toContain(M2M);
      expect(sent[0].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    });

    it.each([
      ['as the X-LoginRadius-ApiSecret header', { headers: { 'X-LoginRadius-ApiSecret': 'explicit' } }],
      ['as the apisecret query parameter', { params: { query: { ApiSecret: 'explicit' } } }],
    ])('an API secret passed explicitly %s to a configuration path is refused (API_SECRET_NOT_ALLOWED) before any fetch', async (_l, init) => {
      const { client, fake } = m2mClient();
      await expect(client.GET('/v2/manage/2fa/config', init as never)).rejects.toMatchObject({ code: 'API_SECRET_NOT_ALLOWED' });
      expect(fake).not.toHaveBeenCalled();
    });

    it('an explicit Authorization header on a configuration call is used as it is, with no token configured', async () => {
      const { client, sent } = fakeClient(mode);
      await client.GET('/v2/manage/2fa/config', { headers: { Authorization: 'Bearer explicit-m2m' } });
      expect(sent[0].headers.get('authorization')).toBe('Bearer explicit-m2m');
      expect(everywhere(sent[0])).not.toContain(TOKEN);
    });

    it('withCredentials({ m2mToken }) gives a client one, and m2mToken: null removes it', async () => {
      const { client, sent, fake } = fakeClient(mode);
      const admin = client.withCredentials({ m2mToken: 'per-call-m2m' });
      await admin.GET('/v2/manage/2fa/config');
      expect(sent[0].headers.get('authorization')).toBe('Bearer per-call-m2m');
      await expect(admin.withCredentials({ m2mToken: null }).GET('/v2/manage/2fa/config')).rejects.toMatchObject({ code: 'M2M_TOKEN_REQUIRED' });
      await expect(client.GET('/v2/manage/2fa/config')).rejects.toMatchObject({ code: 'M2M_TOKEN_REQUIRED' });
      expect(fake).toHaveBeenCalledTimes(1);
    });
  });

  describe('per-call overrides', () => {
    it('withCredentials({ accessToken }) sends that token, and leaves the original client as it was', async () => {
      const { client, sent } = fakeClient(mode);
      const user = client.withCredentials({ accessToken: 'user-2-token' });
      await user.GET('/identity/v2/auth/account/2fa');
      await client.GET('/identity/v2/auth/account/2fa');
      expect(sent[0].headers.get('authorization')).toBe('Bearer user-2-token');
      expect(sent[1].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    });

    it('withCredentials({ accessToken: null }) sends no token', async () => {
      const { client, sent } = fakeClient(mode);
      await client.withCredentials({ accessToken: null }).GET('/identity/v2/auth/account/2fa');
      expect(sent[0].headers.has('authorization')).toBe(false);
    });

    it('withCredentials({ apiSecret }) gives a secret-less client one, for /manage/ only', async () => {
      const { client, sent, fake } = fakeClient(mode, { apiSecret: undefined });
      const admin = client.withCredentials({ apiSecret: 'per-call-secret' });
      await admin.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } });
      await admin.GET('/identity/v2/auth/account/2fa');
      expect(sent[0].headers.get('x-loginradius-apisecret')).toBe('per-call-secret');
      expect(everywhere(sent[1])).not.toContain('per-call-secret');
      // The original client still has no secret.
      await expect(client.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } })).rejects.toMatchObject({
        code: 'API_SECRET_REQUIRED',
      });
      expect(fake).toHaveBeenCalledTimes(2);
    });

    it('withCredentials({ apiSecret: null }) removes the secret, so /manage/ calls fail before any fetch', async () => {
      const { client, fake } = fakeClient(mode);
      const noSecret = client.withCredentials({ apiSecret: null });
      await expect(noSecret.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } })).rejects.toMatchObject({
        code: 'API_SECRET_REQUIRED',
      });
      expect(fake).not.toHaveBeenCalled();
    });

    it('a derived client keeps what it does not override, and shares middleware registered with use()', async () => {
      const { client, sent } = fakeClient(mode);
      const derived = client.withCredentials({ accessToken: 'other' }).withCredentials({});
      const seen: string[] = [];
      client.use({ onRequest: ({ request }) => void seen.push(new URL(request.url).pathname) });
      await derived.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1' } } });
      await derived.GET('/identity/v2/auth/account/2fa');
      expect(sent[0].headers.get('x-loginradius-apisecret')).toBe(SECRET);
      expect(sent[1].headers.get('authorization')).toBe('Bearer other');
      expect(seen).toEqual(['/identity/v2/manage/account/2fa/totp', '/identity/v2/auth/account/2fa']);
    });

    it('an explicit Authorization header wins over the configured token', async () => {
      const { client, sent } = fakeClient(mode);
      await client.GET('/identity/v2/auth/account/2fa', { headers: { Authorization: 'Bearer explicit' } });
      expect(sent[0].headers.get('authorization')).toBe('Bearer explicit');
    });

    it('an explicit X-LoginRadius-ApiSecret header on a /manage/ call is used, with no secret configured', async () => {
      const { client, sent } = fakeClient(mode, { apiSecret: undefined });
      const { error } = await client.DELETE('/identity/v2/manage/account/2fa/totp', {
        params: { query: { uid: 'u1' } },
        headers: { 'X-LoginRadius-ApiSecret': 'explicit-secret' },
      });
      expect(error).toBeUndefined();
      expect(sent[0].headers.get('x-loginradius-apisecret')).toBe('explicit-secret');
    });

    it('an explicit apisecret query parameter on a /manage/ call is used as it is, and no header is added', async () => {
      const { client, sent } = fakeClient(mode);
      await client.DELETE('/identity/v2/manage/account/2fa/totp', { params: { query: { uid: 'u1', apisecret: 'q-secret' } } } as never);
      expect(query(sent[0]).get('apisecret')).toBe('q-secret');
      expect(sent[0].headers.has('x-loginradius-apisecret')).toBe(false);
    });
  });
});

describe('misconfiguration', () => {
  it.each([
    ['no options', undefined],
    ['no apiKey', {}],
    ['an empty apiKey', { apiKey: '' }],
    ['a blank apiKey', { apiKey: '   ' }],
    ['a non-string apiKey', { apiKey: 42 }],
  ])('%s: createLoginRadiusClient throws API_KEY_REQUIRED, and nothing is fetched', (_label, options) => {
    const fake = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fake);
    let thrown: unknown;
    try {
      createLoginRadiusClient(options === undefined ? (undefined as never) : ({ ...options, fetch: fake } as never));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LoginRadiusConfigError);
    expect(thrown).toMatchObject({ name: 'LoginRadiusConfigError', code: 'API_KEY_REQUIRED' });
    expect((thrown as Error).message).toMatch(/apiKey/);
    expect(fake).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('isManagePath', () => {
  it.each([
    ['https://a.test/identity/v2/manage/account/2fa/totp?uid=1', 'https://a.test', true],
    ['https://a.test/identity/v2/auth/account/2fa?x=/identity/v2/manage/', 'https://a.test', false],
    ['https://a.test/identity/v2/manage/../auth/x', 'https://a.test', false],
    ['https://a.test/lr/identity/v2/manage/x', 'https://a.test/lr', true],
    ['https://a.test/lr/identity/v2/manage/x', 'https://a.test/lr/', true],
    ['https://a.test/lrx/identity/v2/manage/x', 'https://a.test/lr', false],
    ['https://a.test/identity/v2/manage/x', 'https://a.test/lr', false],
    ['https://a.test/identity/v2/manage', 'https://a.test', false],
  ])('%s under %s: %s', (url, base, expected) => {
    expect(isManagePath(url, base)).toBe(expected);
  });
});

describe('isM2mPath', () => {
  it.each([
    ['https://a.test/v2/manage/2fa/config', 'https://a.test', {}, true],
    ['https://a.test/V2/Manage/2FA/push-notification-settings', 'https://a.test', {}, true],
    ['https://a.test/lr/v2/manage/2fa/config', 'https://a.test/lr/', {}, true],
    ['https://a.test/v2/manage/2fa/config', 'https://a.test/lr', {}, false],
    ['https://a.test/identity/v2/auth/account/2fa?x=/v2/manage/2fa/config', 'https://a.test', {}, false],
    ['https://a.test/v2/manage/2fa/%63onfig', 'https://a.test', {}, false],
    ['https://a.test/v2/manage/2fa/%63onfig', 'https://a.test', { maybe: true }, true],
    ['https://a.test/v2/manage%2F2fa/config', 'https://a.test', { maybe: true }, true],
    ['https://a.test/identity/v2/manage/account/2fa/totp', 'https://a.test', { maybe: true }, false],
  ])('%s under %s (%o): %s', (url, base, options, expected) => {
    expect(isM2mPath(url, base, options)).toBe(expected);
  });
});
