// MFA set-up with an access token, and the by-UID (/manage/) operations on the same users.
import { describe, expect, it } from 'vitest';
import { ALL_USER, BACKUP_USER, example, harness, PASSWORD, PLAIN_USER, SMS_USER, TOTP_USER, type Harness } from './helpers.js';

/** Logs `email` in (the fixture without MFA completes at once) and returns the access token. */
async function signIn(h: Harness, email: string): Promise<string> {
  const first = await h.call('loginWithPassword', { body: { email, password: PASSWORD } });
  if (first.body.access_token !== '00000000-0000-0000-0000-000000000000') return first.body.access_token;
  const token = first.body.SecondFactorAuthenticationToken;
  const user = (await h.admin('GET', `/__mock/users?apikey=${h.apiKey}`)).body.users.find((u: { email: string }) => u.email === email);
  const done = await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: token }, body: { authenticatorcode: h.totp(user.authenticatorSecret) } });
  h.advance(30); // the next authenticator code is a new one
  return done.body.access_token;
}

describe('authenticator set-up', () => {
  it('shows the real secret as ManualEntryCode, and a code from it turns the factor on', async () => {
    const h = harness();
    const token = await signIn(h, PLAIN_USER.email);
    const settings = await h.call('mfaGetSettings', { token });
    expect(settings.body.IsAuthenticatorVerified).toBe(false);
    const secret = settings.body.ManualEntryCode;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await h.call('mfaVerifyTotpByAccessToken', { token, body: { authenticatorcode: h.totp(secret, -300) } });
    expect(wrong).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT') });
    const enabled = await h.call('mfaVerifyTotpByAccessToken', { token, body: { authenticatorcode: h.totp(secret) } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.Uid).toBe(PLAIN_USER.uid);
    expect((await h.call('mfaGetSettings', { token })).body).toMatchObject({ IsAuthenticatorVerified: true, ManualEntryCode: null });

    // From now on the password alone no longer logs in.
    const next = await h.call('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } });
    expect(next.body.SecondFactorAuthenticationToken).toBeTruthy();
    expect(next.body.IsAuthenticatorVerified).toBe(true);
  });

  it('DELETE /2fa/totp turns it off and forgets the secret', async () => {
    const h = harness();
    const token = await signIn(h, TOTP_USER.email);
    const reset = await h.call('mfaResetTotpByAccessToken', { token });
    expect(reset).toMatchObject({ status: 200, body: { IsDeleted: true } });
    const settings = await h.call('mfaGetSettings', { token });
    expect(settings.body.IsAuthenticatorVerified).toBe(false);
    expect(settings.body.ManualEntryCode).not.toBe(TOTP_USER.secret);
    // Nothing left: the password logs in alone, and a second reset is the documented 1121.
    expect((await h.call('loginWithPassword', { body: { email: TOTP_USER.email, password: PASSWORD } })).body.Profile.Uid).toBe(TOTP_USER.uid);
    expect(await h.call('mfaResetTotpByAccessToken', { token })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_NOT_VALID_FOR_DELETE') });
  });

  it('the legacy DELETE /2fa/authenticator resets the factor its body names', async () => {
    const h = harness();
    const token = await signIn(h, TOTP_USER.email);
    expect((await h.call('legacyMfaResetAuthenticatorByAccessToken', { token, body: { authenticator: true } })).body.IsDeleted).toBe(true);
    expect((await h.call('mfaGetSettings', { token })).body.IsAuthenticatorVerified).toBe(false);
  });
});

describe('phone and SMS set-up', () => {
  it('sends a code to the new number; verifying it enables SMS there', async () => {
    const h = harness();
    const token = await signIn(h, PLAIN_USER.email);
    const sent = await h.call('mfaUpdatePhoneByAccessToken', { token, body: { phoneno2fa: '+15557770000' } });
    expect(sent.status).toBe(200);
    const code = (await h.lastMessage('+15557770000')).code!;
    const wrong = await h.call('mfaVerifySmsByAccessToken', { token, body: { otp: code === '000000' ? '111111' : '000000' } });
    expect(wrong).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
    const enabled = await h.call('mfaVerifySmsByAccessToken', { token, body: { otp: code } });
    expect(enabled.status).toBe(200);
    expect((await h.call('mfaGetSettings', { token })).body).toMatchObject({ IsOTPAuthenticatorVerified: true, OTPPhoneNo: '+15557770000' });
    // The next login sends its SMS code to that number.
    await h.call('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } });
    expect((await h.lastMessage('+15557770000')).operationId).toBe('loginWithPassword');
  });

  it('DELETE /2fa/sms turns SMS off', async () => {
    const h = harness();
    const first = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    const login = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { otp: (await h.lastMessage(SMS_USER.phone)).code! } });
    const token = login.body.access_token;
    expect((await h.call('mfaResetSmsByAccessToken', { token })).body.IsDeleted).toBe(true);
    const after = await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } });
    expect(after.body.Profile.Uid).toBe(SMS_USER.uid);
  });
});

describe('email-code set-up', () => {
  it('emails a code; verifying it enables the email factor; DELETE turns it off', async () => {
    const h = harness();
    const token = await signIn(h, PLAIN_USER.email);
    expect((await h.call('mfaSendEmailOtpByAccessToken', { token, query: { emailid: PLAIN_USER.email } })).body.IsPosted).toBe(true);
    const code = (await h.lastMessage(PLAIN_USER.email)).code!;
    expect((await h.call('mfaVerifyEmailOtpByAccessToken', { token, body: { emailid: PLAIN_USER.email, otp: code } })).status).toBe(200);
    expect((await h.call('mfaGetSettings', { token })).body.IsEmailOtpAuthenticatorVerified).toBe(true);
    expect((await h.call('mfaResetEmailOtpByAccessToken', { token })).body.IsDeleted).toBe(true);
    expect((await h.call('mfaGetSettings', { token })).body.IsEmailOtpAuthenticatorVerified).toBe(false);
  });
});

describe('backup codes', () => {
  it('issues ten, refuses a second issue (1127), and a reset voids the old ones', async () => {
    const h = harness();
    const token = await signIn(h, TOTP_USER.email);
    const issued = await h.call('mfaGenerateBackupCodesByAccessToken', { token });
    expect(issued.body.BackUpCodes).toHaveLength(10);
    expect(await h.call('mfaGenerateBackupCodesByAccessToken', { token })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_ALREADY_CONFIGURED') });
    const renewed = await h.call('mfaResetBackupCodesByAccessToken', { token });
    expect(renewed.body.BackUpCodes).toHaveLength(10);
    expect(renewed.body.BackUpCodes).not.toContain(issued.body.BackUpCodes[0]);

    const login = async (code: string) => {
      const first = await h.call('loginWithPassword', { body: { email: TOTP_USER.email, password: PASSWORD } });
      return h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { backupcode: code } });
    };
    expect(await login(issued.body.BackUpCodes[0])).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_VALID') });
    expect((await login(renewed.body.BackUpCodes[0])).status).toBe(200);
  });

  it('needs a second factor first', async () => {
    const h = harness();
    const token = await signIn(h, PLAIN_USER.email);
    expect(await h.call('mfaGenerateBackupCodesByAccessToken', { token })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE') });
  });
});

describe('access tokens', () => {
  it('refuses an unknown token (905) and an expired one (906)', async () => {
    const h = harness({ lifetimes: { accessTokenSeconds: 60 } });
    expect(await h.call('mfaGetSettings', { token: '11111111-2222-4333-8444-555555555555' })).toMatchObject({ status: 403, body: example('ACCESS_TOKEN_NOT_VALID') });
    const token = await signIn(h, PLAIN_USER.email);
    h.advance(61);
    expect(await h.call('mfaGetSettings', { token })).toMatchObject({ status: 403, body: example('ACCESS_TOKEN_EXPIRED') });
  });

  it('reads the token from the access_token query parameter too', async () => {
    const h = harness();
    const token = await signIn(h, PLAIN_USER.email);
    expect((await h.call('mfaGetSettings', { query: { access_token: token } })).status).toBe(200);
  });
});

describe('by UID (/manage/)', () => {
  const secret = { 'x-loginradius-apisecret': 'any-secret' };

  it('resets factors and backup codes of the same users the journeys log in', async () => {
    const h = harness();
    const codes = await h.call('mfaResetBackupCodesByUid', { query: { uid: BACKUP_USER.uid }, headers: secret });
    expect(codes.body.BackUpCodes).toHaveLength(10);
    const first = await h.call('loginWithPassword', { body: { email: BACKUP_USER.email, password: PASSWORD } });
    const old = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { backupcode: BACKUP_USER.codes[0]! } });
    expect(old.body.ErrorCode).toBe(1129);
    const fresh = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { backupcode: codes.body.BackUpCodes[3] } });
    expect(fresh.status).toBe(200);

    for (const operationId of ['mfaResetSmsByUid', 'mfaResetTotpByUid', 'mfaResetEmailOtpByUid']) {
      expect((await h.call(operationId, { query: { uid: ALL_USER.uid }, headers: secret })).body.IsDeleted, operationId).toBe(true);
    }
    // Every factor off: the password logs in alone, and backup codes went with the factors.
    expect((await h.call('loginWithPassword', { body: { email: ALL_USER.email, password: PASSWORD } })).body.Profile.Uid).toBe(ALL_USER.uid);
    expect(await h.call('mfaGenerateBackupCodesByUid', { query: { uid: ALL_USER.uid }, headers: secret })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE') });
  });

  it('legacy DELETE /manage/account/2fa/authenticator with {"otpauthenticator": true} turns SMS off', async () => {
    const h = harness();
    expect((await h.call('legacyMfaResetAuthenticatorByUid', { query: { uid: SMS_USER.uid }, headers: secret, body: { otpauthenticator: true } })).body.IsDeleted).toBe(true);
    expect((await h.call('loginWithPassword', { body: { email: SMS_USER.email, password: PASSWORD } })).body.Profile.Uid).toBe(SMS_USER.uid);
  });

  it('answers an unknown UID with the documented 938', async () => {
    const h = harness();
    expect(await h.call('mfaResetTotpByUid', { query: { uid: 'nobody' }, headers: secret })).toMatchObject({ status: 403, body: example('USER_NOT_EXISTS') });
  });
});
