// Step-up re-authentication: trigger, verify (factor, password, PIN) for a SecondFactorValidationToken, which the
// by-UID validation accepts once, for its user and its kind, until it expires.
import { describe, expect, it } from 'vitest';
import { ALL_USER, BACKUP_USER, example, harness, PASSWORD, PLAIN_USER, TOTP_USER, type Harness } from './helpers.js';

const secret = { 'x-loginradius-apisecret': 'any-secret' };

async function signedInAs(h: Harness, email: string): Promise<string> {
  const first = await h.call('loginWithPassword', { body: { email, password: PASSWORD } });
  if (!first.body.SecondFactorAuthenticationToken) return first.body.access_token;
  const users = (await h.admin('GET', `/__mock/users?apikey=${h.apiKey}`)).body.users;
  const user = users.find((u: { email: string }) => u.email === email);
  const query = { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken };
  const done = user.backupCodes.length
    ? await h.call('mfaLoginVerifyBackupCode', { query, body: { backupcode: user.backupCodes.at(-1) } })
    : await h.call('mfaLoginVerifyTotp', { query, body: { authenticatorcode: h.totp(user.authenticatorSecret) } });
  return done.body.access_token;
}

describe('step-up by a second factor', () => {
  it('sends an SMS code on trigger; the code gives a validation token the by-UID check accepts once', async () => {
    const h = harness();
    const token = await signedInAs(h, ALL_USER.email);
    const trigger = await h.call('reauthTrigger', { token });
    expect(trigger.status).toBe(200);
    expect(trigger.body.SecondFactorAuthenticationToken).toBeTruthy();
    const code = (await h.lastMessage(ALL_USER.phone)).code!;
    const verified = await h.call('reauthVerifyMfa', { token, pathParams: { type: 'otp' }, body: { otp: code } });
    expect(verified.status).toBe(200);
    const validation = verified.body.SecondFactorValidationToken;

    const check = (uid = ALL_USER.uid, operationId = 'reauthValidateMfaToken') =>
      h.call(operationId, { pathParams: { uid }, headers: secret, body: { secondfactorvalidationtoken: validation } });
    expect(await check(PLAIN_USER.uid)).toMatchObject({ status: 403, body: example('SECOND_FACTOR_VERIFICATION_TOKEN_NOT_VALID') });
    expect(await check(ALL_USER.uid, 'reauthValidatePasswordToken')).toMatchObject({ status: 403, body: example('SECOND_FACTOR_VERIFICATION_TOKEN_NOT_VALID') });
    expect(await check()).toMatchObject({ status: 200, body: { IsValid: true } });
    expect(await check()).toMatchObject({ status: 403, body: example('SECOND_FACTOR_VERIFICATION_TOKEN_NOT_VALID') });
  });

  it('refuses the validation token once it has expired', async () => {
    const h = harness({ lifetimes: { validationTokenSeconds: 120 } });
    const token = await signedInAs(h, TOTP_USER.email);
    h.advance(30);
    const verified = await h.call('reauthVerifyMfa', { token, pathParams: { type: 'authenticatorcode' }, body: { authenticatorcode: h.totp(TOTP_USER.secret) } });
    expect(verified.status).toBe(200);
    h.advance(121);
    const late = await h.call('reauthValidateMfaToken', { pathParams: { uid: TOTP_USER.uid }, headers: secret, body: { secondfactorvalidationtoken: verified.body.SecondFactorValidationToken } });
    expect(late).toMatchObject({ status: 403, body: example('SECOND_FACTOR_VERIFICATION_TOKEN_NOT_VALID') });
  });

  it('takes a backup code once, and locks step-up after the fifth wrong code', async () => {
    const h = harness();
    const token = await signedInAs(h, BACKUP_USER.email);
    expect((await h.call('reauthVerifyMfa', { token, pathParams: { type: 'backupcode' }, body: { backupcode: BACKUP_USER.codes[0]! } })).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const again = await h.call('reauthVerifyMfa', { token, pathParams: { type: 'backupcode' }, body: { backupcode: BACKUP_USER.codes[0]! } });
      expect(again, `attempt ${attempt}`).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_VALID') });
    }
    expect(await h.call('reauthVerifyMfa', { token, pathParams: { type: 'backupcode' }, body: { backupcode: 'xxxxx-yyyyy' } })).toMatchObject({ status: 403, body: example('LOGIN_IS_LOCKED_FOR_MFA') });
    expect(await h.call('reauthVerifyMfa', { token, pathParams: { type: 'backupcode' }, body: { backupcode: BACKUP_USER.codes[1]! } })).toMatchObject({ status: 403, body: example('LOGIN_IS_LOCKED_FOR_MFA') });
  });

  it('names the missing code for the path type (documented 908s)', async () => {
    const h = harness();
    const token = await signedInAs(h, TOTP_USER.email);
    expect(await h.call('reauthVerifyMfa', { token, pathParams: { type: 'googleauthenticatorcode' }, body: { otp: '123456' } })).toMatchObject({ status: 400, body: example('GOOGLE_AUTH_CODE_REQUIRED') });
  });

  it('verifies by an email code', async () => {
    const h = harness();
    const token = await signedInAs(h, ALL_USER.email);
    expect((await h.call('reauthSendEmailOtp', { token, query: { emailid: ALL_USER.email } })).body.IsPosted).toBe(true);
    const code = (await h.lastMessage(ALL_USER.email)).code!;
    const verified = await h.call('reauthVerifyEmailOtp', { token, body: { emailid: ALL_USER.email, otp: code } });
    expect(verified.body.SecondFactorValidationToken).toBeTruthy();
  });

  it('is not available to a user without a second factor', async () => {
    const h = harness();
    const token = await signedInAs(h, PLAIN_USER.email);
    expect(await h.call('reauthTrigger', { token })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE') });
  });
});

describe('step-up by password or PIN', () => {
  it('password: wrong is the documented 1205; right gives a token for the password validation only', async () => {
    const h = harness();
    const token = await signedInAs(h, PLAIN_USER.email);
    expect(await h.call('reauthVerifyPassword', { token, body: { password: 'wrong' } })).toMatchObject({ status: 401, body: example('PASSWORD_IS_WRONG') });
    const verified = await h.call('reauthVerifyPassword', { token, body: { password: PASSWORD } });
    const body = { secondfactorvalidationtoken: verified.body.SecondFactorValidationToken };
    expect((await h.call('reauthValidateMfaToken', { pathParams: { uid: PLAIN_USER.uid }, headers: secret, body })).status).toBe(403);
    expect((await h.call('reauthValidatePasswordToken', { pathParams: { uid: PLAIN_USER.uid }, headers: secret, body })).body).toEqual({ IsValid: true });
    expect((await h.call('reauthValidatePasswordToken', { pathParams: { uid: PLAIN_USER.uid }, headers: secret, body })).status).toBe(403);
  });

  it('PIN: wrong is the documented 1236; right gives a token for the PIN validation', async () => {
    const h = harness();
    const token = await signedInAs(h, PLAIN_USER.email);
    expect(await h.call('reauthVerifyPin', { token, body: { pin: '9999' } })).toMatchObject({ status: 401, body: example('PIN_AUTH_WRONG') });
    const verified = await h.call('reauthVerifyPin', { token, body: { pin: '1234' } });
    const check = await h.call('reauthValidatePinToken', { pathParams: { uid: PLAIN_USER.uid }, headers: secret, body: { secondfactorvalidationtoken: verified.body.SecondFactorValidationToken } });
    expect(check.body).toEqual({ IsValid: true });
  });

  it('answers an unknown UID with the documented 938', async () => {
    const h = harness();
    expect(await h.call('reauthValidatePinToken', { pathParams: { uid: 'nobody' }, headers: secret, body: { secondfactorvalidationtoken: 'x' } })).toMatchObject({ status: 403, body: example('USER_NOT_EXISTS') });
  });
});
