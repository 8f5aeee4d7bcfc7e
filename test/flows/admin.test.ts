// The admin API under /__mock/: outbox, journal, reset, users, clock; access control; bad input named.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../mock/src/pipeline/types.js';
import { harness, PASSWORD, PLAIN_USER, SMS_USER } from './helpers.js';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  at: '2026-01-01T08:00:00.000Z',
  apiKey: 'test-key',
  operationId: 'loginWithPassword',
  method: 'POST',
  path: '/identity/v2/auth/login',
  query: {},
  body: { email: PLAIN_USER.email, password: '[redacted]' },
  status: 200,
  note: 'responder',
  ...over,
});

describe('outbox', () => {
  it('lists what was sent, newest first, filtered by recipient and channel', async () => {
    const h = harness();
    await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    h.advance(1);
    await h.call('passwordlessSendEmailLink', { query: { email: SMS_USER.email, passwordlesslogintemplate: 'welcome-link' } });
    h.advance(1);
    await h.call('passwordlessSendPhoneOtp', { query: { phone: SMS_USER.phone } });
    const all = (await h.admin('GET', '/__mock/outbox?apikey=test-key')).body;
    expect(all.messages.map((m: { operationId: string }) => m.operationId)).toEqual(['passwordlessSendPhoneOtp', 'passwordlessSendEmailLink', 'loginWithPassword']);
    expect(all.messages[1]).toMatchObject({ channel: 'email', to: SMS_USER.email, template: 'welcome-link', at: '2026-01-01T08:00:01.000Z' });
    expect(all.messages[1].link).toContain(all.messages[1].token);
    const sms = (await h.admin('GET', `/__mock/outbox?apikey=test-key&channel=sms&to=${encodeURIComponent(SMS_USER.phone)}`)).body;
    expect(sms.count).toBe(2);
    expect((await h.admin('GET', '/__mock/outbox?apikey=test-key&limit=1')).body.count).toBe(1);
    expect((await h.admin('GET', '/__mock/outbox?apikey=unused-key')).body).toEqual({ apiKey: 'unused-key', count: 0, messages: [] });
  });

  it('keeps only the newest messages past its bound', async () => {
    const h = harness({ limits: { outboxPerKey: 3 } });
    for (let i = 0; i < 5; i++) await h.call('passwordlessSendPhoneOtp', { query: { phone: PLAIN_USER.phone } });
    expect((await h.admin('GET', '/__mock/outbox?apikey=test-key')).body.count).toBe(3);
  });
});

describe('journal', () => {
  it('keeps what the pipeline reports, with the flow’s note, filterable by operation, status and time', async () => {
    const h = harness();
    const req = { body: { email: SMS_USER.email, password: PASSWORD } };
    const answer = await h.call('loginWithPassword', req);
    h.flows.onJournal(entry({ status: answer.status, at: '2026-01-01T08:00:00.000Z' }));
    h.flows.onJournal(entry({ operationId: 'mfaLoginVerifySms', status: 403, at: '2026-01-01T08:01:00.000Z', note: 'invalid: otp' }));
    h.flows.onJournal(entry({ apiKey: 'other-key', at: '2026-01-01T08:02:00.000Z' }));
    const all = (await h.admin('GET', '/__mock/journal?apikey=test-key')).body;
    expect(all.entries.map((e: JournalEntry) => e.operationId)).toEqual(['mfaLoginVerifySms', 'loginWithPassword']);
    expect(all.entries[1].note).toBe('flows: MFA required, SMS code sent');
    expect(all.entries[0].note).toBe('invalid: otp');
    expect((await h.admin('GET', '/__mock/journal?apikey=test-key&status=403')).body.count).toBe(1);
    expect((await h.admin('GET', '/__mock/journal?apikey=test-key&operationId=loginWithPassword')).body.count).toBe(1);
    expect((await h.admin('GET', '/__mock/journal?apikey=test-key&since=2026-01-01T08:00:30Z')).body.count).toBe(1);
  });

  it('names the bad filter', async () => {
    const h = harness();
    for (const [query, field] of [['status=abc', 'status'], ['status=99', 'status'], ['since=yesterday', 'since'], ['limit=0', 'limit']]) {
      const answer = await h.admin('GET', `/__mock/journal?apikey=test-key&${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.field, query).toBe(field);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await h.admin('GET', '/__mock/journal')).body.field).toBe('apikey');
  });
});

describe('reset', () => {
  it('clears one key, or all with all=true, and refuses a reset that names neither', async () => {
    const h = harness();
    for (const apiKey of ['k1', 'k2']) await h.admin('POST', `/__mock/users?apikey=${apiKey}`, { body: { email: 'extra@example.com' } });
    expect((await h.admin('POST', '/__mock/reset?apikey=k1')).body).toEqual({ reset: 1 });
    expect((await h.admin('GET', '/__mock/users?apikey=k1')).body.users.some((u: { email: string }) => u.email === 'extra@example.com')).toBe(false);
    expect((await h.admin('GET', '/__mock/users?apikey=k2')).body.users.some((u: { email: string }) => u.email === 'extra@example.com')).toBe(true);
    expect((await h.admin('POST', '/__mock/reset')).body.field).toBe('apikey');
    expect((await h.admin('POST', '/__mock/reset?all=true')).body.reset).toBeGreaterThanOrEqual(2);
  });
});

describe('users', () => {
  it('adds a user with the factors asked for, who then logs in with them', async () => {
    const h = harness();
    const added = await h.admin('POST', '/__mock/users?apikey=test-key', {
      body: { email: 'Kim@Example.com', username: 'kim', phone: '+15550001111', password: 'Secret-123', factors: ['sms', 'backupcodes'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: 'Kim@Example.com', factors: ['sms'], mfaPhone: '+15550001111' });
    expect(added.body.backupCodes).toHaveLength(10);
    const first = await h.call('loginWithPassword', { body: { email: 'kim@example.com', password: 'Secret-123' } });
    const done = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { backupcode: added.body.backupCodes[0] } });
    expect(done.body.Profile.Uid).toBe(added.body.uid);
  });

  it('names the field of bad input, and a taken identifier', async () => {
    const h = harness();
    const cases: Array<[unknown, number, string]> = [
      [{ email: 'not-an-email' }, 400, 'email'],
      [{ phone: '5550000001' }, 400, 'phone'],
      [{ email: 'a@example.com', factors: ['fingerprint'] }, 400, 'factors'],
      [{ email: 'a@example.com', factors: ['sms'] }, 400, 'phone'],
      [{ email: 'a@example.com', authenticatorSecret: 'abc' }, 400, 'authenticatorSecret'],
      [{ email: 'a@example.com', backupCodes: [] }, 400, 'backupCodes'],
      [{ email: 'a@example.com', factors: ['securityquestions'] }, 400, 'securityAnswers'],
      [{ email: 'a@example.com', securityAnswers: { colour: 'blue' } }, 400, 'securityAnswers'],
      [{ email: 'a@example.com', password: 42 }, 400, 'password'],
      [{ email: 'a@example.com', role: 'admin' }, 400, 'role'],
      [{ password: 'x' }, 400, 'email'],
      [[1, 2], 400, 'body'],
      ['{"email":', 400, 'body'],
      [{ email: SMS_USER.email }, 409, 'email'],
      [{ username: 'MFA-SMS' }, 409, 'username'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await h.admin('POST', '/__mock/users?apikey=test-key', { body });
      expect([answer.status, answer.body.field], JSON.stringify(body)).toEqual([status, field]);
      expect(answer.body.detail).toContain(field === 'body' ? 'JSON' : field);
    }
    const text = await h.admin('POST', '/__mock/users?apikey=test-key', { body: '{}', headers: { 'content-type': 'text/plain' } });
    expect([text.status, text.body.field]).toEqual([415, 'content-type']);
  });
});

describe('clock', () => {
  it('moves one key’s time forward only', async () => {
    const h = harness();
    const before = (await h.admin('GET', '/__mock/clock?apikey=k1')).body.now;
    const after = await h.admin('POST', '/__mock/clock?apikey=k1', { body: { advanceSeconds: 3600 } });
    expect(Date.parse(after.body.now) - Date.parse(before)).toBe(3_600_000);
    expect((await h.admin('GET', '/__mock/clock?apikey=k2')).body.now).toBe(before);
  });

  it('expires a pending login when moved past its lifetime', async () => {
    const h = harness();
    const first = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    const code = (await h.lastMessage(SMS_USER.phone)).code!;
    await h.admin('POST', '/__mock/clock?apikey=test-key', { body: { advanceSeconds: 601 } });
    const late = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { otp: code } });
    expect(late.body.ErrorCode).toBe(1104);
  });

  it('names a bad advance', async () => {
    const h = harness();
    for (const body of [{ advanceSeconds: -5 }, { advanceSeconds: 1.5 }, { advanceSeconds: '60' }, {}]) {
      const answer = await h.admin('POST', '/__mock/clock?apikey=k', { body });
      expect([answer.status, answer.body.field], JSON.stringify(body)).toEqual([400, 'advanceSeconds']);
    }
    expect((await h.admin('POST', '/__mock/clock?apikey=k', { body: { advanceSeconds: 5, by: 1 } })).body.field).toBe('by');
  });
});

describe('routes and access', () => {
  it('leaves other paths to the pipeline, and answers unknown admin routes and methods', async () => {
    const h = harness();
    expect(await h.flows.admin(new Request('http://127.0.0.1/identity/v2/auth/login'))).toBeUndefined();
    const unknown = await h.admin('GET', '/__mock/stubs?apikey=k');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('/__mock/outbox');
    const wrongMethod = await h.admin('DELETE', '/__mock/outbox?apikey=k');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('is shut when not bound to loopback and no token is configured', async () => {
    const h = harness({ admin: { boundToLoopback: false } });
    const answer = await h.admin('GET', '/__mock/outbox?apikey=k');
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toMatch(/loopback/);
  });

  it('asks a boundToLoopback function on every request', async () => {
    let loopback = false;
    const h = harness({ admin: { boundToLoopback: () => loopback } });
    expect((await h.admin('GET', '/__mock/outbox?apikey=k')).status).toBe(403);
    loopback = true;
    expect((await h.admin('GET', '/__mock/outbox?apikey=k')).status).toBe(200);
  });

  it('needs the configured token, even on loopback', async () => {
    const token = 'a-long-admin-token-0123456789';
    const h = harness({ admin: { boundToLoopback: false, token } });
    expect((await h.admin('GET', '/__mock/outbox?apikey=k')).status).toBe(401);
    expect((await h.admin('GET', '/__mock/outbox?apikey=k', { headers: { authorization: 'Bearer wrong-token-0123456789abc' } })).status).toBe(401);
    expect((await h.admin('GET', '/__mock/outbox?apikey=k', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await h.admin('GET', '/__mock/outbox?apikey=k', { headers: { 'x-mock-admin-token': token } })).status).toBe(200);
    const loopback = harness({ admin: { boundToLoopback: true, token } });
    expect((await loopback.admin('GET', '/__mock/outbox?apikey=k')).status).toBe(401);
  });
});
