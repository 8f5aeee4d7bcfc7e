// Telling an MFA-required answer from a completed one: the guards' types (checked by tsc: `npx tsc -p
// tsconfig.json` includes test/), their answers on every documented example of every login-style operation, and
// on the mock's answers.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  isLoginCompleted,
  isMfaRequired,
  PLACEHOLDER_ACCESS_TOKEN,
  secondFactorToken,
  type LoginCompleted,
  type LoginStyleOperation,
  type MfaRequired,
  type RequestBody,
  type ResponseData,
} from '../../client/src/index.js';
import { clientFor } from '../support/client.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { deref, namedExamples, operations, responseMedia, type Json, type Operation } from '../support/spec.js';

/** The login-style operations, by name; the type test and the spec test below must both arrive at this list. */
const LOGIN_STYLE = [
  'POST /identity/v2/auth/login',
  'POST /identity/v2/auth/login/2fa',
  'GET /identity/v2/auth/login/passwordlesslogin/email/verify',
  'POST /identity/v2/auth/login/passwordlesslogin/email/verifyotp',
  'PUT /identity/v2/auth/login/passwordlesslogin/otp/verify',
  'POST /identity/v2/auth/login/passwordlesslogin/username/verifyotp',
] as const;

describe('types', () => {
  it('LoginStyleOperation, derived from the spec types, lists every operation that can answer MFA-required', () => {
    expectTypeOf<LoginStyleOperation>().toEqualTypeOf<(typeof LOGIN_STYLE)[number]>();
  });

  it('isMfaRequired narrows the current flat shape both ways', () => {
    const answer = null! as ResponseData<'/identity/v2/auth/login', 'post'>;
    if (Math.random() > 2) {
      // @ts-expect-error not narrowed yet: the completed login has no token
      void answer.SecondFactorAuthenticationToken.length;
      if (isMfaRequired(answer)) {
        expectTypeOf(answer.SecondFactorAuthenticationToken).toEqualTypeOf<string>();
        expectTypeOf(answer.IsAuthenticatorVerified).toEqualTypeOf<boolean | undefined>();
        // @ts-expect-error the MFA-required answer has no Profile
        void answer.Profile;
      } else {
        expectTypeOf(answer.access_token).toEqualTypeOf<string>();
        expectTypeOf(answer).toHaveProperty('Profile');
        // @ts-expect-error a completed login carries no challenge
        void answer.SecondFactorAuthenticationToken;
      }
    }
  });

  it('isMfaRequired and isLoginCompleted narrow the legacy nested shape', () => {
    const answer = null! as ResponseData<'/identity/v2/auth/login/2fa', 'post'>;
    if (Math.random() > 2) {
      // @ts-expect-error before narrowing, the challenge may be null
      void answer.SecondFactorAuthentication.SecondFactorAuthenticationToken;
      if (isMfaRequired(answer)) {
        expectTypeOf(answer.SecondFactorAuthentication.SecondFactorAuthenticationToken).toEqualTypeOf<string>();
        expectTypeOf(answer.Profile).toEqualTypeOf<null | undefined>();
      }
      if (isLoginCompleted(answer)) {
        expectTypeOf(answer.access_token).toEqualTypeOf<string>();
        expectTypeOf(answer.SecondFactorAuthentication).toEqualTypeOf<null | undefined>();
      }
    }
  });

  it('works on the answer of every login-style operation (each is a valid argument, and narrows to a challenge)', () => {
    type AnswerOf<Name> = Name extends `${infer M} ${infer P}`
      ? P extends keyof import('../../client/src/index.js').paths
        ? Lowercase<M> extends infer L extends 'get' | 'put' | 'post' & keyof import('../../client/src/index.js').paths[P]
          ? ResponseData<P, L>
          : never
        : never
      : never;
    // No login-style operation whose answer cannot narrow to a challenge, or to a completed login.
    type NoChallenge = { [N in LoginStyleOperation]: [MfaRequired<AnswerOf<N>>] extends [never] ? N : never }[LoginStyleOperation];
    type NoCompletion = { [N in LoginStyleOperation]: [LoginCompleted<AnswerOf<N>>] extends [never] ? N : never }[LoginStyleOperation];
    expectTypeOf<NoChallenge>().toBeNever();
    expectTypeOf<NoCompletion>().toBeNever();
    expectTypeOf<AnswerOf<'PUT /identity/v2/auth/login/passwordlesslogin/otp/verify'>>().not.toBeNever();
    // ...and an operation that always completes (an MFA-at-login verification) has no challenge to narrow to.
    expectTypeOf<MfaRequired<ResponseData<'/identity/v2/auth/login/2fa/totp', 'put'>>>().toBeNever();
  });

  it('tells the step-up answers apart: the trigger’s challenge from a verification’s validation token', () => {
    const answer = null! as ResponseData<'/identity/v2/auth/account/reauth/2fa', 'get'> | ResponseData<'/identity/v2/auth/account/reauth/2fa/{type}', 'put'>;
    if (Math.random() > 2) {
      if (isMfaRequired(answer)) {
        expectTypeOf(answer.SecondFactorAuthenticationToken).toEqualTypeOf<string>();
        expectTypeOf(answer).toMatchTypeOf<{ IsOTPAuthenticatorVerified?: boolean }>();
      } else {
        expectTypeOf(answer).toEqualTypeOf<{ ExpireIn: string; SecondFactorValidationToken: string }>();
      }
    }
  });

  it('RequestBody shows writeOnly fields plain, where the schema types brand them', () => {
    expectTypeOf<RequestBody<'/identity/v2/auth/account/reauth/password', 'put'>['password']>().toEqualTypeOf<string>();
    expectTypeOf<RequestBody<'/identity/v2/auth/account/reauth/2fa/{type}', 'put'>>().toHaveProperty('otp');
    expectTypeOf<RequestBody<'/identity/v2/auth/login', 'post'>['password']>().toEqualTypeOf<string>();
    // The generated schema type brands the same field (what a user met before RequestBody existed).
    type Raw = import('../../client/src/index.js').paths['/identity/v2/auth/account/reauth/password']['put']['requestBody'];
    expectTypeOf<NonNullable<Raw>['content']['application/json']['password']>().not.toEqualTypeOf<string>();
    expectTypeOf<RequestBody<'/identity/v2/auth/account/reauth/2fa', 'get'>>().toBeNever();
    const body: RequestBody<'/identity/v2/auth/login', 'post'> = { email: 'a@example.com', password: 'correct horse' };
    expect(body.password).toBe('correct horse');
  });
});

/** The property-name sets a schema's alternatives can carry (oneOf/anyOf: each branch; allOf: merged). */
function shapes(schema: Json): Set<string>[] {
  const s = deref(schema);
  if (s.oneOf || s.anyOf) return (s.oneOf ?? s.anyOf).flatMap(shapes);
  let result = [new Set<string>(Object.keys(s.properties ?? {}))];
  for (const part of s.allOf ?? []) result = result.flatMap((mine) => shapes(part).map((theirs) => new Set([...mine, ...theirs])));
  return result;
}
const isLoginStyle = (operation: Operation) =>
  shapes(responseMedia(operation, '200')?.schema ?? {}).some(
    (names) => names.has('SecondFactorAuthentication') || (names.has('SecondFactorAuthenticationToken') && names.has('access_token')),
  );
const loginStyle = operations.filter(isLoginStyle);

describe('on the spec’s documented answers', () => {
  it('the spec’s login-style operations are the ones the types derive', () => {
    expect(loginStyle.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([...LOGIN_STYLE].sort());
  });

  it.each(loginStyle.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s: every 200 example is classified by its access token (placeholder: MFA required)',
    (_name, operation) => {
      const examples = namedExamples(responseMedia(operation, '200'));
      const required = examples.filter((e) => e.value.access_token === PLACEHOLDER_ACCESS_TOKEN);
      expect(required.length, 'an MFA-required example').toBeGreaterThan(0);
      expect(examples.length - required.length, 'a completed example').toBeGreaterThan(0);
      for (const { name, value } of examples) {
        const mfa = value.access_token === PLACEHOLDER_ACCESS_TOKEN;
        expect(isMfaRequired(value), name).toBe(mfa);
        expect(isLoginCompleted(value), name).toBe(!mfa);
        expect(typeof secondFactorToken(value), name).toBe(mfa ? 'string' : 'undefined');
      }
    },
  );

  it('an answer with the placeholder token and no challenge is neither (never taken for a completed login)', () => {
    const odd = { access_token: PLACEHOLDER_ACCESS_TOKEN, expires_in: '0001-01-01T00:00:00Z' };
    expect(isMfaRequired(odd)).toBe(false);
    expect(isLoginCompleted(odd)).toBe(false);
    expect(isLoginCompleted({ SecondFactorAuthentication: null, access_token: 'real' })).toBe(true);
    expect(isMfaRequired({ SecondFactorAuthentication: null, access_token: 'real' })).toBe(false);
  });
});

describe('on the mock’s answers', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock?.stop());

  it.each([
    ['MfaRequired', true],
    ['LoginCompleted', false],
  ])('POST /identity/v2/auth/login answering %s', async (example, mfa) => {
    const lr = clientFor(mock.baseUrl);
    const { data, error } = await lr.POST('/identity/v2/auth/login', {
      body: { email: 'user@example.com', password: 'MySecurePassword123!' },
      headers: { Prefer: `code=200, example=${example}` },
    });
    expect(error).toBeUndefined();
    expect(isMfaRequired(data!)).toBe(mfa);
    expect(isLoginCompleted(data!)).toBe(!mfa);
    if (isMfaRequired(data!)) {
      const second = await lr.PUT('/identity/v2/auth/login/2fa/totp', {
        params: { query: { secondfactorauthenticationtoken: data.SecondFactorAuthenticationToken } },
        body: { authenticatorcode: '123456' },
      });
      expect(second.data && isLoginCompleted(second.data)).toBe(true);
    }
  });

  it.each([
    ['LegacyMfaRequired', true],
    ['LegacyLoginCompleted', false],
  ])('the legacy POST /identity/v2/auth/login/2fa answering %s', async (example, mfa) => {
    const { data, error } = await clientFor(mock.baseUrl).POST('/identity/v2/auth/login/2fa', {
      body: { email: 'user@example.com', password: 'MySecurePassword123!' },
      headers: { Prefer: `code=200, example=${example}` },
    });
    expect(error).toBeUndefined();
    expect(isMfaRequired(data!)).toBe(mfa);
    expect(isLoginCompleted(data!)).toBe(!mfa);
  });
});
