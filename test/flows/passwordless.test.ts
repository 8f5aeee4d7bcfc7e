// Passwordless login: email link (its verification token), email code, username code and phone code; a request
// carrying a profile for an unknown user registers that user.
import { describe, expect, it } from 'vitest';
import { example, harness, PLAIN_USER, SMS_USER } from './helpers.js';

describe('passwordless by email', () => {
  it('emails a link whose verification token logs in once', async () => {
    const h = harness();
    const sent = await h.call('passwordlessSendEmailLink', { query: { email: PLAIN_USER.email, verificationurl: 'https://app.example.com/verify' } });
    expect(sent).toMatchObject({ status: 200, body: { IsPosted: true } });
    const mail = await h.lastMessage(PLAIN_USER.email);
    expect(mail.link).toBe(`https://app.example.com/verify?vtoken=${mail.token}`);
    const login = await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: mail.token! } });
    expect(login.status).toBe(200);
    expect(login.body.Profile.Uid).toBe(PLAIN_USER.uid);
    expect(await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: mail.token! } })).toMatchObject({ status: 403, body: example('LINK_ALREADY_USED') });
    expect(await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: 'not-a-token' } })).toMatchObject({ status: 403, body: example('VERIFICATION_VTOKEN_NOT_VALID') });
  });

  it('refuses an expired link with the documented 975', async () => {
    const h = harness();
    await h.call('passwordlessSendEmailLink', { query: { email: PLAIN_USER.email } });
    const token = (await h.lastMessage(PLAIN_USER.email)).token!;
    h.advance(15 * 60 + 1);
    expect(await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: token } })).toMatchObject({ status: 403, body: example('LINK_EXPIRED') });
  });

  it('logs in with the code of the same email, by email or by username', async () => {
    const h = harness();
    await h.call('passwordlessSendEmailLink', { query: { email: PLAIN_USER.email } });
    const code = (await h.lastMessage(PLAIN_USER.email)).code!;
    expect(await h.call('passwordlessVerifyEmailOtp', { body: { Email: PLAIN_USER.email, Otp: code === '000000' ? '111111' : '000000' } })).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
    expect((await h.call('passwordlessVerifyEmailOtp', { body: { Email: PLAIN_USER.email, Otp: code } })).body.Profile.Uid).toBe(PLAIN_USER.uid);

    await h.call('passwordlessSendEmailLink', { query: { username: PLAIN_USER.username } });
    const second = (await h.lastMessage(PLAIN_USER.email)).code!;
    expect((await h.call('passwordlessVerifyUsernameOtp', { body: { UserName: PLAIN_USER.username, Otp: second } })).body.Profile.Uid).toBe(PLAIN_USER.uid);
  });

  it('answers the MFA-required shape for a user with a second factor', async () => {
    const h = harness();
    await h.call('passwordlessSendEmailLink', { query: { email: SMS_USER.email } });
    const login = await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: (await h.lastMessage(SMS_USER.email)).token! } });
    expect(login.body.SecondFactorAuthenticationToken).toBeTruthy();
    expect((await h.lastMessage(SMS_USER.phone)).channel).toBe('sms');
  });

  it('refuses an unknown address without a profile (1023), and registers one sent with a profile', async () => {
    const h = harness();
    expect(await h.call('passwordlessSendEmailLink', { query: { email: 'new@example.com' } })).toMatchObject({ status: 403, body: example('EMAIL_ID_NOT_EXISTS') });
    const sent = await h.call('passwordlessSendEmailLinkWithProfile', { body: { Email: [{ Type: 'Primary', Value: 'new@example.com' }], FirstName: 'Nia', LastName: 'New' } });
    expect(sent.body.IsPosted).toBe(true);
    const login = await h.call('passwordlessVerifyEmailLink', { query: { verificationtoken: (await h.lastMessage('new@example.com')).token! } });
    expect(login.body.Profile).toMatchObject({ FirstName: 'Nia', Email: [{ Value: 'new@example.com' }], EmailVerified: true });
    const users = (await h.admin('GET', `/__mock/users?apikey=${h.apiKey}`)).body.users;
    expect(users.filter((u: { email: string }) => u.email === 'new@example.com')).toHaveLength(1);
  });
});

describe('passwordless by phone', () => {
  it('texts a code that logs in', async () => {
    const h = harness();
    const sent = await h.call('passwordlessSendPhoneOtp', { query: { phone: PLAIN_USER.phone } });
    expect(sent.body).toMatchObject({ IsPosted: true, Data: { Sid: expect.stringMatching(/^SM/) } });
    const code = (await h.lastMessage(PLAIN_USER.phone)).code!;
    expect(await h.call('passwordlessVerifyPhoneOtp', { body: { Phone: PLAIN_USER.phone, OTP: code === '000000' ? '111111' : '000000' } })).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
    const login = await h.call('passwordlessVerifyPhoneOtp', { body: { Phone: PLAIN_USER.phone, OTP: code } });
    expect(login.body.Profile.Uid).toBe(PLAIN_USER.uid);
    expect(await h.call('passwordlessVerifyPhoneOtp', { body: { Phone: PLAIN_USER.phone, OTP: code } })).toMatchObject({ status: 403, body: example('OTP_NOT_EXISTS') });
  });

  it('refuses an expired code with the documented 1069', async () => {
    const h = harness();
    await h.call('passwordlessSendPhoneOtp', { query: { phone: PLAIN_USER.phone } });
    const code = (await h.lastMessage(PLAIN_USER.phone)).code!;
    h.advance(5 * 60 + 1);
    expect(await h.call('passwordlessVerifyPhoneOtp', { body: { Phone: PLAIN_USER.phone, OTP: code } })).toMatchObject({ status: 403, body: example('OTP_EXPIRED') });
  });

  it('refuses an unknown number (1043) and registers one sent with a profile', async () => {
    const h = harness();
    expect(await h.call('passwordlessSendPhoneOtp', { query: { phone: '+15551234567' } })).toMatchObject({ status: 403, body: example('PHONE_NUMBER_NOT_EXISTS') });
    await h.call('passwordlessSendPhoneOtpWithProfile', { body: { PhoneId: '+15551234567', FirstName: 'Pat' } });
    const login = await h.call('passwordlessVerifyPhoneOtp', { body: { Phone: '+15551234567', OTP: (await h.lastMessage('+15551234567')).code! } });
    expect(login.body.Profile).toMatchObject({ FirstName: 'Pat', PhoneId: '+15551234567', PhoneIdVerified: true });
  });
});
