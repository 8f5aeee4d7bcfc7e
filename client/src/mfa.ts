// Telling an answer that needs a second factor from a completed one. A login-style operation (a password or
// passwordless login) answers either a completed login or an MFA-required one: the current API flat (the MFA
// settings, a `SecondFactorAuthenticationToken` and the placeholder access token), the older `legacyMfaLogin`
// nested (`SecondFactorAuthentication`). The step-up operations answer a challenge (the trigger) or a
// `SecondFactorValidationToken` (the verifications).
import type { paths } from './schema.js';
import type { HttpMethod, ResponseData } from './types.js';

/** The all-zero access token an MFA-required login answer carries instead of a real one. Never send it. */
export const PLACEHOLDER_ACCESS_TOKEN = '00000000-0000-0000-0000-000000000000';

type Challenge = { SecondFactorAuthenticationToken: string };
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** The members of an answer type `T` that need a second factor (the legacy shape with its challenge set). */
export type MfaRequired<T> = T extends Challenge
  ? T
  : T extends { SecondFactorAuthentication?: infer C }
    ? Omit<T, 'SecondFactorAuthentication' | 'Profile'> & { SecondFactorAuthentication: Exclude<C, null | undefined>; Profile?: null }
    : never;

/** The members of a login answer type `T` that are a completed login: a real `access_token`, no challenge. */
export type LoginCompleted<T> = T extends Challenge
  ? never
  : T extends { access_token?: string }
    ? Omit<T, 'access_token' | 'SecondFactorAuthentication'> & { access_token: string; SecondFactorAuthentication?: null }
    : never;

/** True when `answer` needs a second factor: it carries a `SecondFactorAuthenticationToken`, flat or nested. */
export function isMfaRequired<T extends object>(answer: T): answer is T & MfaRequired<T> {
  const a = answer as { SecondFactorAuthenticationToken?: unknown; SecondFactorAuthentication?: { SecondFactorAuthenticationToken?: unknown } | null };
  return typeof (a.SecondFactorAuthenticationToken ?? a.SecondFactorAuthentication?.SecondFactorAuthenticationToken) == 'string';
}

/**
 * True when a login answer is complete: no second factor pending and a real access token (not the all-zero
 * placeholder). An answer that is neither (a placeholder token and no challenge) fails both guards.
 */
export function isLoginCompleted<T extends object>(answer: T): answer is T & LoginCompleted<T> {
  const token = (answer as { access_token?: unknown }).access_token;
  return !isMfaRequired(answer) && typeof token == 'string' && token != PLACEHOLDER_ACCESS_TOKEN;
}

/** The token to pass as `secondfactorauthenticationtoken` to an MFA-at-login operation, from either shape. */
export function secondFactorToken(answer: object): string | undefined {
  const a = answer as Challenge & { SecondFactorAuthentication?: Challenge | null };
  return isMfaRequired(answer) ? (a.SecondFactorAuthenticationToken ?? a.SecondFactorAuthentication!.SecondFactorAuthenticationToken) : undefined;
}

type Operations = { [P in keyof paths]: { [M in HttpMethod & keyof paths[P]]: paths[P][M] extends { responses: unknown } ? [P, M] : never }[HttpMethod & keyof paths[P]] }[keyof paths];
type AnswerOf<O> = O extends [infer P extends keyof paths, infer M] ? (M extends HttpMethod & keyof paths[P] ? ResponseData<P, M> : never) : never;
type Named<O> = O extends [infer P extends string, infer M extends string] ? `${Uppercase<M>} ${P}` : never;
/** A login answer may need a second factor: it has the nested challenge, or a flat one beside an `access_token`. */
type IsLoginStyle<D> = 'SecondFactorAuthentication' extends KeysOfUnion<D> ? true : 'access_token' extends KeysOfUnion<Extract<D, Challenge>> ? true : false;

/**
 * Every login-style operation, as `'METHOD /path'`, derived from the spec's types: those whose success answer
 * may be an MFA-required login. `isMfaRequired` and `isLoginCompleted` narrow the answer of each.
 */
export type LoginStyleOperation = Operations extends infer O ? (O extends unknown ? (IsLoginStyle<AnswerOf<O>> extends true ? Named<O> : never) : never) : never;
