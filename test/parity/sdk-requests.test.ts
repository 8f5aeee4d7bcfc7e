// Requests as LoginRadius's official SDKs and its official OpenAPI file send them, against the mock: each is
// accepted (2xx, no violation). Where the quirk is a parameter or body member this spec had to declare, a
// wrong-typed value for it is refused with a 4xx that names it, which shows the name is declared and validated
// (the mock ignores undeclared query names, so acceptance alone would prove nothing).
// Sources read: the Node SDK v11 (node_modules/loginradius-sdk), LoginRadius's Python SDK
// (lib/LoginRadius/api/advanced/*.py) and .NET SDK (Source/LoginRadiusSDK.V2/Api/Advanced/ReAuthenticationApi.cs),
// and the official OpenAPI file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../support/client.js';
import { startMock, type RunningMock } from '../support/mock.js';

let mock: RunningMock;
beforeAll(async () => { mock = await startMock(); });
afterAll(async () => { await mock?.stop(); });

const { apiKey, accessToken, apiSecret, m2mToken } = TEST_CREDENTIALS;
const SFA_TOKEN = '684920ba-917b-4168-b59b-eae70b430209';

interface Call {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

async function send({ method, path, query = {}, headers = {}, body }: Call) {
  const url = new URL(path, mock.baseUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  const init: RequestInit = { method, headers: { ...headers }, signal: AbortSignal.timeout(10_000) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, violations: response.headers.get('sl-violations'), text };
}

interface Quirk {
  sdk: string;
  call: Call;
  /** A declared name and a value of the wrong type for it: the mock must refuse it, naming the field. */
  wrong?: { name: string; in: 'query' | 'body'; value: unknown };
}

const quirks: Quirk[] = [
  {
    sdk: 'Node SDK v11 mfaReAuthenticate: isVoiceOtp on GET .../reauth/2fa',
    call: { method: 'GET', path: '/identity/v2/auth/account/reauth/2fa', query: { access_token: accessToken, apiKey, smsTemplate2FA: 'tpl', isVoiceOtp: 'true' } },
    wrong: { name: 'isVoiceOtp', in: 'query', value: 'not-a-boolean' },
  },
  {
    sdk: 'Node SDK v11, Python and .NET mfaReAuthenticateByPassword: smsTemplate2FA on PUT .../reauth/password',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/account/reauth/password',
      query: { access_token: accessToken, apiKey, smsTemplate2FA: 'tpl' },
      body: { password: 'MySecurePassword123!' },
    },
    wrong: { name: 'smsTemplate2FA', in: 'query', value: 'x'.repeat(5000) },
  },
  {
    sdk: 'Python mfa_update_by_access_token: smsTemplate on PUT .../2fa/verification/googleauthenticatorcode',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/account/2fa/verification/googleauthenticatorcode',
      query: { access_token: accessToken, apiKey, fields: 'Uid', smsTemplate: 'tpl' },
      body: { googleauthenticatorcode: '123456' },
    },
    wrong: { name: 'smsTemplate', in: 'query', value: 'x'.repeat(5000) },
  },
  {
    sdk: 'Python mfa_reset_google_auth_by_token: body {googleauthenticator: true} on DELETE .../2fa/authenticator',
    call: { method: 'DELETE', path: '/identity/v2/auth/account/2fa/authenticator', query: { access_token: accessToken, apiKey }, body: { googleauthenticator: true } },
    wrong: { name: 'googleauthenticator', in: 'body', value: 'yes' },
  },
  {
    sdk: 'Python and .NET verify_multi_factor_password_reauthentication: apiSecret in the query',
    call: {
      method: 'POST',
      path: '/identity/v2/manage/account/u1/reauth/password',
      query: { apiKey, apiSecret },
      body: { SecondFactorValidationToken: SFA_TOKEN },
    },
  },
  {
    sdk: 'Python mfa_validate_google_auth_code: googleAuthenticatorCode body, smsTemplate2FA and fields',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/login/2fa/verification/googleauthenticatorcode',
      query: { apiKey, secondFactorAuthenticationToken: SFA_TOKEN, fields: 'Uid', smsTemplate2FA: 'tpl' },
      body: { googleAuthenticatorCode: '123456' },
    },
  },
  {
    sdk: 'Python mfa_resend_otp: smsTemplate2FA on GET .../login/2fa/resend',
    call: { method: 'GET', path: '/identity/v2/auth/login/2fa/resend', query: { apiKey, secondFactorAuthenticationToken: SFA_TOKEN, smsTemplate2FA: 'tpl' } },
  },
  {
    sdk: 'official file: qq_captcha_ticket / qq_captcha_randstr on PUT .../reauth/2fa/{type}',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/account/reauth/2fa/otp',
      query: { access_token: accessToken, apikey: apiKey, qq_captcha_ticket: 't', qq_captcha_randstr: 'r' },
      body: { otp: '1234' },
    },
    wrong: { name: 'qq_captcha_randstr', in: 'query', value: 'x'.repeat(5000) },
  },
  {
    sdk: 'official file: CAPTCHA fields in the SMS body of PUT .../login/2fa/sms',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/login/2fa/sms',
      query: { apikey: apiKey, secondfactorauthenticationtoken: SFA_TOKEN },
      body: { otp: '123456', 'g-recaptcha-response': '03AGdBq24', qq_captcha_ticket: 't', qq_captcha_randstr: 'r' },
    },
    wrong: { name: 'qq_captcha_randstr', in: 'body', value: 42 },
  },
  {
    sdk: 'official file: CAPTCHA fields in the SMS body of PUT .../account/2fa/sms',
    call: {
      method: 'PUT',
      path: '/identity/v2/auth/account/2fa/sms',
      query: { apikey: apiKey },
      headers: { Authorization: `Bearer ${accessToken}` },
      body: { otp: '123456', 'h-captcha-response': '10000000-aaaa' },
    },
    wrong: { name: 'h-captcha-response', in: 'body', value: 42 },
  },
  {
    sdk: "official file: ProfileRequestModel fields (Addresses, PINInfo, Consents) on POST .../passwordlesslogin/email",
    call: {
      method: 'POST',
      path: '/identity/v2/auth/login/passwordlesslogin/email',
      query: { apikey: apiKey },
      body: {
        Email: [{ Type: 'Primary', Value: 'john.doe@example.com' }],
        FirstName: 'John',
        Addresses: [{ Type: 'home', City: 'Berlin', Country: 'DE' }],
        PINInfo: { Skipped: true },
        IsEmailSubscribed: true,
        SessionLimit: 3,
        Consents: { Data: [] },
        SiteSpecificField: 'allowed: the API accepts the site registration form',
      },
    },
    wrong: { name: 'SessionLimit', in: 'body', value: 'three' },
  },
  {
    sdk: 'official file: ProfileRequestModel on POST .../passwordlesslogin/otp',
    call: {
      method: 'POST',
      path: '/identity/v2/auth/login/passwordlesslogin/otp',
      query: { apikey: apiKey },
      body: { PhoneId: '+1234567890', Positions: [{ Position: 'Engineer' }], TeleVisionShow: [] },
    },
    wrong: { name: 'IsEmailSubscribed', in: 'body', value: 'yes' },
  },
  {
    sdk: 'official file: GET /v2/manage/2fa/config with an M2M bearer token',
    call: { method: 'GET', path: '/v2/manage/2fa/config', headers: { Authorization: `Bearer ${m2mToken}` } },
  },
  {
    sdk: 'official file: PUT /v2/manage/2fa/totp-authenticator-settings',
    call: {
      method: 'PUT',
      path: '/v2/manage/2fa/totp-authenticator-settings',
      headers: { Authorization: `Bearer ${m2mToken}` },
      body: { IsEnabled: true, IssuerId: 'Example Corp', QRCodeWidth: 200 },
    },
    wrong: { name: 'QRCodeWidth', in: 'body', value: 401 },
  },
];

describe.each(quirks.map((q) => [q.sdk, q] as const))('%s', (_name, quirk) => {
  it('is accepted by the mock', async () => {
    const response = await send(quirk.call);
    expect(response.violations, response.text).toBeNull();
    expect(response.status, response.text).toBeGreaterThanOrEqual(200);
    expect(response.status, response.text).toBeLessThan(300);
  });

  const wrong = quirk.wrong;
  if (wrong) {
    it(`refuses a wrong ${wrong.name} with a 4xx naming it (the name is declared)`, async () => {
      const call: Call = structuredClone(quirk.call);
      if (wrong.in === 'query') call.query = { ...call.query, [wrong.name]: String(wrong.value) };
      else call.body = { ...(call.body as object), [wrong.name]: wrong.value };
      const response = await send(call);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(response.text.toLowerCase()).toContain(wrong.name.toLowerCase());
    });
  }
});

describe('the step-up verify body (PUT .../reauth/2fa/{type}) must carry one of its four codes', () => {
  const call = (body: unknown): Call => ({
    method: 'PUT',
    path: '/identity/v2/auth/account/reauth/2fa/otp',
    query: { apikey: apiKey },
    headers: { Authorization: `Bearer ${accessToken}` },
    body,
  });

  it.each([
    ['otp', { otp: '1234' }],
    ['backupcode', { backupcode: '02ea0-de2bd' }],
    ['authenticatorcode', { authenticatorcode: '123456' }],
    ['googleauthenticatorcode', { googleauthenticatorcode: '123456' }],
  ])('one code (%s) is accepted', async (_name, body) => {
    const response = await send(call(body));
    expect(response.status, response.text).toBe(200);
  });

  it.each([
    ['no code at all ({})', {}],
    ['only CAPTCHA fields', { 'g-recaptcha-response': '03AGdBq24' }],
  ])('%s gets the documented 400, not 200', async (_name, body) => {
    const response = await send(call(body));
    expect(response.status, response.text).toBe(400);
    expect(JSON.parse(response.text)).toHaveProperty('ErrorCode');
  });
});
