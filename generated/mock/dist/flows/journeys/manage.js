import { fail, queryString } from './context.js';
import { backupCodes, legacyResetFactor, resetFactor } from './enrolment.js';
function byUid(ctx) {
    const user = ctx.tenant.user(queryString(ctx, 'uid') ?? '');
    if (!user)
        fail(ctx, 'no such uid', 'USER_NOT_EXISTS');
    return user;
}
const withUser = (step) => (ctx) => step(ctx, byUid(ctx));
export const manageSteps = {
    mfaGenerateBackupCodesByUid: withUser((ctx, user) => backupCodes(ctx, user, false)),
    mfaResetBackupCodesByUid: withUser((ctx, user) => backupCodes(ctx, user, true)),
    mfaResetSmsByUid: withUser((ctx, user) => resetFactor(ctx, user, 'sms')),
    mfaResetTotpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'authenticator')),
    mfaResetEmailOtpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
    legacyMfaResetEmailOtpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
    legacyMfaResetAuthenticatorByUid: withUser(legacyResetFactor),
    mfaResetSecurityQuestionsByUid: withUser((ctx, user) => resetFactor(ctx, user, 'securityquestions')),
};
