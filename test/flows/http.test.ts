// Flows mode through the real mock (the built package, `--flows`): requests are normalised and validated by
// Prism before a journey sees them, the journeys answer with state, Prefer still selects examples, operations
// the flows do not model keep their examples, and the admin API, journal and outbox work over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import type { Json } from '../support/spec.js';
import { example, expectDocumented } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock(['--flows', '--seed=http-tests']);
});
afterAll(async () => {
  await mock?.stop();
});

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${mock.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const outboxCode = async (key: string, to: string) => (await send('GET', `/__mock/outbox?apikey=${key}&to=${encodeURIComponent(to)}&limit=1`)).body.messages[0].code as string;

describe('flows mode over HTTP', () => {
  it('plays an MFA login sent with the SDKs’ camel-case names, every answer valid for its operation', async () => {
    const login = await send('POST', '/identity/v2/auth/login?apiKey=http-1', { Email: 'mfa-sms@example.com', Password: 'Password1!' });
    expect(login.status).toBe(200);
    expectDocumented('loginWithPassword', login.status, login.body);
    expect(login.headers.get('x-mock-flow')).toBe('MFA required, SMS code sent');
    const token = login.body.SecondFactorAuthenticationToken;
    const code = await outboxCode('http-1', '+15550000001');
    const done = await send('PUT', `/identity/v2/auth/login/2FA/SMS?apiKey=http-1&secondFactorAuthenticationToken=${token}`, { OTP: code });
    expect(done.status).toBe(200);
    expectDocumented('mfaLoginVerifySms', done.status, done.body);
    expect(done.body.Profile.Uid).toBe('f1000000000000000000000000000001');
  });

  it('50 concurrent verifies of one valid code over HTTP: exactly one succeeds', async () => {
    const login = await send('POST', '/identity/v2/auth/login?apikey=http-race', { email: 'mfa-sms@example.com', password: 'Password1!' });
    const code = await outboxCode('http-race', '+15550000001');
    const path = `/identity/v2/auth/login/2fa/sms?apikey=http-race&secondfactorauthenticationtoken=${login.body.SecondFactorAuthenticationToken}`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => send('PUT', path, { otp: code })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(49).fill(403)]);
    for (const a of answers.filter((x) => x.status === 403)) expect(a.body).toEqual(example('TWO_FACTOR_AUTHENTICATION_TOKEN_NOT_VALID'));
  });

  it('leaves invalid requests to the contract: a missing otp is Prism’s 400, and costs no attempt', async () => {
    const login = await send('POST', '/identity/v2/auth/login?apikey=http-2', { email: 'mfa-sms@example.com', password: 'Password1!' });
    const path = `/identity/v2/auth/login/2fa/sms?apikey=http-2&secondfactorauthenticationtoken=${login.body.SecondFactorAuthenticationToken}`;
    const invalid = await send('PUT', path, {});
    expect(invalid.status).toBe(400);
    expect(invalid.body.ErrorCode).toBe(908);
    expect(invalid.headers.get('x-mock-flow')).toBeNull();
    expect((await send('PUT', path, { otp: await outboxCode('http-2', '+15550000001') })).status).toBe(200);
  });

  it('lets Prefer select a documented example, and leaves unmodelled operations to their examples', async () => {
    const preferred = await send('POST', '/identity/v2/auth/login?apikey=http-3', { email: 'mfa-sms@example.com', password: 'Password1!' }, { prefer: 'example=LoginCompleted' });
    expect(preferred.status).toBe(200);
    expect(preferred.body.access_token).toBe(example('LoginCompleted').access_token);
    expect(preferred.headers.get('x-mock-flow')).toBeNull();
    const push = await send('GET', '/identity/v2/auth/login/2fa/push/ping?apikey=http-3&secondfactorauthenticationtoken=684920ba-917b-4168-b59b-eae70b430209');
    expect(push.status).toBe(200);
    expect(push.headers.get('x-mock-flow')).toBeNull();
  });

  it('journals what the client sent, redacted, with the flow’s note; the API secret went in a header, not the URL', async () => {
    const access = (await send('POST', '/identity/v2/auth/login?apikey=http-4', { email: 'no-mfa@example.com', password: 'Password1!' })).body.access_token;
    const token = (await send('PUT', '/identity/v2/auth/account/reauth/password?apikey=http-4', { password: 'Password1!' }, { authorization: `Bearer ${access}` })).body.SecondFactorValidationToken;
    const valid = await send('POST', '/identity/v2/manage/account/f1000000000000000000000000000000/reauth/password?apikey=http-4', { secondfactorvalidationtoken: token }, { 'x-loginradius-apisecret': 'secret-value' });
    expect(valid.body).toEqual({ IsValid: true });
    const journal = (await send('GET', '/__mock/journal?apikey=http-4')).body;
    expect(journal.entries.map((e: Json) => [e.operationId, e.status, e.note])).toEqual([
      ['reauthValidatePasswordToken', 200, 'flows: validation token accepted and used up'],
      ['reauthVerifyPassword', 200, 'flows: step-up passed by password; validation token issued'],
      ['loginWithPassword', 200, 'flows: login completed (no second factor)'],
    ]);
    const text = JSON.stringify(journal);
    expect(text).not.toContain('Password1!');
    expect(text).not.toContain('secret-value');
    expect(journal.entries[0].query).not.toHaveProperty('apisecret');
    expect((await send('GET', '/__mock/journal?apikey=http-4&status=200&operationId=loginWithPassword')).body.count).toBe(1);
  });

  it('answers the admin API with problem+json naming the field, and resets one key', async () => {
    const bad = await send('POST', '/__mock/clock?apikey=http-5', { advanceSeconds: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('advanceSeconds');
    await send('POST', '/__mock/users?apikey=http-5', { email: 'extra@example.com', password: 'Secret-123' });
    expect((await send('POST', '/identity/v2/auth/login?apikey=http-5', { email: 'extra@example.com', password: 'Secret-123' })).status).toBe(200);
    expect((await send('POST', '/__mock/reset?apikey=http-5')).body).toEqual({ reset: 1 });
    expect((await send('POST', '/identity/v2/auth/login?apikey=http-5', { email: 'extra@example.com', password: 'Secret-123' })).status).toBe(401);
  });

  it('expires a pending login when the key’s clock is moved on', async () => {
    const login = await send('POST', '/identity/v2/auth/login?apikey=http-6', { email: 'mfa-sms@example.com', password: 'Password1!' });
    const code = await outboxCode('http-6', '+15550000001');
    await send('POST', '/__mock/clock?apikey=http-6', { advanceSeconds: 601 });
    const late = await send('PUT', `/identity/v2/auth/login/2fa/sms?apikey=http-6&secondfactorauthenticationtoken=${login.body.SecondFactorAuthenticationToken}`, { otp: code });
    expect(late).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_TOKEN_EXPIRED') });
  });
});
