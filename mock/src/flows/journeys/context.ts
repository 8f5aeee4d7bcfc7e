// What every journey step gets: the request, the tenant, the documented answers, and small helpers that either
// return a value or stop the step with a documented error (thrown as a Reply, caught by the dispatcher).
import { verifySync } from 'otplib';
import { dotNetDate, NO_DATE } from '../clock.js';
import type { MockResponse, NormalisedRequest } from '../../pipeline/types.js';
import type { DocumentedAnswers } from '../documented.js';
import type { ResolvedOptions } from '../options.js';
import { digits, uuid } from '../random.js';
import type { Tenant, TokenRecord } from '../tenant.js';
import { hasSecondFactor, profileOf, settingsOf, type User } from '../users.js';

/** Thrown to end a step early with a response (a documented error, as a rule). */
export class Reply {
  constructor(readonly response: MockResponse) {}
}

export interface FlowContext {
  req: NormalisedRequest;
  tenant: Tenant;
  answers: DocumentedAnswers;
  options: ResolvedOptions;
  /** What the flow did, for the `X-Mock-Flow` header and the journal. */
  note: string;
}

export type Step = (ctx: FlowContext) => MockResponse;

export const ok = (body: unknown, status = 200): MockResponse => ({ status, body });

/** Ends the step with the first of `names` that the operation documents. */
export function fail(ctx: FlowContext, note: string, ...names: string[]): never {
  ctx.note = note;
  throw new Reply(ctx.answers.error(ctx.req.operationId, names));
}

const bodyObject = (ctx: FlowContext): Record<string, unknown> =>
  typeof ctx.req.body === 'object' && ctx.req.body !== null && !Array.isArray(ctx.req.body) ? (ctx.req.body as Record<string, unknown>) : {};

/** A string member of the JSON body (spec spelling), or undefined. */
export function bodyString(ctx: FlowContext, name: string): string | undefined {
  const value = bodyObject(ctx)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function bodyValue(ctx: FlowContext, name: string): unknown {
  return bodyObject(ctx)[name];
}

export function queryString(ctx: FlowContext, name: string): string | undefined {
  const value = ctx.req.query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

// Tokens

function accessTokenOf(req: NormalisedRequest): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  const query = req.query.access_token;
  return bearer || (Array.isArray(query) ? query[0] : query) || undefined;
}

type Access = Extract<TokenRecord, { kind: 'access' }>;
type SecondFactor = Extract<TokenRecord, { kind: 'second-factor' }>;

/** The user behind the request's access token (Bearer header or `access_token` query). */
export function signedIn(ctx: FlowContext): { user: User; access: Access; token: string } {
  const token = accessTokenOf(ctx.req);
  const record = token === undefined ? undefined : ctx.tenant.token(token);
  if (!token || !record || record.kind !== 'access') fail(ctx, 'access token unknown to this API key', 'ACCESS_TOKEN_NOT_VALID');
  if (record.expiresAt <= ctx.tenant.now()) fail(ctx, 'access token expired', 'ACCESS_TOKEN_EXPIRED', 'ACCESS_TOKEN_NOT_VALID');
  const user = ctx.tenant.user(record.uid);
  if (!user) fail(ctx, 'the user of the token was deleted', 'ACCESS_TOKEN_NOT_VALID');
  return { user, access: record, token };
}

/** The pending MFA login named by `secondfactorauthenticationtoken`. */
export function pendingLogin(ctx: FlowContext): { user: User; session: SecondFactor; token: string } {
  const token = queryString(ctx, 'secondfactorauthenticationtoken');
  const record = token === undefined ? undefined : ctx.tenant.token(token);
  if (!token || !record || record.kind !== 'second-factor') fail(ctx, 'second-factor token unknown or already used', 'TWO_FACTOR_AUTHENTICATION_TOKEN_NOT_VALID');
  if (record.locked) fail(ctx, 'this MFA login was locked by wrong codes; log in again', 'LOGIN_IS_LOCKED_FOR_MFA', 'TWO_FACTOR_AUTHENTICATION_TOKEN_NOT_VALID');
  if (record.expiresAt <= ctx.tenant.now()) fail(ctx, 'second-factor token expired', 'TWO_FACTOR_AUTHENTICATION_TOKEN_EXPIRED');
  const user = ctx.tenant.user(record.uid);
  if (!user) fail(ctx, 'the user of the token was deleted', 'TWO_FACTOR_AUTHENTICATION_TOKEN_NOT_VALID');
  return { user, session: record, token };
}

export const expiresAt = (ctx: FlowContext, seconds: number): number => ctx.tenant.now() + seconds * 1000;

/**
 * Counts a wrong code against a pending MFA login or a step-up. Past the limit the session is locked and the
 * answer is LOGIN_IS_LOCKED_FOR_MFA (where the operation documents it); before, the wrong-code error.
 */
/** Counts wrong codes of one pending login or step-up, and locks it. */
export interface WrongCodeCounter {
  wrong(): number;
  lock(): void;
}

export function wrongCode(ctx: FlowContext, counter: WrongCodeCounter, what: string, ...names: string[]): never {
  const count = counter.wrong();
  if (count >= ctx.options.maxWrongCodes && ctx.answers.documents(ctx.req.operationId, 'LOGIN_IS_LOCKED_FOR_MFA')) {
    counter.lock();
    fail(ctx, `wrong ${what} (${count} of ${ctx.options.maxWrongCodes}): locked`, 'LOGIN_IS_LOCKED_FOR_MFA');
  }
  fail(ctx, `wrong ${what} (${count} of ${ctx.options.maxWrongCodes})`, ...names);
}

export const loginCounter = (session: SecondFactor): WrongCodeCounter => ({
  wrong: () => ++session.wrongCodes,
  lock: () => {
    session.locked = true;
  },
});

// Codes and messages

export function sendSms(ctx: FlowContext, purpose: string, user: User, to: string, template: string | undefined): string {
  const code = digits(ctx.tenant.random, 6);
  ctx.tenant.issueCode(purpose, { code, uid: user.uid, to, expiresAt: expiresAt(ctx, ctx.options.lifetimes.otpSeconds) });
  ctx.tenant.outbox.push({ channel: 'sms', to, template: template ?? 'default', code, operationId: ctx.req.operationId, at: new Date(ctx.tenant.now()).toISOString() });
  return `SM${digits(ctx.tenant.random, 16)}`;
}

/** Emails a code (and a link carrying `link.token`, for passwordless login) to `to`. */
export function sendEmailCode(ctx: FlowContext, purpose: string, user: User, to: string, template: string | undefined, link?: { url: string; token: string }): void {
  const code = digits(ctx.tenant.random, 6);
  ctx.tenant.issueCode(purpose, { code, uid: user.uid, to, expiresAt: expiresAt(ctx, ctx.options.lifetimes.otpSeconds) });
  ctx.tenant.outbox.push({
    channel: 'email',
    to,
    template: template ?? 'default',
    code,
    ...(link ? { link: link.url, token: link.token } : {}),
    operationId: ctx.req.operationId,
    at: new Date(ctx.tenant.now()).toISOString(),
  });
}

/** Checks an authenticator-app code (RFC 6238, 30 s steps, one step of drift) and refuses a replayed one. */
export function totpAccepted(ctx: FlowContext, user: User, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const result = verifySync({
    secret: user.authenticatorSecret,
    token: code,
    epoch: Math.floor(ctx.tenant.now() / 1000),
    epochTolerance: 30,
    ...(user.lastTotpStep === undefined ? {} : { afterTimeStep: user.lastTotpStep }),
  });
  if (!result.valid || !('timeStep' in result)) return false;
  user.lastTotpStep = result.timeStep;
  return true;
}

// Logins

/** A completed login: a new access token and the profile (schema `LoginResponse`). */
export function completeLogin(ctx: FlowContext, user: User): Record<string, unknown> {
  const now = ctx.tenant.now();
  const expires = expiresAt(ctx, ctx.options.lifetimes.accessTokenSeconds);
  const token = ctx.tenant.issueToken(uuid(ctx.tenant.random), { kind: 'access', uid: user.uid, expiresAt: expires, wrongReauthCodes: 0, reauthLocked: false });
  user.logins += 1;
  user.lastLoginAt = now;
  return { access_token: token, expires_in: dotNetDate(expires), refresh_token: uuid(ctx.tenant.random), Profile: profileOf(user) };
}

/**
 * The answer to a passed first factor (password, passwordless link or code): a completed login for a user
 * without MFA, else a pending MFA login (schema `MfaRequiredLoginResponse`), with an SMS code sent at once
 * when the user has the SMS factor, as LoginRadius does.
 */
export function firstFactorPassed(ctx: FlowContext, user: User): { body: Record<string, unknown>; mfa: boolean } {
  if (!hasSecondFactor(user)) {
    ctx.note = 'login completed (no second factor)';
    return { body: completeLogin(ctx, user), mfa: false };
  }
  const expires = expiresAt(ctx, ctx.options.lifetimes.secondFactorTokenSeconds);
  const token = ctx.tenant.issueToken(uuid(ctx.tenant.random), { kind: 'second-factor', uid: user.uid, expiresAt: expires, wrongCodes: 0, locked: false });
  const smsSid = user.enabled.sms && user.mfaPhone ? sendSms(ctx, `login:${token}:sms`, user, user.mfaPhone, queryString(ctx, 'smstemplate2fa')) : undefined;
  ctx.note = `MFA required${smsSid ? ', SMS code sent' : ''}`;
  return {
    body: { ...settingsOf(user, smsSid ? { smsSid } : {}), SecondFactorAuthenticationToken: token, ExpireIn: dotNetDate(expires), access_token: '00000000-0000-0000-0000-000000000000', expires_in: NO_DATE },
    mfa: true,
  };
}
