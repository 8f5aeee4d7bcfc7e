// The store's guarantees: state per API key, seeded repeatability, bounds with a documented answer past them,
// atomic check-and-consume under concurrency, and options checked up front.
import { describe, expect, it } from 'vitest';
import { createFlows } from '../../mock/src/flows/index.js';
import { spec } from '../support/spec.js';
import { BACKUP_USER, example, harness, PASSWORD, PLAIN_USER, SMS_USER } from './helpers.js';

describe('state per API key', () => {
  it('keeps users, tokens and the outbox of one key away from another', async () => {
    const h = harness();
    const added = await h.admin('POST', '/__mock/users?apikey=key-a', { body: { email: 'only-a@example.com', password: PASSWORD } });
    expect(added.status).toBe(201);
    expect((await h.call('loginWithPassword', { apiKey: 'key-a', body: { email: 'only-a@example.com', password: PASSWORD } })).status).toBe(200);
    expect((await h.call('loginWithPassword', { apiKey: 'key-b', body: { email: 'only-a@example.com', password: PASSWORD } })).status).toBe(401);

    const tokenA = (await h.call('loginWithPassword', { apiKey: 'key-a', body: { email: PLAIN_USER.email, password: PASSWORD } })).body.access_token;
    expect((await h.call('mfaGetSettings', { apiKey: 'key-a', token: tokenA })).status).toBe(200);
    expect(await h.call('mfaGetSettings', { apiKey: 'key-b', token: tokenA })).toMatchObject({ status: 403, body: example('ACCESS_TOKEN_NOT_VALID') });

    await h.call('loginWithPassword', { apiKey: 'key-a', body: { email: SMS_USER.email, password: PASSWORD } });
    expect((await h.admin('GET', `/__mock/outbox?apikey=key-a&to=${encodeURIComponent(SMS_USER.phone)}`)).body.count).toBe(1);
    expect((await h.admin('GET', `/__mock/outbox?apikey=key-b&to=${encodeURIComponent(SMS_USER.phone)}`)).body.count).toBe(0);
  });
});

describe('seed', () => {
  async function journey(seed: string | undefined, apiKey: string) {
    const h = harness({ seed }, apiKey);
    const first = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    const code = (await h.lastMessage(SMS_USER.phone)).code;
    const done = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { otp: code! } });
    return [first.body.SecondFactorAuthenticationToken, code, done.body.access_token];
  }

  it('repeats tokens and codes for the same seed and key, and not otherwise', async () => {
    const a = await journey('s1', 'k');
    expect(await journey('s1', 'k')).toEqual(a);
    expect(await journey('s2', 'k')).not.toEqual(a);
    expect(await journey('s1', 'other')).not.toEqual(a);
    expect(await journey(undefined, 'k')).not.toEqual(await journey(undefined, 'k'));
  });
});

describe('bounds', () => {
  it('answers the documented 429 when a key holds its limit of live tokens, and frees room as they expire', async () => {
    const h = harness({ limits: { liveTokensPerKey: 3 }, lifetimes: { accessTokenSeconds: 60 } });
    const login = () => h.call('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } });
    for (let i = 0; i < 3; i++) expect((await login()).status).toBe(200);
    expect(await login()).toMatchObject({ status: 429, body: example('TOO_MANY_REQUESTS') });
    h.advance(61);
    expect((await login()).status).toBe(200);
  });

  it('keeps the newest messages past the outbox limit, newest first, through several wrap-arounds', async () => {
    const h = harness({ limits: { outboxPerKey: 3 } });
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
      codes.push((await h.lastMessage(SMS_USER.phone)).code!);
    }
    const all = (await h.admin('GET', `/__mock/outbox?apikey=${h.apiKey}`)).body;
    expect(all.messages.map((m: { code: string }) => m.code)).toEqual(codes.slice(-3).reverse());
    const limited = (await h.admin('GET', `/__mock/outbox?apikey=${h.apiKey}&limit=2`)).body;
    expect(limited.messages.map((m: { code: string }) => m.code)).toEqual(codes.slice(-2).reverse());
    expect((await h.admin('GET', `/__mock/outbox?apikey=${h.apiKey}&channel=email`)).body.count).toBe(0);
  });

  it('caps users per key: the control says so, and a passwordless registration gets the documented 429', async () => {
    const h = harness({ limits: { usersPerKey: 8 } });
    expect((await h.admin('POST', `/__mock/users?apikey=${h.apiKey}`, { body: { email: 'eighth-user@example.com' } })).status).toBe(201);
    const ninth = await h.admin('POST', `/__mock/users?apikey=${h.apiKey}`, { body: { email: 'ninth-user@example.com' } });
    expect(ninth.status).toBe(429);
    expect(ninth.body.detail).toMatch(/8 users/);
    expect(await h.call('passwordlessSendPhoneOtpWithProfile', { body: { PhoneId: '+15551230000' } })).toMatchObject({ status: 429, body: example('TOO_MANY_REQUESTS') });
  });

  it('caps the number of API keys with state, dropping idle ones first', async () => {
    const h = harness({ limits: { tenants: 2, idleTenantSeconds: 60 } });
    const login = (apiKey: string) => h.call('loginWithPassword', { apiKey, body: { email: PLAIN_USER.email, password: PASSWORD } });
    expect((await login('k1')).status).toBe(200);
    expect((await login('k2')).status).toBe(200);
    expect(await login('k3')).toMatchObject({ status: 429, body: example('TOO_MANY_REQUESTS') });
    h.clock.ms += 61_000;
    expect((await login('k3')).status).toBe(200);
  });
});

describe('concurrency', () => {
  it('50 concurrent verifies of one valid SMS code: exactly one succeeds', async () => {
    const h = harness();
    const first = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    const code = (await h.lastMessage(SMS_USER.phone)).code!;
    const query = { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken };
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.call('mfaLoginVerifySms', { query, body: { otp: code } })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.body.ErrorCode === 1103)).toHaveLength(49);
  });

  it('one backup code raced by 50 pending logins: exactly one succeeds', async () => {
    const h = harness({ limits: { liveTokensPerKey: 100 } });
    const tokens = [];
    for (let i = 0; i < 50; i++) tokens.push((await h.call('loginWithPassword', { body: { email: BACKUP_USER.email, password: PASSWORD } })).body.SecondFactorAuthenticationToken);
    const answers = await Promise.all(tokens.map((t) => h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: t }, body: { backupcode: BACKUP_USER.codes[0]! } })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });

  it('one validation token raced by 50 by-UID checks: exactly one is valid', async () => {
    const h = harness();
    const access = (await h.call('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } })).body.access_token;
    const token = (await h.call('reauthVerifyPassword', { token: access, body: { password: PASSWORD } })).body.SecondFactorValidationToken;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => h.call('reauthValidatePasswordToken', { pathParams: { uid: PLAIN_USER.uid }, headers: { 'x-loginradius-apisecret': 's' }, body: { secondfactorvalidationtoken: token } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });
});

describe('what the flows leave to the examples', () => {
  it('returns undefined for operations the journeys do not model, and for requests without an API key', async () => {
    const h = harness();
    const responder = h.flows.responders[0]!;
    expect(await responder(h.request('mfaLoginPingPush', { query: { secondfactorauthenticationtoken: 'x' } }))).toBeUndefined();
    expect(await responder({ ...h.request('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } }), apiKey: undefined })).toBeUndefined();
  });

  it('says what it did in the X-Mock-Flow header', async () => {
    const h = harness();
    const answer = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    expect(answer.headers['x-mock-flow']).toBe('MFA required, SMS code sent');
  });
});

describe('options', () => {
  it('are checked up front, naming the option', () => {
    expect(() => createFlows({ spec, maxWrongCodes: 0 })).toThrow(/maxWrongCodes/);
    expect(() => createFlows({ spec, limits: { usersPerKey: -1 } })).toThrow(/limits\.usersPerKey/);
    expect(() => createFlows({ spec, lifetimes: { otpSeconds: 1.5 } })).toThrow(/lifetimes\.otpSeconds/);
    expect(() => createFlows({ spec, seed: '' })).toThrow(/seed/);
    expect(() => createFlows({ spec, admin: { token: 'short' } })).toThrow(/admin\.token/);
    expect(() => createFlows({ spec: {} })).toThrow(/paths/);
    expect(() => createFlows({ spec: { paths: {} } })).toThrow(/lacks operations.*loginWithPassword/);
  });
});
