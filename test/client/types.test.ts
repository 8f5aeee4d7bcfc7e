// Type-level tests, checked by `npx tsc -p tsconfig.json` (the root config includes test/): every
// `@ts-expect-error` below must be an error, or tsc fails with "Unused '@ts-expect-error' directive".
// Calls that must not compile live in functions that are never called (`rejectedByTheCompiler*`): tsc checks
// them, nothing runs them. The `it` blocks run over a fake fetch, and every branch in them is taken.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createLoginRadiusClient,
  isLoginRadiusError,
  type LoginRadiusError,
  type LoginRadiusNetworkError,
  type LoginRadiusClient,
  type LoginResponse,
  type paths,
  type components,
  type operations,
  type Profile,
  type ReAuthResponse,
  type ResponseData,
} from '../../client/src/index.js';
import { json } from './helpers.js';

const login = { access_token: 'at', Profile: { Uid: 'u1', Email: [{ Type: 'Primary', Value: 'a@b.c' }] } };
const clientAnswering = (answer: () => Response): LoginRadiusClient =>
  createLoginRadiusClient({ apiKey: 'k', accessToken: 't', apiSecret: 's', baseUrl: 'https://api.example.test', fetch: async () => answer() });
const client = clientAnswering(() => json(login));
const failing = clientAnswering(() => json({ errorCode: 906, message: 'Session expired', description: 'The session has expired.' }, 403));

describe('writeOnly secrets stay write-only', () => {
  it('a response type has no writeOnly field (Profile.Password, Profile.PIN.PIN), though the schema type does', async () => {
    const { data } = await client.PUT('/identity/v2/auth/login/2fa/totp', {
      params: { query: { secondfactorauthenticationtoken: 'sfat' } },
      body: { authenticatorcode: '123456' },
    });
    expect(data?.access_token).toBe('at');
    expect(data?.Profile?.Uid).toBe('u1');
    const profile = data!.Profile!;
    expectTypeOf(profile.Uid).toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error Password is writeOnly: it can be sent, never read back.
    expect(profile.Password).toBeUndefined();
    // @ts-expect-error PIN.PIN is writeOnly (nested).
    expect(profile.PIN?.PIN).toBeUndefined();
    // The raw schema type still carries it (marked $Write), which is why responses go through Readable.
    expectTypeOf<Profile>().toHaveProperty('Password');
  });

  it('a request body can carry writeOnly fields (they are secrets sent to the API)', async () => {
    const { error } = await client.PUT('/identity/v2/auth/account/reauth/password', { body: { password: 'correct horse' } });
    expect(error).toBeUndefined();
  });
});

/** Never called: tsc must reject each call (a wrong body type for a writeOnly field). */
export async function rejectedByTheCompilerWriteOnly() {
  // @ts-expect-error ...but it must be the documented field, with the documented type
  await client.PUT('/identity/v2/auth/account/reauth/password', { body: { password: 42 } });
}

/** Never called: tsc must reject each call (wrong paths, methods, params and bodies). */
export async function rejectedByTheCompilerCalls() {
  // @ts-expect-error not a path of the spec
  await client.GET('/identity/v2/auth/account/nope');
  // @ts-expect-error the step-up trigger is a GET, not a POST
  await client.POST('/identity/v2/auth/account/reauth/2fa');
  // @ts-expect-error `type` must be one of the documented factors
  await client.PUT('/identity/v2/auth/account/reauth/2fa/{type}', { params: { path: { type: 'sms' } }, body: { otp: '1' } });
  // @ts-expect-error the path parameter `uid` is required
  await client.POST('/identity/v2/manage/account/{uid}/reauth/2fa', { params: { path: {} }, body: { secondfactorvalidationtoken: 't' } });
  // @ts-expect-error the body is required
  await client.POST('/identity/v2/manage/account/{uid}/reauth/2fa', { params: { path: { uid: 'u' } } });
  await client.POST('/identity/v2/manage/account/{uid}/reauth/2fa', {
    params: { path: { uid: 'u' } },
    // @ts-expect-error the body field is `secondfactorvalidationtoken`
    body: { token: 't' },
  });
  // @ts-expect-error the query parameter `secondfactorauthenticationtoken` is required
  await client.PUT('/identity/v2/auth/login/2fa/totp', { body: { authenticatorcode: '1' } });
}

/** Never called: how `error` narrows, per kind and per guard (types only). */
export function narrowingOf(error: LoginRadiusError) {
  // @ts-expect-error the normalised shape has no camelCase keys
  void error.errorCode;
  if (error.kind === 'api') expectTypeOf(error.Errors).toEqualTypeOf<{ ErrorMessage?: string; FieldName?: string }[] | null | undefined>();
  if (error.kind === 'network') expectTypeOf(error).toEqualTypeOf<LoginRadiusNetworkError>();
  if (isLoginRadiusError(error, 'not-json')) expectTypeOf(error.body).toEqualTypeOf<string>();
  // A guard with a code narrows the true branch only: a false answer leaves every other error possible.
  if (isLoginRadiusError(error, 906)) expectTypeOf(error.ErrorCode).toEqualTypeOf<906>();
  else expectTypeOf(error.kind).toEqualTypeOf<LoginRadiusError['kind']>();
  if (!isLoginRadiusError(error, 'network')) expectTypeOf(error.kind).toEqualTypeOf<Exclude<LoginRadiusError['kind'], 'network'>>();
}

describe('calls are typed by the spec', () => {
  it('a correct call compiles and returns the documented 200 type', async () => {
    const ok = await client.PUT('/identity/v2/auth/account/reauth/2fa/{type}', {
      params: { path: { type: 'otp' } },
      body: { otp: '123456' },
    });
    expectTypeOf(ok.data).toEqualTypeOf<{ ExpireIn: string; SecondFactorValidationToken: string } | undefined>();
    expect(ok.error).toBeUndefined();
  });

  it('types `error` from the documented responses, normalised (a camelCase body comes back as ErrorCode/Message/Description)', async () => {
    const { data, error } = await failing.GET('/identity/v2/auth/account/reauth/2fa');
    expect(data).toBeUndefined();
    // The operation's own normalised error (a LoginRadiusError over its documented error bodies).
    expectTypeOf(error).toMatchTypeOf<LoginRadiusError | undefined>();
    const e = error!;
    expectTypeOf(e.ErrorCode).toEqualTypeOf<number>();
    expectTypeOf(e.Message).toEqualTypeOf<string>();
    expectTypeOf(e.Description).toEqualTypeOf<string>();
    expectTypeOf(e.kind).toEqualTypeOf<'api' | 'network' | 'empty-body' | 'not-json' | 'invalid-json' | 'unexpected-body'>();
    expect({ kind: e.kind, ErrorCode: e.ErrorCode, Message: e.Message, Description: e.Description }).toEqual({
      kind: 'api',
      ErrorCode: 906,
      Message: 'Session expired',
      Description: 'The session has expired.',
    });
    expect(isLoginRadiusError(e, 906)).toBe(true);
    expect(isLoginRadiusError(e, 'network')).toBe(false);
    expectTypeOf(e).toMatchTypeOf<LoginRadiusError>();
  });

  it('exports the generated types and named root types', () => {
    expectTypeOf<ReAuthResponse>().toEqualTypeOf<components['schemas']['ReAuthResponse']>();
    expectTypeOf<LoginResponse>().toEqualTypeOf<components['schemas']['LoginResponse']>();
    expectTypeOf<operations['reauthTrigger']>().toEqualTypeOf<paths['/identity/v2/auth/account/reauth/2fa']['get']>();
    expectTypeOf<ResponseData<'/identity/v2/auth/account/reauth/2fa/{type}', 'put'>>().toEqualTypeOf<{
      ExpireIn: string;
      SecondFactorValidationToken: string;
    }>();
  });
});
