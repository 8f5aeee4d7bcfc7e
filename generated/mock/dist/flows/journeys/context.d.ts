import type { MockResponse, NormalisedRequest } from '../../pipeline/types.js';
import type { DocumentedAnswers } from '../documented.js';
import type { ResolvedOptions } from '../options.js';
import type { Tenant, TokenRecord } from '../tenant.js';
import { type User } from '../users.js';
/** Thrown to end a step early with a response (a documented error, as a rule). */
export declare class Reply {
    readonly response: MockResponse;
    constructor(response: MockResponse);
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
export declare const ok: (body: unknown, status?: number) => MockResponse;
/** Ends the step with the first of `names` that the operation documents. */
export declare function fail(ctx: FlowContext, note: string, ...names: string[]): never;
/** A string member of the JSON body (spec spelling), or undefined. */
export declare function bodyString(ctx: FlowContext, name: string): string | undefined;
export declare function bodyValue(ctx: FlowContext, name: string): unknown;
export declare function queryString(ctx: FlowContext, name: string): string | undefined;
type Access = Extract<TokenRecord, {
    kind: 'access';
}>;
type SecondFactor = Extract<TokenRecord, {
    kind: 'second-factor';
}>;
/** The user behind the request's access token (Bearer header or `access_token` query). */
export declare function signedIn(ctx: FlowContext): {
    user: User;
    access: Access;
    token: string;
};
/** The pending MFA login named by `secondfactorauthenticationtoken`. */
export declare function pendingLogin(ctx: FlowContext): {
    user: User;
    session: SecondFactor;
    token: string;
};
export declare const expiresAt: (ctx: FlowContext, seconds: number) => number;
/**
 * Counts a wrong code against a pending MFA login or a step-up. Past the limit the session is locked and the
 * answer is LOGIN_IS_LOCKED_FOR_MFA (where the operation documents it); before, the wrong-code error.
 */
/** Counts wrong codes of one pending login or step-up, and locks it. */
export interface WrongCodeCounter {
    wrong(): number;
    lock(): void;
}
export declare function wrongCode(ctx: FlowContext, counter: WrongCodeCounter, what: string, ...names: string[]): never;
export declare const loginCounter: (session: SecondFactor) => WrongCodeCounter;
export declare function sendSms(ctx: FlowContext, purpose: string, user: User, to: string, template: string | undefined): string;
/** Emails a code (and a link carrying `link.token`, for passwordless login) to `to`. */
export declare function sendEmailCode(ctx: FlowContext, purpose: string, user: User, to: string, template: string | undefined, link?: {
    url: string;
    token: string;
}): void;
/** Checks an authenticator-app code (RFC 6238, 30 s steps, one step of drift) and refuses a replayed one. */
export declare function totpAccepted(ctx: FlowContext, user: User, code: string): boolean;
/** A completed login: a new access token and the profile (schema `LoginResponse`). */
export declare function completeLogin(ctx: FlowContext, user: User): Record<string, unknown>;
/**
 * The answer to a passed first factor (password, passwordless link or code): a completed login for a user
 * without MFA, else a pending MFA login (schema `MfaRequiredLoginResponse`), with an SMS code sent at once
 * when the user has the SMS factor, as LoginRadius does.
 */
export declare function firstFactorPassed(ctx: FlowContext, user: User): {
    body: Record<string, unknown>;
    mfa: boolean;
};
export {};
