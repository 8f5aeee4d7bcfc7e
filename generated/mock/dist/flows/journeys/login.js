// Login with MFA: the password step (current and legacy shapes), then the second factor by SMS code, email code,
// authenticator code or backup code; plus resend and phone set-up while the login is pending.
import { NO_DATE } from '../clock.js';
import { checkAnswers, givenAnswers, setAnswers } from './security-questions.js';
import { bodyString, completeLogin, fail, firstFactorPassed, loginCounter, ok, pendingLogin, queryString, sendEmailCode, sendSms, totpAccepted, wrongCode, } from './context.js';
/** The user named by `email`, `username` or `phone` whose password matches, else the documented 966. */
function passwordUser(ctx) {
    const password = bodyString(ctx, 'password');
    const by = ['email', 'username', 'phone'].find((field) => bodyString(ctx, field) !== undefined);
    const user = by === undefined ? undefined : ctx.tenant.findUser(by, bodyString(ctx, by));
    // Unknown user and wrong password get the same answer, so the mock does not reveal which accounts exist.
    if (!user || user.password === undefined || user.password !== password)
        fail(ctx, by && user ? 'wrong password' : 'no such user', 'USERNAME_OR_PASSWORD_WRONG');
    return user;
}
const loginWithPassword = (ctx) => ok(firstFactorPassed(ctx, passwordUser(ctx)).body);
/** POST /auth/login/2fa (Node SDK v11 `mfaLoginByEmail` and siblings): the older, nested login shape. */
const legacyMfaLogin = (ctx) => {
    const { body, mfa } = firstFactorPassed(ctx, passwordUser(ctx));
    if (!mfa)
        return ok({ ...body, SecondFactorAuthentication: null });
    const { access_token: _token, expires_in: _expires, ...challenge } = body;
    return ok({ access_token: '00000000-0000-0000-0000-000000000000', expires_in: NO_DATE.replace('Z', ''), refresh_token: null, Profile: null, SecondFactorAuthentication: challenge });
};
/** Ends a pending MFA login: the second-factor token is used up, the access token issued. */
function finish(ctx, token, user, how) {
    ctx.tenant.deleteToken(token);
    const body = completeLogin(ctx, user);
    ctx.note = `MFA login completed by ${how}`;
    return ok(body);
}
const verifySms = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    const check = ctx.tenant.takeCode(`login:${token}:sms`, bodyString(ctx, 'otp') ?? '');
    if (check === 'expired')
        fail(ctx, 'SMS code expired', 'OTP_EXPIRED', 'OTP_NOT_EXISTS');
    if (check === 'wrong')
        wrongCode(ctx, loginCounter(session), 'SMS code', 'OTP_NOT_EXISTS');
    if (session.pendingPhone !== undefined) {
        user.mfaPhone = session.pendingPhone;
        user.enabled.sms = true;
    }
    return finish(ctx, token, user, 'SMS code');
};
const verifyTotp = (field) => (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    const code = field === 'either' ? (bodyString(ctx, 'authenticatorcode') ?? bodyString(ctx, 'googleauthenticatorcode')) : bodyString(ctx, field);
    // A pending login may also set the app up: the secret is in the MFA-required answer's ManualEntryCode.
    if (!totpAccepted(ctx, user, code ?? ''))
        wrongCode(ctx, loginCounter(session), 'authenticator code', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT_OLD_MFA');
    user.enabled.authenticator = true;
    return finish(ctx, token, user, 'authenticator code');
};
const verifyBackupCode = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    if (user.backupCodes.size === 0)
        fail(ctx, 'the user has no backup codes', 'TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_CONFIGURED');
    if (!user.backupCodes.delete(bodyString(ctx, 'backupcode') ?? ''))
        wrongCode(ctx, loginCounter(session), 'backup code', 'TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_VALID');
    return finish(ctx, token, user, `backup code (${user.backupCodes.size} left)`);
};
const sendEmailOtp = (field) => (ctx) => {
    const { user, token } = pendingLogin(ctx);
    const email = bodyString(ctx, field) ?? '';
    if (!user.email || user.email.toLowerCase() !== email.toLowerCase())
        fail(ctx, 'not the email address of the user', 'EMAIL_ID_NOT_EXISTS');
    sendEmailCode(ctx, `login:${token}:email`, user, user.email, queryString(ctx, 'emailtemplate2fa'));
    ctx.note = 'email code sent';
    return ok({ IsPosted: true });
};
const verifyEmailOtp = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    const check = ctx.tenant.takeCode(`login:${token}:email`, bodyString(ctx, 'otp') ?? '', bodyString(ctx, 'emailid') ?? '');
    if (check === 'expired')
        fail(ctx, 'email code expired', 'EMAIL_OTP_EXPIRED', 'OTP_EXPIRED');
    if (check === 'wrong')
        wrongCode(ctx, loginCounter(session), 'email code', 'EMAIL_OTP_NOT_EXISTS', 'OTP_NOT_EXISTS');
    user.enabled.email = true;
    return finish(ctx, token, user, 'email code');
};
const verifySecurityQuestions = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    if (!user.enabled.securityquestions)
        fail(ctx, 'the user has no security questions', 'TWO_FACTOR_SECURITY_QUESTION_AUTHENTICATION_NOT_VERIFIED');
    const check = checkAnswers(user, givenAnswers(ctx));
    if (check === 'unknown-question')
        fail(ctx, 'not one of the user\'s questions', 'SECURITY_QUESTION_NOT_VALID');
    if (check === 'wrong')
        wrongCode(ctx, loginCounter(session), 'security answer', 'SECURITY_ANSWER_INVALID', 'SECURITY_QUESTION_OR_ANSWER_INVALID');
    return finish(ctx, token, user, 'security questions');
};
/** Sets security questions while the login is pending, which completes it (as the documented 200 says). */
const setSecurityQuestions = (ctx) => {
    const { user, token } = pendingLogin(ctx);
    if (user.enabled.securityquestions)
        fail(ctx, 'security questions are already set', 'TWO_FACTOR_AUTHENTICATION_METHOD_ENABLED');
    setAnswers(ctx, user);
    return finish(ctx, token, user, 'setting security questions');
};
/** A new SMS code for the pending login; the previous one stops working. */
const resendSms = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    const phone = session.pendingPhone ?? (user.enabled.sms ? user.mfaPhone : undefined);
    if (!phone)
        fail(ctx, 'the user has no MFA phone', 'TWO_FACTOR_AUTHENTICATION_PHONE_NOT_VERIFIED');
    const sid = sendSms(ctx, `login:${token}:sms`, user, phone, queryString(ctx, 'smstemplate2fa'));
    ctx.note = 'SMS code re-sent; the previous one is void';
    return ok({ AccountSid: null, Sid: sid });
};
/** Sets the phone for SMS codes while the login is pending; verifying the code sent there enables it. */
const updatePhone = (ctx) => {
    const { user, session, token } = pendingLogin(ctx);
    const phone = bodyString(ctx, 'phoneno2fa') ?? '';
    session.pendingPhone = phone;
    const sid = sendSms(ctx, `login:${token}:sms`, user, phone, queryString(ctx, 'smstemplate2fa'));
    ctx.note = 'MFA phone set for this login, SMS code sent';
    return ok({ AccountSid: null, Sid: sid });
};
export const loginSteps = {
    loginWithPassword,
    legacyMfaLogin,
    mfaLoginVerifySms: verifySms,
    legacyMfaLoginVerifySms: verifySms,
    mfaLoginVerifyTotp: verifyTotp('either'),
    legacyMfaLoginVerifyAuthenticatorCode: verifyTotp('either'),
    legacyMfaLoginVerifyGoogleAuthenticatorCode: verifyTotp('googleauthenticatorcode'),
    mfaLoginVerifyBackupCode: verifyBackupCode,
    legacyMfaLoginVerifyBackupCode: verifyBackupCode,
    mfaLoginSendEmailOtp: sendEmailOtp('email'),
    legacyMfaLoginSendEmailOtp: sendEmailOtp('emailid'),
    mfaLoginVerifyEmailOtp: verifyEmailOtp,
    legacyMfaLoginVerifyEmailOtp: verifyEmailOtp,
    mfaLoginResendOtp: resendSms,
    mfaLoginResendSmsOtp: resendSms,
    mfaLoginUpdatePhone: updatePhone,
    mfaLoginVerifySecurityQuestions: verifySecurityQuestions,
    mfaLoginSetSecurityQuestions: setSecurityQuestions,
    legacyMfaLoginUpdatePhone: updatePhone,
};
