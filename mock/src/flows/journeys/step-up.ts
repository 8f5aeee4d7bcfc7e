// Step-up re-authentication: trigger (an SMS code goes out when the user has that factor), verify by a factor, by
// password or by PIN to get a SecondFactorValidationToken, which the by-UID validation accepts once.
import { dotNetDate } from '../clock.js';
import { uuid } from '../random.js';
import type { TokenRecord } from '../tenant.js';
import { hasSecondFactor, settingsOf, type User } from '../users.js';
import { checkAnswers, givenAnswers } from './security-questions.js';
import {
  bodyString,
  expiresAt,
  fail,
  ok,
  queryString,
  sendEmailCode,
  sendSms,
  signedIn,
  totpAccepted,
  wrongCode,
  type FlowContext,
  type Step,
  type WrongCodeCounter,
} from './context.js';

type Access = Extract<TokenRecord, { kind: 'access' }>;
type Via = Extract<TokenRecord, { kind: 'validation' }>['via'];

const reauthCounter = (access: Access): WrongCodeCounter => ({
  wrong: () => ++access.wrongReauthCodes,
  lock: () => {
    access.reauthLocked = true;
  },
});

/** The signed-in user, unless wrong codes locked step-up for this access token. */
function stepUpUser(ctx: FlowContext): { user: User; access: Access; token: string } {
  const signed = signedIn(ctx);
  if (signed.access.reauthLocked) fail(ctx, 'step-up locked by wrong codes for this access token', 'LOGIN_IS_LOCKED_FOR_MFA');
  return signed;
}

function validationToken(ctx: FlowContext, user: User, via: Via, access?: Access) {
  const expires = expiresAt(ctx, ctx.options.lifetimes.validationTokenSeconds);
  const token = ctx.tenant.issueToken(uuid(ctx.tenant.random), { kind: 'validation', uid: user.uid, expiresAt: expires, via });
  if (access) access.wrongReauthCodes = 0;
  ctx.note = `step-up passed by ${via}; validation token issued`;
  return ok({ SecondFactorValidationToken: token, ExpireIn: dotNetDate(expires) });
}

const trigger: Step = (ctx) => {
  const { user, token } = stepUpUser(ctx);
  if (!hasSecondFactor(user)) fail(ctx, 'the user has no second factor', 'TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_ON_PROFILE');
  const smsSid = user.enabled.sms && user.mfaPhone ? sendSms(ctx, `reauth:${token}:sms`, user, user.mfaPhone, queryString(ctx, 'smstemplate2fa')) : undefined;
  const expires = expiresAt(ctx, ctx.options.lifetimes.secondFactorTokenSeconds);
  ctx.note = `step-up triggered${smsSid ? ', SMS code sent' : ''}`;
  // The token names this challenge as LoginRadius's answer does; the verify operations go by the access token.
  return ok({ ...settingsOf(user, smsSid ? { smsSid } : {}), SecondFactorAuthenticationToken: uuid(ctx.tenant.random), ExpireIn: dotNetDate(expires) });
};

const REQUIRED_BY_TYPE: Record<string, string> = {
  otp: 'OTP_PAYLOAD_REQUIRED',
  backupcode: 'BACKUP_CODE_REQUIRED',
  authenticatorcode: 'AUTHENTICATOR_CODE_REQUIRED',
  googleauthenticatorcode: 'GOOGLE_AUTH_CODE_REQUIRED',
};

/** PUT /reauth/2fa/{type}: the code is the body member named like the type. */
const verifyFactor: Step = (ctx) => {
  const { user, access, token } = stepUpUser(ctx);
  const type = (ctx.req.pathParams.type ?? '').toLowerCase();
  const code = bodyString(ctx, type);
  if (code === undefined) fail(ctx, `no ${type} in the body`, REQUIRED_BY_TYPE[type] ?? 'OTP_PAYLOAD_REQUIRED');
  const counter = reauthCounter(access);
  if (type === 'otp') {
    const check = ctx.tenant.takeCode(`reauth:${token}:sms`, code);
    if (check !== 'ok') wrongCode(ctx, counter, check === 'expired' ? 'SMS code (expired)' : 'SMS code', 'OTP_NOT_EXISTS');
  } else if (type === 'backupcode') {
    if (!user.backupCodes.delete(code)) wrongCode(ctx, counter, 'backup code', 'TWO_FACTOR_AUTHENTICATION_BACKUP_CODE_NOT_VALID');
  } else if (!user.enabled.authenticator || !totpAccepted(ctx, user, code)) {
    wrongCode(ctx, counter, 'authenticator code', 'TWO_FACTOR_AUTHENTICATION_AUTHENTICATOR_CODE_INCORRECT');
  }
  return validationToken(ctx, user, 'mfa', access);
};

const sendEmailOtp: Step = (ctx) => {
  const { user, token } = stepUpUser(ctx);
  const email = queryString(ctx, 'emailid') ?? user.email;
  if (!email || !user.email || email.toLowerCase() !== user.email.toLowerCase()) fail(ctx, 'not the email address of the user', 'EMAIL_ID_NOT_EXIST_IN_PROFILE', 'EMAIL_ID_NOT_EXISTS');
  sendEmailCode(ctx, `reauth:${token}:email`, user, user.email, queryString(ctx, 'emailtemplate') ?? queryString(ctx, 'emailtemplate2fa'));
  ctx.note = 'step-up email code sent';
  return ok({ IsPosted: true });
};

const verifyEmailOtp: Step = (ctx) => {
  const { user, access, token } = stepUpUser(ctx);
  const check = ctx.tenant.takeCode(`reauth:${token}:email`, bodyString(ctx, 'otp') ?? '', bodyString(ctx, 'emailid') ?? '');
  if (check !== 'ok') wrongCode(ctx, reauthCounter(access), check === 'expired' ? 'email code (expired)' : 'email code', 'OTP_NOT_EXISTS', 'OTP_INVALID');
  return validationToken(ctx, user, 'mfa', access);
};

const verifySecurityQuestions: Step = (ctx) => {
  const { user, access } = stepUpUser(ctx);
  if (!user.enabled.securityquestions) fail(ctx, 'the user has no security questions', 'TWO_FACTOR_SECURITY_QUESTION_AUTHENTICATION_NOT_VERIFIED');
  const check = checkAnswers(user, givenAnswers(ctx));
  if (check === 'unknown-question') fail(ctx, 'not one of the user\'s questions', 'SECURITY_QUESTION_NOT_VALID');
  if (check === 'wrong') wrongCode(ctx, reauthCounter(access), 'security answer', 'SECURITY_ANSWER_INVALID', 'SECURITY_QUESTION_OR_ANSWER_INVALID');
  return validationToken(ctx, user, 'mfa', access);
};

const verifyPassword: Step = (ctx) => {
  const { user } = signedIn(ctx);
  if (user.password === undefined || bodyString(ctx, 'password') !== user.password) fail(ctx, 'wrong password', 'PASSWORD_IS_WRONG');
  return validationToken(ctx, user, 'password');
};

const verifyPin: Step = (ctx) => {
  const { user } = signedIn(ctx);
  if (user.pin === undefined) fail(ctx, 'the user has no PIN', 'PIN_NOT_CONFIGURED');
  if (bodyString(ctx, 'pin') !== user.pin) fail(ctx, 'wrong PIN', 'PIN_AUTH_WRONG');
  return validationToken(ctx, user, 'pin');
};

/**
 * POST /manage/account/{uid}/reauth/{2fa|password|pin}: a validation token is good once, for its user and for
 * the kind of step-up that issued it, until it expires.
 */
const validate = (via: Via): Step => (ctx) => {
  const uid = ctx.req.pathParams.uid ?? '';
  if (!ctx.tenant.user(uid)) fail(ctx, 'no such uid', 'USER_NOT_EXISTS');
  const token = bodyString(ctx, 'secondfactorvalidationtoken') ?? '';
  const record = ctx.tenant.token(token);
  const why =
    !record || record.kind !== 'validation' ? 'unknown validation token'
    : record.consumedAt !== undefined ? 'validation token already used'
    : record.expiresAt <= ctx.tenant.now() ? 'validation token expired'
    : record.uid !== uid ? 'validation token of another user'
    : record.via !== via ? `validation token from a ${record.via} step-up`
    : undefined;
  if (why || !record || record.kind !== 'validation') fail(ctx, why ?? 'unknown validation token', 'SECOND_FACTOR_VERIFICATION_TOKEN_NOT_VALID');
  // Kept (marked used) until it expires, so a second use is told apart from an unknown token in the journal.
  record.consumedAt = ctx.tenant.now();
  ctx.note = 'validation token accepted and used up';
  return ok({ IsValid: true });
};

export const stepUpSteps: Record<string, Step> = {
  reauthTrigger: trigger,
  reauthVerifyMfa: verifyFactor,
  reauthSendEmailOtp: sendEmailOtp,
  legacyReauthSendEmailOtp: sendEmailOtp,
  reauthVerifyEmailOtp: verifyEmailOtp,
  reauthVerifyPassword: verifyPassword,
  reauthVerifySecurityQuestions: verifySecurityQuestions,
  reauthVerifyPin: verifyPin,
  reauthValidateMfaToken: validate('mfa'),
  reauthValidatePasswordToken: validate('password'),
  reauthValidatePinToken: validate('pin'),
};
