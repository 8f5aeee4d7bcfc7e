// Edges of the client layer that only the mutation run (npm run mutate) showed untested: what a user middleware
// may return, the raw body kept on transport errors, the default base URL, a caller's own apikey, a 204's response.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginRadiusClient, isLoginRadiusError } from '../../client/src/index.js';
import { fakeClient, json, KEY, MODES } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const PATH = '/identity/v2/auth/account/reauth/2fa';
const raw = (body: BodyInit | null, status: number, headers: Record<string, string> = {}) => () => new Response(body, { status, headers });

describe.each(MODES)('through a %s', (mode) => {
  it('a middleware may return the request it was given, modified: the change reaches the wire', async () => {
    const { client, sent } = fakeClient(mode);
    client.use({
      onRequest({ request }) {
        request.headers.set('x-trace', 'abc');
        return request;
      },
    });
    const { error } = await client.GET(PATH);
    expect(error).toBeUndefined();
    expect(sent[0].headers.get('x-trace')).toBe('abc');
  });

  it('a middleware may answer instead of the network (return a Response): fetch is not called', async () => {
    const { client, fake } = fakeClient(mode);
    client.use({ onRequest: () => json({ ExpireIn: 'x', SecondFactorValidationToken: 'from-middleware' }) });
    const { data, error } = await client.GET(PATH);
    expect(error).toBeUndefined();
    expect(data).toEqual({ ExpireIn: 'x', SecondFactorValidationToken: 'from-middleware' });
    expect(fake).not.toHaveBeenCalled();
  });

  it('keeps the raw text of a truncated JSON body, and the parsed value of a JSON body with no error code', async () => {
    const truncated = await fakeClient(mode, {}, raw('{"ErrorCode":908,"Mess', 400, { 'Content-Type': 'application/json' })).client.GET(PATH);
    expect(isLoginRadiusError(truncated.error, 'invalid-json') && truncated.error.body).toBe('{"ErrorCode":908,"Mess');
    const unexpected = await fakeClient(mode, {}, raw('{"message":"upstream timed out"}', 504, { 'Content-Type': 'application/json' })).client.GET(PATH);
    expect(isLoginRadiusError(unexpected.error, 'unexpected-body') && unexpected.error.body).toEqual({ message: 'upstream timed out' });
  });

  it("does not add a second apikey when the caller put one first in the query", async () => {
    const { client, sent } = fakeClient(mode);
    await client.GET(PATH, { params: { query: { apikey: 'caller-key' } } } as never);
    expect(new URL(sent[0].url).searchParams.getAll('apikey')).toEqual(['caller-key']);
  });

  it('a 204 comes back with its response (status 204) and no data', async () => {
    const result = await fakeClient(mode, {}, raw(null, 204)).client.GET(PATH);
    expect(result.response.status).toBe(204);
    expect(result).not.toHaveProperty('error');
  });
});

it('calls https://api.loginradius.com when no baseUrl is given', async () => {
  const urls: string[] = [];
  const client = createLoginRadiusClient({ apiKey: KEY, fetch: async (input: RequestInfo | URL) => (urls.push(String(input instanceof Request ? input.url : input)), json({})) });
  await client.GET(PATH);
  expect(urls).toEqual([`https://api.loginradius.com${PATH}?apikey=${KEY}`]);
});
