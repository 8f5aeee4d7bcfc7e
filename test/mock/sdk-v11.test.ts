// Done-when for the mock: the official Node SDK v11 (loginradius-sdk 11.7, unmodified), pointed at the
// mock, gets a 2xx for every MFA, re-authentication and passwordless call it makes.
//
// Pointing the SDK at the mock is configuration, not a patch: sdk/util/lr.js sends every call with
// `https.request({ hostname: config.apiDomain, path, headers })`, using the https global agent. The
// test sets `apiDomain` to a placeholder host and, for the duration of this file, replaces
// `https.globalAgent` with an http.Agent whose connections go to the mock's loopback port (plain HTTP).
// Statuses are read from Node's `http.client.response.finish` diagnostics channel, since the SDK only
// resolves or rejects with the parsed body.
//
// The SDK's requests are what it always sends: camel-case query names (`apiKey`, `smsTemplate2FA`,
// `secondFactorAuthenticationToken`), `isVoiceOtp=` when the argument is left out, `access_token` in
// the query and as Bearer, `X-LoginRadius-apiSecret`, `Content-Type: application/json` on GET,
// `region` (config.serverRegion) on every call.
import dc from 'node:diagnostics_channel';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { sdkAgainstMock } from '../support/sdk.js';
import { spec, type Json } from '../support/spec.js';


const TOKEN = '493318dd-487a-439b-8302-5e27f1110244';
const SFA_TOKEN = '684920ba-917b-4168-b59b-eae70b430209';
const SFV_TOKEN = '68a7b2c1-91d4-4e3f-b5db-e1234567890b';
const UID = 'f2a8ef8c2f2d4c4e8f3a5b6c7d8e9f01';
const EMAIL = 'user@example.com';
const PHONE = '+1234567890';
const OTP = '123456';
const QUESTION_ANSWERS = { SecurityQuestionAnswer: [{ QuestionId: 'db7a1c8a73e44b1fbd9d3b1f8c20e5a7', Answer: 'Fluffy' }] };

type Call = [method: string, args: unknown[]];

// Every method of the three SDK modules, with plausible arguments (SDK spellings, as its JSDoc shows).
const CALLS: Record<string, Call[]> = {
  multiFactorAuthenticationApi: [
    ['mfaConfigureByAccessToken', [TOKEN]],
    ['mfaUpdateSetting', [TOKEN, { otp: OTP }]],
    ['mfaUpdatePhoneNumberByToken', [TOKEN, PHONE, 'SMS-Template-2FA']],
    ['mfaResetAuthenticatorByToken', [TOKEN, true]],
    ['mfaResetSMSAuthByToken', [TOKEN, true]],
    ['mfaBackupCodeByAccessToken', [TOKEN]],
    ['mfaResetBackupCodeByAccessToken', [TOKEN]],
    ['mfaEmailOtpByAccessToken', [TOKEN, EMAIL, 'Email-Template-2FA']],
    ['mfaValidateEmailOtpByAccessToken', [TOKEN, { EmailId: EMAIL, Otp: OTP }]],
    ['mfaResetEmailOtpAuthenticatorByAccessToken', [TOKEN]],
    ['mfaSecurityQuestionAnswerByAccessToken', [TOKEN, { ...QUESTION_ANSWERS, ReplaceSecurityQuestionAnswer: false }]],
    ['mfaResetSecurityQuestionAuthenticatorByAccessToken', [TOKEN]],
    ['mfaLoginByEmail', [EMAIL, 'xxxxxxxxxx', 'Email-Template']],
    ['mfaLoginByUserName', ['xxxxxxxxxx', 'janedoe']],
    ['mfaLoginByPhone', ['xxxxxxxxxx', PHONE, undefined, undefined, undefined, undefined, 'SMS-Template-2FA', undefined, undefined, false]],
    ['mfaValidateOTPByPhone', [{ otp: OTP }, SFA_TOKEN, undefined, 'SMS-Template-2FA']],
    ['mfaValidateBackupCode', [{ backupcode: '02ea0-de2bd' }, SFA_TOKEN]],
    ['mfaUpdatePhoneNumber', [PHONE, SFA_TOKEN, 'SMS-Template-2FA']],
    ['mfaResendOTP', [SFA_TOKEN, 'SMS-Template-2FA']],
    ['mfaEmailOTP', [{ EmailId: EMAIL }, SFA_TOKEN, 'Email-Template-2FA']],
    ['mfaValidateEmailOtp', [{ EmailId: EMAIL, Otp: OTP }, SFA_TOKEN]],
    ['mfaSecurityQuestionAnswer', [QUESTION_ANSWERS, SFA_TOKEN]],
    ['mfaSecurityQuestionAnswerVerification', [QUESTION_ANSWERS, SFA_TOKEN]],
    ['mfaResetSMSAuthenticatorByUid', [true, UID]],
    ['mfaResetAuthenticatorByUid', [true, UID]],
    ['mfaBackupCodeByUid', [UID]],
    ['mfaResetBackupCodeByUid', [UID]],
    ['mfaResetEmailOtpAuthenticatorByUid', [UID]],
    ['mfaResetSecurityQuestionAuthenticatorByUid', [UID]],
    ['mfaValidateAuthenticatorCode', [{ authenticatorcode: OTP }, SFA_TOKEN]],
    ['mfaVerifyAuthenticatorCode', [TOKEN, { authenticatorcode: OTP }]],
  ],
  reAuthenticationApi: [
    ['mfaReAuthenticate', [TOKEN, 'SMS-Template-2FA']],
    ['mfaReAuthenticateByOTP', [TOKEN, { otp: OTP }]],
    ['mfaReAuthenticateByBackupCode', [TOKEN, { backupcode: '02ea0-de2bd' }]],
    ['mfaReAuthenticateByPassword', [TOKEN, { password: 'xxxxxxxxxx' }, 'SMS-Template-2FA']],
    ['verifyMultiFactorOtpReauthentication', [{ SecondFactorValidationToken: SFV_TOKEN }, UID]],
    ['verifyMultiFactorPasswordReauthentication', [{ SecondFactorValidationToken: SFV_TOKEN }, UID]],
    ['verifyMultiFactorPINReauthentication', [{ SecondFactorValidationToken: SFV_TOKEN }, UID]],
    ['verifyPINAuthentication', [TOKEN, { pin: '1234' }, 'SMS-Template-2FA']],
    ['reAuthValidateEmailOtp', [TOKEN, { EmailId: EMAIL, Otp: OTP }]],
    ['reAuthSendEmailOtp', [TOKEN, EMAIL, 'Email-Template-2FA']],
    ['reAuthBySecurityQuestion', [TOKEN, QUESTION_ANSWERS]],
    ['mfaReAuthenticateByAuthenticatorCode', [TOKEN, { authenticatorcode: OTP }]],
  ],
  passwordLessLoginApi: [
    ['passwordlessLoginPhoneVerification', [{ Otp: OTP, Phone: PHONE }, undefined, 'SMS-Template']],
    ['passwordlessLoginByPhone', [PHONE, 'SMS-Template']],
    ['passwordlessLoginByEmail', [EMAIL, 'Passwordless-Template', 'https://example.com/login']],
    ['passwordlessLoginByUserName', ['janedoe', 'Passwordless-Template', 'https://example.com/login']],
    ['passwordlessLoginVerification', ['2c6b5a2e-8f1d-4a7b-9c3e-5d6f7a8b9c0d', undefined, 'Welcome-Template']],
    ['passwordlessLoginVerificationByEmailAndOTP', [{ Email: EMAIL, Otp: OTP, welcomeEmailTemplate: 'Welcome-Template' }]],
    ['passwordlessLoginVerificationByUserNameAndOTP', [{ UserName: 'janedoe', Otp: OTP, welcomeEmailTemplate: 'Welcome-Template' }]],
  ],
};

interface Seen {
  method: string;
  path: string;
  status: number;
}

let mock: RunningMock;
let sdk: Json;
let restoreAgent: () => void;
const seen: Seen[] = [];
const onResponse = (message: unknown) => {
  const { request, response } = message as { request: http.ClientRequest; response: http.IncomingMessage };
  seen.push({ method: request.method, path: request.path, status: response.statusCode ?? 0 });
};

beforeAll(async () => {
  mock = await startMock();
  ({ sdk, restore: restoreAgent } = sdkAgainstMock(mock.baseUrl, { apiKey: 'test-api-key', apiSecret: 'test-api-secret' }));
  dc.subscribe('http.client.response.finish', onResponse);
});

afterAll(async () => {
  dc.unsubscribe('http.client.response.finish', onResponse);
  restoreAgent?.();
  await mock?.stop();
});

function specHas(method: string, path: string): boolean {
  const p = path.split('?')[0].toLowerCase().replace(/\/$/, '');
  return Object.entries(spec.paths as Record<string, Json>).some(([template, item]) => {
    if (!item[method.toLowerCase()]) return false;
    const re = new RegExp(`^${template.toLowerCase().replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return re.test(p);
  });
}

describe.each(Object.keys(CALLS))('loginradius-sdk v11 %s', (apiName) => {
  it('every method of the module is covered by this test', () => {
    const methods = Object.keys(sdk[apiName]).filter((k) => typeof sdk[apiName][k] === 'function');
    expect(methods.sort()).toEqual(CALLS[apiName].map(([m]) => m).sort());
  });

  it.each(CALLS[apiName])('%s gets a 2xx from the mock', async (method, args) => {
    const before = seen.length;
    let outcome: Json;
    let rejected = false;
    try {
      outcome = await sdk[apiName][method](...args);
    } catch (error) {
      outcome = error;
      rejected = true;
    }
    const exchange = seen[before];
    expect(exchange, `${method} made no HTTP request (rejected before sending: ${JSON.stringify(outcome)})`).toBeDefined();
    const path = exchange.path.split('?')[0];
    const why = specHas(exchange.method, path)
      ? `the mock answered ${exchange.status}: ${JSON.stringify(outcome)}`
      : `the spec has no ${exchange.method} ${path} yet (answered ${exchange.status})`;
    expect(exchange.status, `${method}: ${exchange.method} ${exchange.path} -> ${why}`).toBeGreaterThanOrEqual(200);
    expect(exchange.status, `${method}: ${exchange.method} ${exchange.path} -> ${why}`).toBeLessThan(300);
    expect(rejected, `${method}: the SDK rejected a 2xx answer: ${JSON.stringify(outcome)}`).toBe(false);
  });
});
