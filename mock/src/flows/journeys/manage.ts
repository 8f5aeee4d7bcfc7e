// By-UID (`/manage/`) operations on the same users the journeys use: backup codes and factor resets.
// The API secret is checked for presence by the contract (Prism); the mock accepts any value.
import type { User } from '../users.js';
import { fail, queryString, type FlowContext, type Step } from './context.js';
import { backupCodes, legacyResetFactor, resetFactor } from './enrolment.js';

function byUid(ctx: FlowContext): User {
  const user = ctx.tenant.user(queryString(ctx, 'uid') ?? '');
  if (!user) fail(ctx, 'no such uid', 'USER_NOT_EXISTS');
  return user;
}

const withUser = (step: (ctx: FlowContext, user: User) => ReturnType<Step>): Step => (ctx) => step(ctx, byUid(ctx));

export const manageSteps: Record<string, Step> = {
  mfaGenerateBackupCodesByUid: withUser((ctx, user) => backupCodes(ctx, user, false)),
  mfaResetBackupCodesByUid: withUser((ctx, user) => backupCodes(ctx, user, true)),
  mfaResetSmsByUid: withUser((ctx, user) => resetFactor(ctx, user, 'sms')),
  mfaResetTotpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'authenticator')),
  mfaResetEmailOtpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
  legacyMfaResetEmailOtpByUid: withUser((ctx, user) => resetFactor(ctx, user, 'email')),
  legacyMfaResetAuthenticatorByUid: withUser(legacyResetFactor),
  mfaResetSecurityQuestionsByUid: withUser((ctx, user) => resetFactor(ctx, user, 'securityquestions')),
};
