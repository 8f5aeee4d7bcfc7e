// MFA login journeys through the flow engine: password step, then SMS, email, authenticator or backup code.
import { describe, expect, it } from 'vitest';
import { BACKUP_USER, EMAIL_USER, example, harness, PASSWORD, PLAIN_USER, SMS_USER, TOTP_USER, type Harness } from './helpers.js';

async function passwordStep(h: Harness, identifier: Record<string, string>, password = PASSWORD) {
  return h.call('loginWithPassword', { body: { ...identifier, password } });
}

describe('login with password', () => {
  it('needs an SMS code for mfa-sms@example.com, whose code goes to +15550000001', async () => {
    const h = harness();
    const first = await passwordStep(h, { email: SMS_USER.email });
    expect(first.status).toBe(200);
    expect(first.body.access_token).toBe('00000000-0000-0000-0000-000000000000');
    expect(first.body.SecondFactorAuthenticationToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body.IsOTPAuthenticatorVerified).toBe(true);
    expect(first.body.OTPPhoneNo).toBe(SMS_USER.phone);
    const sms = await h.lastMessage(SMS_USER.phone);
    expect(sms).toMatchObject({ channel: 'sms', to: SMS_USER.phone, operationId: 'loginWithPassword' });
    expect(sms.code).toMatch(/^\d{6}$/);

    const second = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken }, body: { otp: sms.code } });
    expect(second.status).toBe(200);
    expect(second.body.access_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.body.Profile).toMatchObject({ Uid: SMS_USER.uid, Email: [{ Type: 'Primary', Value: SMS_USER.email }], NoOfLogins: 1 });
    // The access token works: it reads the user's MFA settings.
    const settings = await h.call('mfaGetSettings', { token: second.body.access_token });
    expect(settings.status).toBe(200);
    expect(settings.body.OTPPhoneNo).toBe(SMS_USER.phone);
  });

  it('finds the user by username or phone as well as by email', async () => {
    const h = harness();
    const identifiers: Array<Record<string, string>> = [{ username: SMS_USER.username }, { phone: SMS_USER.phone }, { email: 'MFA-SMS@example.com' }];
    for (const identifier of identifiers) {
      const answer = await passwordStep(h, identifier);
      expect(answer.status, JSON.stringify(identifier)).toBe(200);
      expect(answer.body.SecondFactorAuthenticationToken).toBeTruthy();
    }
  });

  it('completes at once for a user without a second factor', async () => {
    const h = harness();
    const answer = await passwordStep(h, { email: PLAIN_USER.email });
    expect(answer.status).toBe(200);
    expect(answer.body.SecondFactorAuthenticationToken).toBeUndefined();
    expect(answer.body.Profile.Uid).toBe(PLAIN_USER.uid);
  });

  it('answers a wrong password and an unknown user alike, with the documented 966', async () => {
    const h = harness();
    const wrong = await passwordStep(h, { email: SMS_USER.email }, 'nope');
    const unknown = await passwordStep(h, { email: 'nobody@example.com' });
    expect(wrong).toMatchObject({ status: 401, body: example('USERNAME_OR_PASSWORD_WRONG') });
    expect(unknown).toMatchObject({ status: 401, body: example('USERNAME_OR_PASSWORD_WRONG') });
  });
});

describe('second factor at login', () => {
  async function pending(h: Harness, email: string) {
    return (await passwordStep(h, { email })).body.SecondFactorAuthenticationToken as string;
  }

  it('refuses a wrong SMS code with the documented 1067, then locks the login after the fifth', async () => {
    const h = harness();
    const token = await pending(h, SMS_USER.email);
    const right = (await h.lastMessage(SMS_USER.phone)).code!;
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: wrongCode } });
      expect(answer, `attempt ${attempt}`).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
    }
    const fifth = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: wrongCode } });
    expect(fifth).toMatchObject({ status: 403, body: example('LOGIN_IS_LOCKED_FOR_MFA') });
    // Locked: even the right code is refused now, and the answer says to log in again.
    const afterwards = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: right } });
    expect(afterwards).toMatchObject({ status: 403, body: example('LOGIN_IS_LOCKED_FOR_MFA') });
    // A new login starts afresh.
    const again = await pending(h, SMS_USER.email);
    const fresh = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: again }, body: { otp: (await h.lastMessage(SMS_USER.phone)).code! } });
    expect(fresh.status).toBe(200);
  });

  it('honours maxWrongCodes', async () => {
    const h = harness({ maxWrongCodes: 2 });
    const token = await pending(h, SMS_USER.email);
    const wrongCode = (await h.lastMessage(SMS_USER.phone)).code === '000000' ? '111111' : '000000';
    expect((await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: wrongCode } })).body.ErrorCode).toBe(1067);
    expect((await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: wrongCode } })).body.ErrorCode).toBe(1263);
  });

  it('refuses a used second-factor token and an expired one', async () => {
    const h = harness();
    const token = await pending(h, SMS_USER.email);
    const code = (await h.lastMessage(SMS_USER.phone)).code!;
    expect((await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: code } })).status).toBe(200);
    const reused = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: code } });
    expect(reused).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_TOKEN_NOT_VALID') });

    const later = await pending(h, SMS_USER.email);
    h.advance(10 * 60 + 1);
    const expired = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: later }, body: { otp: (await h.lastMessage(SMS_USER.phone)).code! } });
    expect(expired).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_TOKEN_EXPIRED') });
  });

  it('refuses an expired SMS code with the documented 1069', async () => {
    const h = harness({ lifetimes: { otpSeconds: 60 } });
    const token = await pending(h, SMS_USER.email);
    const code = (await h.lastMessage(SMS_USER.phone)).code!;
    h.advance(61);
    const answer = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: code } });
    expect(answer).toMatchObject({ status: 403, body: example('OTP_EXPIRED') });
  });

  it('voids the previous SMS code when one is re-sent', async () => {
    const h = harness();
    const token = await pending(h, SMS_USER.email);
    const first = (await h.lastMessage(SMS_USER.phone)).code!;
    const resent = await h.call('mfaLoginResendOtp', { query: { secondfactorauthenticationtoken: token } });
    expect(resent.status).toBe(200);
    expect(resent.body.Sid).toMatch(/^SM/);
    const second = (await h.lastMessage(SMS_USER.phone)).code!;
    expect(second).not.toBe(first);
    const old = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: first } });
    expect(old).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
    expect((await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: second } })).status).toBe(200);
  });

  it('verifies an email code sent to the user’s address', async () => {
    const h = harness();
    const token = await pending(h, EMAIL_USER.email);
    const sent = await h.call('mfaLoginSendEmailOtp', { query: { secondfactorauthenticationtoken: token }, body: { email: EMAIL_USER.email } });
    expect(sent).toMatchObject({ status: 200, body: { IsPosted: true } });
    const mail = await h.lastMessage(EMAIL_USER.email);
    expect(mail.channel).toBe('email');
    const wrong = await h.call('mfaLoginVerifyEmailOtp', { query: { secondfactorauthenticationtoken: token }, body: { emailid: EMAIL_USER.email, otp: mail.code === '000000' ? '111111' : '000000' } });
    expect(wrong).toMatchObject({ status: 403, body: example('EMAIL_OTP_NOT_EXISTS') });
    const done = await h.call('mfaLoginVerifyEmailOtp', { query: { secondfactorauthenticationtoken: token }, body: { emailid: EMAIL_USER.email, otp: mail.code! } });
    expect(done.status).toBe(200);
    expect(done.body.Profile.Uid).toBe(EMAIL_USER.uid);
  });

  it('refuses to email a code to an address that is not the user’s', async () => {
    const h = harness();
    const token = await pending(h, EMAIL_USER.email);
    const answer = await h.call('mfaLoginSendEmailOtp', { query: { secondfactorauthenticationtoken: token }, body: { email: 'someone@example.com' } });
    expect(answer).toMatchObject({ status: 403, body: example('EMAIL_ID_NOT_EXISTS') });
  });

  it('verifies an authenticator code computed from the user’s secret (RFC 6238), once', async () => {
    const h = harness();
    const token = await pending(h, TOTP_USER.email);
    const code = h.totp(TOTP_USER.secret);
    const done = await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: token }, body: { authenticatorcode: code } });
    expect(done.status).toBe(200);
    // The same code cannot log in again, even on a fresh login (RFC 6238 section 5.2: no replay).
    const next = await pending(h, TOTP_USER.email);
    const replay = await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: next }, body: { authenticatorcode: code } });
    expect(replay).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT') });
    h.advance(30);
    expect((await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: next }, body: { authenticatorcode: h.totp(TOTP_USER.secret) } })).status).toBe(200);
  });

  it('accepts one step of clock drift and no more', async () => {
    const h = harness();
    const token = await pending(h, TOTP_USER.email);
    const stale = await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: token }, body: { authenticatorcode: h.totp(TOTP_USER.secret, -90) } });
    expect(stale.body.ErrorCode).toBe(1102);
    const drifted = await h.call('mfaLoginVerifyTotp', { query: { secondfactorauthenticationtoken: token }, body: { googleauthenticatorcode: h.totp(TOTP_USER.secret, -30) } });
    expect(drifted.status).toBe(200);
  });

  it('takes each backup code once', async () => {
    const h = harness();
    const first = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: await pending(h, BACKUP_USER.email) }, body: { backupcode: BACKUP_USER.codes[0]! } });
    expect(first.status).toBe(200);
    const again = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: await pending(h, BACKUP_USER.email) }, body: { backupcode: BACKUP_USER.codes[0]! } });
    expect(again).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_VALID') });
    const other = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: await pending(h, BACKUP_USER.email) }, body: { backupcode: BACKUP_USER.codes[1]! } });
    expect(other.status).toBe(200);
  });

  it('says backup codes are not configured for a user without any', async () => {
    const h = harness();
    const answer = await h.call('mfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: await pending(h, SMS_USER.email) }, body: { backupcode: '11111-aaaaa' } });
    expect(answer).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_CONFIGURED') });
  });

  it('sets up SMS while the login is pending: a new phone, its code, then the factor is on', async () => {
    const h = harness();
    const token = await pending(h, TOTP_USER.email);
    const sent = await h.call('mfaLoginUpdatePhone', { query: { secondfactorauthenticationtoken: token }, body: { phoneno2fa: '+15559990000' } });
    expect(sent.status).toBe(200);
    const code = (await h.lastMessage('+15559990000')).code!;
    const done = await h.call('mfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: code } });
    expect(done.status).toBe(200);
    const settings = await h.call('mfaGetSettings', { token: done.body.access_token });
    expect(settings.body).toMatchObject({ IsOTPAuthenticatorVerified: true, OTPPhoneNo: '+15559990000', IsAuthenticatorVerified: true });
  });
});

describe('the legacy login operations the Node SDK v11 calls', () => {
  it('answers POST /auth/login/2fa with the nested shape, and verifies by PUT /login/2fa/verification/otp', async () => {
    const h = harness();
    const first = await h.call('legacyMfaLogin', { body: { email: SMS_USER.email, password: PASSWORD } });
    expect(first.status).toBe(200);
    expect(first.body.Profile).toBeNull();
    const token = first.body.SecondFactorAuthentication.SecondFactorAuthenticationToken;
    const done = await h.call('legacyMfaLoginVerifySms', { query: { secondfactorauthenticationtoken: token }, body: { otp: (await h.lastMessage(SMS_USER.phone)).code! } });
    expect(done.status).toBe(200);
    expect(done.body.Profile.Uid).toBe(SMS_USER.uid);
  });

  it('completes at once for a user without a second factor, with SecondFactorAuthentication null', async () => {
    const h = harness();
    const answer = await h.call('legacyMfaLogin', { body: { username: PLAIN_USER.username, password: PASSWORD } });
    expect(answer.body).toMatchObject({ SecondFactorAuthentication: null, Profile: { Uid: PLAIN_USER.uid } });
  });

  it('verifies authenticator, Google Authenticator and backup codes on the legacy paths', async () => {
    const h = harness();
    const pending = async () => (await h.call('legacyMfaLogin', { body: { email: BACKUP_USER.email, password: PASSWORD } })).body.SecondFactorAuthentication.SecondFactorAuthenticationToken;
    expect((await h.call('legacyMfaLoginVerifyBackupCode', { query: { secondfactorauthenticationtoken: await pending() }, body: { backupcode: BACKUP_USER.codes[0]! } })).status).toBe(200);
    expect((await h.call('legacyMfaLoginVerifyAuthenticatorCode', { query: { secondfactorauthenticationtoken: await pending() }, body: { authenticatorcode: h.totp('KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU') } })).status).toBe(200);
    h.advance(30);
    expect((await h.call('legacyMfaLoginVerifyGoogleAuthenticatorCode', { query: { secondfactorauthenticationtoken: await pending() }, body: { googleauthenticatorcode: h.totp('KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU') } })).status).toBe(200);
  });
});

describe('security questions as the second factor', () => {
  const QUESTIONS_USER = { email: 'mfa-questions@example.com', uid: 'f1000000000000000000000000000006' };

  it('lists the user’s questions in the MFA-required answer, and right answers complete the login', async () => {
    const h = harness();
    const first = await h.call('loginWithPassword', { body: { email: QUESTIONS_USER.email, password: PASSWORD } });
    expect(first.body.IsSecurityQuestionAuthenticatorVerified).toBe(true);
    expect(first.body.SecurityQuestions).toEqual([
      { QuestionId: 'pet', Question: "What is your pet's name?" },
      { QuestionId: 'city', Question: 'In which city were you born?' },
    ]);
    const query = { secondfactorauthenticationtoken: first.body.SecondFactorAuthenticationToken };
    const wrong = await h.call('mfaLoginVerifySecurityQuestions', { query, body: { securityquestionanswer: [{ QuestionId: 'pet', Answer: 'Rex' }] } });
    expect(wrong).toMatchObject({ status: 403, body: example('SECURITY_ANSWER_INVALID') });
    const unknown = await h.call('mfaLoginVerifySecurityQuestions', { query, body: { securityquestionanswer: [{ QuestionId: 'school', Answer: 'x' }] } });
    expect(unknown).toMatchObject({ status: 403, body: example('SECURITY_QUESTION_NOT_VALID') });
    const done = await h.call('mfaLoginVerifySecurityQuestions', { query, body: { securityquestionanswer: [{ QuestionId: 'pet', Answer: ' fluffy ' }, { QuestionId: 'city', Answer: 'Springfield' }] } });
    expect(done.status).toBe(200);
    expect(done.body.Profile.Uid).toBe(QUESTIONS_USER.uid);
  });

  it('sets questions with an access token, steps up with them, and resets them', async () => {
    const h = harness();
    const token = (await h.call('loginWithPassword', { body: { email: PLAIN_USER.email, password: PASSWORD } })).body.access_token;
    const bad = await h.call('mfaSetSecurityQuestionsByAccessToken', { token, body: { securityquestionanswer: [{ QuestionId: 'colour', Answer: 'blue' }] } });
    expect(bad).toMatchObject({ status: 403, body: example('SECURITY_QUESTION_NOT_VALID') });
    expect((await h.call('mfaSetSecurityQuestionsByAccessToken', { token, body: { securityquestionanswer: [{ QuestionId: 'school', Answer: 'Elm Street' }] } })).body).toEqual({ IsPosted: true });
    expect(await h.call('mfaSetSecurityQuestionsByAccessToken', { token, body: { securityquestionanswer: [{ QuestionId: 'pet', Answer: 'Rex' }] } })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_METHOD_ENABLED') });
    const verified = await h.call('reauthVerifySecurityQuestions', { token, body: { securityquestionanswer: [{ QuestionId: 'school', Answer: 'elm street' }] } });
    expect(verified.body.SecondFactorValidationToken).toBeTruthy();
    expect((await h.call('mfaResetSecurityQuestionsByAccessToken', { token })).body.IsDeleted).toBe(true);
    expect(await h.call('reauthTrigger', { token })).toMatchObject({ status: 403, body: example('TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE') });
  });

  it('resets them by UID', async () => {
    const h = harness();
    expect((await h.call('mfaResetSecurityQuestionsByUid', { query: { uid: QUESTIONS_USER.uid }, headers: { 'x-loginradius-apisecret': 's' } })).body.IsDeleted).toBe(true);
    expect((await h.call('loginWithPassword', { body: { email: QUESTIONS_USER.email, password: PASSWORD } })).body.Profile.Uid).toBe(QUESTIONS_USER.uid);
  });
});
