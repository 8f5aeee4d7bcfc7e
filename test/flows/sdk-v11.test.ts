// The official Node SDK v11 (loginradius-sdk 11.7, unmodified) drives whole journeys against the mock in flows
// mode: an MFA login by SMS code read from the outbox, one by authenticator code, step-up with server-side
// validation, and passwordless by phone. The SDK is pointed at the mock by configuration only, as in
// test/mock/sdk-v11.test.ts, through test/support/sdk.ts.
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { sdkAgainstMock } from '../support/sdk.js';
import type { Json } from '../support/spec.js';

const API_KEY = 'sdk-v11-flows';

let mock: RunningMock;
let sdk: Json;
let restoreAgent: () => void;

beforeAll(async () => {
  mock = await startMock(['--flows']);
  ({ sdk, restore: restoreAgent } = sdkAgainstMock(mock.baseUrl, { apiKey: API_KEY, apiSecret: 'sdk-api-secret' }));
});

afterAll(async () => {
  restoreAgent?.();
  await mock?.stop();
});

/** The newest code the outbox holds for `to` (the test reads it the way a user reads their phone). */
async function codeSentTo(to: string): Promise<string> {
  const response = await fetch(`${mock.baseUrl}/__mock/outbox?apikey=${API_KEY}&to=${encodeURIComponent(to)}&limit=1`);
  const body = (await response.json()) as Json;
  expect(body.messages, `a message to ${to}`).toHaveLength(1);
  return body.messages[0].code;
}

describe('loginradius-sdk v11 against flows mode', () => {
  it('logs in with MFA by SMS: mfaLoginByEmail, the code from the outbox, mfaValidateOTPByPhone', async () => {
    const first = await sdk.multiFactorAuthenticationApi.mfaLoginByEmail('mfa-sms@example.com', 'Password1!');
    expect(first.Profile).toBeNull();
    const token = first.SecondFactorAuthentication.SecondFactorAuthenticationToken;
    expect(first.SecondFactorAuthentication.OTPPhoneNo).toBe('+15550000001');

    await expect(sdk.multiFactorAuthenticationApi.mfaValidateOTPByPhone({ otp: 'wrong-code' }, token)).rejects.toMatchObject({ ErrorCode: 1067 });
    const done = await sdk.multiFactorAuthenticationApi.mfaValidateOTPByPhone({ otp: await codeSentTo('+15550000001') }, token);
    expect(done.access_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.Profile.Uid).toBe('f1000000000000000000000000000001');
    // The second-factor token is used up.
    await expect(sdk.multiFactorAuthenticationApi.mfaValidateOTPByPhone({ otp: '123456' }, token)).rejects.toMatchObject({ ErrorCode: 1103 });
  });

  it('logs in with MFA by authenticator code: mfaLoginByUserName, then mfaValidateAuthenticatorCode', async () => {
    const first = await sdk.multiFactorAuthenticationApi.mfaLoginByUserName('Password1!', 'mfa-totp');
    const token = first.SecondFactorAuthentication.SecondFactorAuthenticationToken;
    const code = generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const done = await sdk.multiFactorAuthenticationApi.mfaValidateAuthenticatorCode({ authenticatorcode: code }, token);
    expect(done.Profile.Uid).toBe('f1000000000000000000000000000003');
  });

  it('steps up by SMS code, and the server validates the token once by UID', async () => {
    const first = await sdk.multiFactorAuthenticationApi.mfaLoginByPhone('Password1!', '+15550000001');
    const login = await sdk.multiFactorAuthenticationApi.mfaValidateOTPByPhone({ otp: await codeSentTo('+15550000001') }, first.SecondFactorAuthentication.SecondFactorAuthenticationToken);
    const accessToken = login.access_token;

    const trigger = await sdk.reAuthenticationApi.mfaReAuthenticate(accessToken);
    expect(trigger.IsOTPAuthenticatorVerified).toBe(true);
    const verified = await sdk.reAuthenticationApi.mfaReAuthenticateByOTP(accessToken, { otp: await codeSentTo('+15550000001') });
    const body = { SecondFactorValidationToken: verified.SecondFactorValidationToken };
    const uid = login.Profile.Uid;
    expect(await sdk.reAuthenticationApi.verifyMultiFactorOtpReauthentication(body, uid)).toEqual({ IsValid: true });
    await expect(sdk.reAuthenticationApi.verifyMultiFactorOtpReauthentication(body, uid)).rejects.toMatchObject({ ErrorCode: 1193 });
  });

  it('logs in passwordless by phone: passwordlessLoginByPhone, the code, passwordlessLoginPhoneVerification', async () => {
    const sent = await sdk.passwordLessLoginApi.passwordlessLoginByPhone('+15550000000');
    expect(sent.IsPosted).toBe(true);
    const done = await sdk.passwordLessLoginApi.passwordlessLoginPhoneVerification({ Otp: await codeSentTo('+15550000000'), Phone: '+15550000000' });
    expect(done.Profile.Uid).toBe('f1000000000000000000000000000000');
  });
});
