import { hasSecondFactor, newAuthenticatorSecret, newBackupCodes, profileOf, settingsOf } from '../users.js';
import { bodyString, bodyValue, fail, ok, queryString, sendEmailCode, sendSms, signedIn, totpAccepted } from './context.js';
import { setAnswers } from './security-questions.js';
const getSettings = (ctx) => {
    const { user } = signedIn(ctx);
    ctx.note = user.enabled.authenticator ? 'MFA settings' : 'MFA settings with the pending authenticator secret';
    return ok(settingsOf(user));
};
const enabled = (ctx, user, factor, how) => {
    user.enabled[factor] = true;
    ctx.note = `${factor} factor enabled by ${how}`;
    return ok(profileOf(user));
};
const verifyTotp = (ctx) => {
    const { user } = signedIn(ctx);
    const code = bodyString(ctx, 'authenticatorcode') ?? bodyString(ctx, 'googleauthenticatorcode') ?? '';
    if (!totpAccepted(ctx, user, code))
        fail(ctx, 'wrong authenticator code', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT_OLD', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT_OLD_MFA');
    return enabled(ctx, user, 'authenticator', 'authenticator code');
};
/** Sends a code to a new MFA phone; verifying it (PUT /2fa/sms) makes it the SMS factor's number. */
const updatePhone = (ctx) => {
    const { user } = signedIn(ctx);
    const phone = bodyString(ctx, 'phoneno2fa') ?? '';
    const sid = sendSms(ctx, `enrol:${user.uid}:sms`, user, phone, queryString(ctx, 'smstemplate2fa'));
    ctx.note = 'SMS code sent to the new MFA phone';
    return ok({ AccountSid: null, Sid: sid });
};
const verifySms = (ctx) => {
    const { user } = signedIn(ctx);
    const purpose = `enrol:${user.uid}:sms`;
    const pendingPhone = ctx.tenant.liveCode(purpose)?.to;
    const check = ctx.tenant.takeCode(purpose, bodyString(ctx, 'otp') ?? '');
    if (check === 'expired')
        fail(ctx, 'SMS code expired', 'OTP_EXPIRED', 'OTP_INVALID', 'OTP_NOT_EXISTS');
    if (check === 'wrong')
        fail(ctx, 'wrong SMS code', 'OTP_NOT_EXISTS', 'OTP_INVALID');
    user.mfaPhone = pendingPhone;
    return enabled(ctx, user, 'sms', `SMS code to ${pendingPhone}`);
};
const sendEmailOtp = (ctx) => {
    const { user } = signedIn(ctx);
    const email = queryString(ctx, 'emailid') ?? user.email;
    if (!email || !user.email || email.toLowerCase() !== user.email.toLowerCase())
        fail(ctx, 'not the email address of the user', 'EMAILID_REQUIRD', 'USER_NOT_EXISTS');
    sendEmailCode(ctx, `enrol:${user.uid}:email`, user, user.email, queryString(ctx, 'emailtemplate2fa'));
    ctx.note = 'email code sent';
    return ok({ IsPosted: true });
};
const verifyEmailOtp = (ctx) => {
    const { user } = signedIn(ctx);
    const check = ctx.tenant.takeCode(`enrol:${user.uid}:email`, bodyString(ctx, 'otp') ?? '', bodyString(ctx, 'emailid') ?? '');
    if (check !== 'ok')
        fail(ctx, check === 'expired' ? 'email code expired' : 'wrong email code', 'OTP_NOT_EXISTS');
    return enabled(ctx, user, 'email', 'email code');
};
/** Turns a factor off. Resetting the authenticator also forgets its secret, so set-up starts afresh. */
export function resetFactor(ctx, user, factor) {
    if (!user.enabled[factor]) {
        if (ctx.answers.documents(ctx.req.operationId, 'TWO_FACTOR_AUTHENTICATION_NOT_VALID_FOR_DELETE'))
            fail(ctx, `${factor} was not enabled`, 'TWO_FACTOR_AUTHENTICATION_NOT_VALID_FOR_DELETE');
        ctx.note = `${factor} was not enabled`;
        return ok({ IsDeleted: false, RecordsDeleted: 0 });
    }
    user.enabled[factor] = false;
    if (factor === 'authenticator')
        user.authenticatorSecret = newAuthenticatorSecret(ctx.tenant.random);
    if (factor === 'sms')
        delete user.mfaPhone;
    if (factor === 'securityquestions')
        user.securityAnswers.clear();
    // Backup codes back up the other factors; with none left they go too.
    if (!hasSecondFactor(user))
        user.backupCodes.clear();
    ctx.note = `${factor} factor turned off`;
    return ok({ IsDeleted: true, RecordsDeleted: 1 });
}
/** The legacy reset: DELETE /2fa/authenticator with `{"authenticator": true}` or `{"otpauthenticator": true}`. */
export function legacyResetFactor(ctx, user) {
    const authenticator = bodyValue(ctx, 'authenticator') === true || bodyValue(ctx, 'googleauthenticator') === true;
    const sms = bodyValue(ctx, 'otpauthenticator') === true;
    if (!authenticator && !sms)
        fail(ctx, 'the body names no factor to reset', 'TWO_FACTOR_AUTHENTICATION_NOT_VALID_FOR_DELETE', 'DELETE_BODY_INVALID');
    if (authenticator && sms) {
        resetFactor(ctx, user, 'sms');
        return resetFactor(ctx, user, 'authenticator');
    }
    return resetFactor(ctx, user, authenticator ? 'authenticator' : 'sms');
}
/** Issues ten backup codes. `replace` voids the old ones; otherwise existing codes are the documented 1127. */
export function backupCodes(ctx, user, replace) {
    if (!hasSecondFactor(user))
        fail(ctx, 'backup codes need a second factor first', 'TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE', 'TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED');
    if (!replace && user.backupCodes.size > 0)
        fail(ctx, 'backup codes already issued', 'TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_ALREADY_CONFIGURED');
    user.backupCodes = newBackupCodes(ctx.tenant.random);
    ctx.note = replace ? 'new backup codes; the old ones are void' : 'backup codes issued';
    return ok({ BackUpCodes: [...user.backupCodes] });
}
/** Sets the user's security questions; existing ones are replaced only when `replacesecurityquestionanswer` is true. */
const setSecurityQuestions = (ctx) => {
    const { user } = signedIn(ctx);
    if (user.enabled.securityquestions && bodyValue(ctx, 'replacesecurityquestionanswer') !== true)
        fail(ctx, 'security questions already set (send replacesecurityquestionanswer: true)', 'TWO_FACTOR_AUTHENTICATION_METHOD_ENABLED');
    setAnswers(ctx, user);
    ctx.note = 'security questions set';
    return ok({ IsPosted: true });
};
const withUser = (step) => (ctx) => step(ctx, signedIn(ctx).user);
export const enrolmentSteps = {
    mfaGetSettings: getSettings,
    mfaVerifyTotpByAccessToken: verifyTotp,
    legacyMfaVerifyAuthenticatorCodeByAccessToken: verifyTotp,
    legacyMfaVerifyGoogleAuthenticatorCodeByAccessToken: verifyTotp,
    mfaUpdatePhoneByAccessToken: updatePhone,
    legacyMfaUpdatePhoneByAccessToken: updatePhone,
    mfaVerifySmsByAccessToken: verifySms,
    legacyMfaVerifySmsByAccessToken: verifySms,
    mfaSendEmailOtpByAccessToken: sendEmailOtp,
    legacyMfaSendEmailOtpByAccessToken: sendEmailOtp,
    mfaVerifyEmailOtpByAccessToken: verifyEmailOtp,
    legacyMfaVerifyEmailOtpByAccessToken: verifyEmailOtp,
    mfaResetSmsByAccessToken: withUser((ctx, user) => resetFactor(ctx, user, 'sms')),
    mfaResetTotpByAccessToken: withUser((ctx, user) => resetFactor(ctx, user, 'authenticator')),
    mfaResetEmailOtpByAccessToken: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
    legacyMfaResetEmailOtpByAccessToken: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
    legacyMfaResetAuthenticatorByAccessToken: withUser(legacyResetFactor),
    mfaSetSecurityQuestionsByAccessToken: setSecurityQuestions,
    mfaResetSecurityQuestionsByAccessToken: withUser((ctx, user) => resetFactor(ctx, user, 'securityquestions')),
    mfaGenerateBackupCodesByAccessToken: withUser((ctx, user) => backupCodes(ctx, user, false)),
    mfaResetBackupCodesByAccessToken: withUser((ctx, user) => backupCodes(ctx, user, true)),
};
