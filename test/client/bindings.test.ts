// The client as a drop-in openapi-fetch Client: openapi-react-query (TanStack Query) takes it as it is, infers
// its paths, and keeps the normalised error type; the queryFn it builds runs against the mock. Types are checked
// by tsc (`npx tsc -p tsconfig.json` includes test/); no React rendering is needed for queryOptions.
import { QueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createLoginRadiusClient,
  isLoginRadiusError,
  type LoginRadiusClient,
  type LoginRadiusPaths,
  type ResponseError,
} from '../../client/src/index.js';
import { withResilience } from '../../client/src/resilience.js';
import { TEST_CREDENTIALS } from '../support/client.js';
import { startMock, type RunningMock } from '../support/mock.js';

const TRIGGER = '/identity/v2/auth/account/reauth/2fa';

describe('types', () => {
  it('LoginRadiusClient is an openapi-fetch Client, with every method it has', () => {
    expectTypeOf<LoginRadiusClient>().toMatchTypeOf<Client<LoginRadiusPaths>>();
    expectTypeOf<LoginRadiusClient>().toHaveProperty('request');
    for (const method of ['OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const) expectTypeOf<LoginRadiusClient>().toHaveProperty(method);
  });

  it('createQueryClient(lr) infers the paths and keeps the normalised error type', () => {
    const lr = createLoginRadiusClient({ apiKey: 'k' });
    const $api = createQueryClient(lr);
    const options = $api.queryOptions('get', TRIGGER);
    expectTypeOf(options.queryKey[1]).toEqualTypeOf<typeof TRIGGER>();
    // Hooks are only type-checked here (they cannot run outside a component): tsc checks this function, nobody calls it.
    const hooks = () => {
      const query = $api.useQuery('get', TRIGGER);
      expectTypeOf(query.data?.SecondFactorAuthenticationToken).toEqualTypeOf<string | undefined>();
      // The normalised error (kind, the transport kinds' fields), not openapi-fetch's raw error body type.
      expectTypeOf(query.error?.kind).toEqualTypeOf<ResponseError<typeof TRIGGER, 'get'>['kind'] | undefined>();
      if (query.error?.kind === 'not-json') expectTypeOf(query.error.body).toEqualTypeOf<string>();
      if (query.error?.kind === 'network') expectTypeOf(query.error.cause).toBeUnknown();
      const mutation = $api.useMutation('put', '/identity/v2/auth/account/reauth/2fa/{type}');
      mutation.mutate({ params: { path: { type: 'otp' } }, body: { otp: '123456' } });
      // @ts-expect-error `type` must be a documented factor
      mutation.mutate({ params: { path: { type: 'sms' } }, body: { otp: '123456' } });
    };
    expectTypeOf(hooks).toBeFunction();
    // (No negative checks on whole paths here: a wrong path makes tsc report against every path of the union,
    // which cost ~150 s of type checking; the positive calls above already fail if the paths become `never`.)
  });
});

describe('at run time, against the mock', () => {
  let mock: RunningMock;
  let lr: LoginRadiusClient;
  beforeAll(async () => {
    mock = await startMock();
    lr = createLoginRadiusClient({ ...TEST_CREDENTIALS, baseUrl: mock.baseUrl });
  });
  afterAll(() => mock?.stop());

  it('the queryFn of $api.queryOptions(...) fetches the data (run by TanStack Query’s own QueryClient)', async () => {
    const $api = createQueryClient(lr);
    const data = await new QueryClient().fetchQuery($api.queryOptions('get', TRIGGER));
    expect(typeof data.SecondFactorAuthenticationToken).toBe('string');
  });

  it('and throws the normalised error on a documented error answer', async () => {
    const $api = createQueryClient(lr);
    const options = $api.queryOptions('get', TRIGGER, { headers: { Prefer: 'code=403, example=ACCESS_TOKEN_EXPIRED' } });
    const failure = await new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(options).catch((e: unknown) => e);
    expect(isLoginRadiusError(failure, 906)).toBe(true);
    expect(failure).toMatchObject({ kind: 'api', ErrorCode: 906 });
  });

  it('request() and the method calls answer alike', async () => {
    const viaRequest = await lr.request('get', TRIGGER);
    const viaGet = await lr.GET(TRIGGER);
    expect(viaRequest.response.status).toBe(200);
    expect(Object.keys(viaRequest.data!).sort()).toEqual(Object.keys(viaGet.data!).sort());
  });

  it('a withResilience client works under TanStack Query too, its timeout composing with TanStack’s signal', async () => {
    const $api = createQueryClient(withResilience(lr, { timeout: 10_000, retry: { attempts: 2 } }));
    const data = await new QueryClient().fetchQuery($api.queryOptions('get', TRIGGER));
    expect(typeof data.SecondFactorAuthenticationToken).toBe('string');
  });
});
