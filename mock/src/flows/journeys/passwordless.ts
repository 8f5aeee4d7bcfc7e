// Passwordless login: an email with a link (its verification token) and a code, or an SMS code. Verifying gives
// a login (or the MFA-required answer for a user with a second factor). A request that carries a profile for an
// unknown email or phone registers that user first.
import { uuid } from '../random.js';
import { ConflictError } from '../tenant.js';
import type { User, UserSpec } from '../users.js';
import { bodyString, bodyValue, expiresAt, fail, firstFactorPassed, ok, queryString, sendEmailCode, sendSms, type FlowContext, type Step } from './context.js';

const DEFAULT_VERIFICATION_URL = 'https://example.com/passwordless-login';

function emailLink(ctx: FlowContext, user: User, template: string | undefined) {
  if (!user.email) fail(ctx, 'the user has no email address', 'EMAIL_ID_NOT_EXISTS', 'USER_NOT_EXISTS');
  const token = ctx.tenant.issueToken(uuid(ctx.tenant.random), { kind: 'passwordless-link', uid: user.uid, expiresAt: expiresAt(ctx, ctx.options.lifetimes.passwordlessLinkSeconds) });
  const base = queryString(ctx, 'verificationurl') ?? DEFAULT_VERIFICATION_URL;
  const link = `${base}${base.includes('?') ? '&' : '?'}vtoken=${encodeURIComponent(token)}`;
  // One email carries both the link and a code, so either verification works.
  sendEmailCode(ctx, `passwordless:${user.uid}:email`, user, user.email, template, { url: link, token });
  return ok({ IsPosted: true });
}

const sendEmailLink: Step = (ctx) => {
  const email = queryString(ctx, 'email');
  const username = queryString(ctx, 'username');
  const user = email !== undefined ? ctx.tenant.findUser('email', email) : username !== undefined ? ctx.tenant.findUser('username', username) : undefined;
  if (!user) fail(ctx, 'no such user', email !== undefined ? 'EMAIL_ID_NOT_EXISTS' : 'USER_NOT_EXISTS', 'USER_NOT_EXISTS');
  ctx.note = 'passwordless email sent (link and code)';
  return emailLink(ctx, user, queryString(ctx, 'passwordlesslogintemplate'));
};

/** The profile members the mock keeps from a passwordless registration. */
function profileSpec(ctx: FlowContext): UserSpec {
  const emails = bodyValue(ctx, 'Email');
  const primary = Array.isArray(emails) ? (emails.find((e) => e?.Type === 'Primary') ?? emails[0]) : undefined;
  const spec: UserSpec = { factors: [] };
  if (typeof primary?.Value === 'string') spec.email = primary.Value;
  for (const [from, to] of [['PhoneId', 'phone'], ['UserName', 'username'], ['FirstName', 'firstName'], ['LastName', 'lastName']] as const) {
    const value = bodyString(ctx, from);
    if (value !== undefined) spec[to] = value;
  }
  return spec;
}

/** The known user the profile names, else a new user registered from it (unverified until the code or link). */
function knownOrRegistered(ctx: FlowContext, by: 'email' | 'phone'): User {
  const spec = profileSpec(ctx);
  const existing = spec[by] === undefined ? undefined : ctx.tenant.findUser(by, spec[by]);
  if (existing) return existing;
  try {
    const user = ctx.tenant.addUser(spec);
    user.emailVerified = false;
    user.phoneVerified = false;
    ctx.note = `registered ${user.uid}; `;
    return user;
  } catch (error) {
    if (error instanceof ConflictError) fail(ctx, error.message, 'SERVER_SIDE_VALIDATION_ERROR');
    throw error;
  }
}

const sendEmailLinkWithProfile: Step = (ctx) => {
  ctx.note = '';
  const user = knownOrRegistered(ctx, 'email');
  const response = emailLink(ctx, user, queryString(ctx, 'emailtemplate'));
  ctx.note += 'passwordless email sent (link and code)';
  return response;
};

const verifyEmailLink: Step = (ctx) => {
  const token = queryString(ctx, 'verificationtoken') ?? '';
  const record = ctx.tenant.token(token);
  if (!record || record.kind !== 'passwordless-link') fail(ctx, 'unknown verification token', 'VERIFICATION_VTOKEN_NOT_VALID');
  if (record.consumedAt !== undefined) fail(ctx, 'link already used', 'LINK_ALREADY_USED');
  if (record.expiresAt <= ctx.tenant.now()) fail(ctx, 'link expired', 'LINK_EXPIRED', 'LINK_INVALID');
  const user = ctx.tenant.user(record.uid);
  if (!user) fail(ctx, 'the user of the link was deleted', 'VERIFICATION_VTOKEN_NOT_VALID');
  record.consumedAt = ctx.tenant.now();
  user.emailVerified = true;
  return ok(firstFactorPassed(ctx, user).body);
};

/** Verifies a passwordless code sent to `user` over `channel`. */
function verifyCode(ctx: FlowContext, user: User, channel: 'email' | 'phone', given: string) {
  const check = ctx.tenant.takeCode(`passwordless:${user.uid}:${channel}`, given);
  if (check === 'expired') fail(ctx, 'code expired', 'OTP_EXPIRED', 'OTP_INVALID', 'OTP_NOT_EXISTS');
  if (check === 'wrong') fail(ctx, 'wrong code', 'OTP_NOT_EXISTS');
  if (channel === 'email') user.emailVerified = true;
  else user.phoneVerified = true;
  return ok(firstFactorPassed(ctx, user).body);
}

const verifyEmailOtp: Step = (ctx) => {
  const user = ctx.tenant.findUser('email', bodyString(ctx, 'Email') ?? '');
  if (!user) fail(ctx, 'no such email', 'EMAIL_ID_NOT_EXISTS');
  return verifyCode(ctx, user, 'email', bodyString(ctx, 'Otp') ?? '');
};

const verifyUsernameOtp: Step = (ctx) => {
  const user = ctx.tenant.findUser('username', bodyString(ctx, 'UserName') ?? '');
  if (!user) fail(ctx, 'no such username', 'USER_NOT_EXISTS');
  return verifyCode(ctx, user, 'email', bodyString(ctx, 'Otp') ?? '');
};

function phoneCode(ctx: FlowContext, user: User) {
  if (!user.phone) fail(ctx, 'the user has no phone', 'PHONE_NUMBER_NOT_EXISTS');
  const sid = sendSms(ctx, `passwordless:${user.uid}:phone`, user, user.phone, queryString(ctx, 'smstemplate'));
  ctx.note = `${ctx.note}passwordless SMS code sent`;
  return ok({ IsPosted: true, Data: { AccountSid: null, Sid: sid } });
}

const sendPhoneOtp: Step = (ctx) => {
  ctx.note = '';
  const user = ctx.tenant.findUser('phone', queryString(ctx, 'phone') ?? '');
  if (!user) fail(ctx, 'no such phone', 'PHONE_NUMBER_NOT_EXISTS');
  return phoneCode(ctx, user);
};

const sendPhoneOtpWithProfile: Step = (ctx) => {
  ctx.note = '';
  return phoneCode(ctx, knownOrRegistered(ctx, 'phone'));
};

const verifyPhoneOtp: Step = (ctx) => {
  const user = ctx.tenant.findUser('phone', bodyString(ctx, 'Phone') ?? '');
  if (!user) fail(ctx, 'no such phone', 'PHONE_NUMBER_NOT_EXISTS');
  return verifyCode(ctx, user, 'phone', bodyString(ctx, 'OTP') ?? '');
};

export const passwordlessSteps: Record<string, Step> = {
  passwordlessSendEmailLink: sendEmailLink,
  passwordlessSendEmailLinkWithProfile: sendEmailLinkWithProfile,
  passwordlessVerifyEmailLink: verifyEmailLink,
  passwordlessVerifyEmailOtp: verifyEmailOtp,
  passwordlessVerifyUsernameOtp: verifyUsernameOtp,
  passwordlessSendPhoneOtp: sendPhoneOtp,
  passwordlessSendPhoneOtpWithProfile: sendPhoneOtpWithProfile,
  passwordlessVerifyPhoneOtp: verifyPhoneOtp,
};
