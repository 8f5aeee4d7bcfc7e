import type { components } from './schema.js';
/** Why a call was refused before any request was sent. See `LoginRadiusConfigError`. */
export type LoginRadiusConfigErrorCode = 
/** `createLoginRadiusClient` was called without a non-empty `apiKey`. */
'API_KEY_REQUIRED'
/** A `/manage/` call, and no API secret was configured or passed for it. */
 | 'API_SECRET_REQUIRED'
/** An API secret (header or `apisecret` query parameter) was passed to a path that is not `/manage/`. */
 | 'API_SECRET_NOT_ALLOWED'
/** An MFA configuration call (`/v2/manage/2fa/`), and no M2M token was configured or passed for it. */
 | 'M2M_TOKEN_REQUIRED'
/** `withResilience` or one of its calls got a `timeout`, `attempts`, `backoff` or `maxDelay` that is not a number in range. */
 | 'INVALID_OPTION';
/**
 * Thrown (the call's promise rejects) when the client is misconfigured, always before any request is sent:
 * these are bugs to fix, not conditions to handle at run time. Everything that happens on the wire is
 * returned in `{ error }` instead. `message` is `LoginRadius <code>: <detail>`.
 */
export declare class LoginRadiusConfigError extends Error {
    readonly code: LoginRadiusConfigErrorCode;
    name: string;
    constructor(code: LoginRadiusConfigErrorCode, detail: string);
}
/** Synthetic `ErrorCode`s (all negative, so they never collide with LoginRadius's own codes). */
export declare const LoginRadiusErrorCode: {
    /**
     * `fetch` rejected (connection refused or reset, DNS or TLS failure, abort, timeout), the body was cut off while
     * being read, or one of your middlewares threw: `cause` holds what was thrown.
     */
    readonly Network: -1;
    /** The response had no body where one was expected (any status but 204). */
    readonly EmptyBody: -2;
    /** The body is not JSON (an HTML 502 page from a proxy, plain text). */
    readonly NotJson: -3;
    /** The body claims to be JSON (`Content-Type: application/json`) but does not parse: truncated, cut off. */
    readonly InvalidJson: -4;
    /** A JSON error body that carries no LoginRadius error code in any casing. */
    readonly UnexpectedBody: -5;
    /** No complete answer within the call's `timeout` (only from a client made with `withResilience`, from `loginradius-mfa-client/resilience`). */
    readonly Timeout: -6;
};
interface Base {
    /** LoginRadius's error code (positive), or one of `LoginRadiusErrorCode` (negative) for transport failures. */
    ErrorCode: number;
    /** Short summary. */
    Message: string;
    /** Longer explanation. */
    Description: string;
    /**
     * How many times the request was sent, the last answer being this error: set by a client made with
     * `withResilience` (1 when no retry happened), absent otherwise.
     */
    attempts?: number;
}
type CaseVariants = 'ErrorCode' | 'errorCode' | 'errorcode' | 'Message' | 'message' | 'Description' | 'description';
type KeysOf<T> = T extends unknown ? keyof T : never;
type ValueOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/**
 * An error body the API sent, whatever its casing (`ErrorCode`, `errorCode`, `errorcode`...), normalised to
 * `ErrorCode` / `Message` / `Description`; every other property of the body is kept as it came (typed from the
 * documented error bodies, all optional, since each envelope carries a different set).
 */
export type LoginRadiusApiError<Body = components['schemas']['ErrorResponse']> = Base & {
    kind: 'api';
} & {
    [K in Exclude<KeysOf<Body>, CaseVariants | 'kind'>]?: ValueOf<Body, K>;
};
/** The request did not complete (see `LoginRadiusErrorCode.Network`); `cause` is what was thrown (a `TypeError`, an `AbortError`...). */
export interface LoginRadiusNetworkError extends Base {
    kind: 'network';
    ErrorCode: -1;
    cause: unknown;
}
/** No body at all (any status but 204). */
export interface LoginRadiusEmptyBodyError extends Base {
    kind: 'empty-body';
    ErrorCode: -2;
}
/** A body that is not JSON; `body` is its text. */
export interface LoginRadiusNotJsonError extends Base {
    kind: 'not-json';
    ErrorCode: -3;
    body: string;
}
/** A JSON content type whose body does not parse (truncated); `body` is its text. */
export interface LoginRadiusInvalidJsonError extends Base {
    kind: 'invalid-json';
    ErrorCode: -4;
    body: string;
}
/** A non-2xx JSON body with no LoginRadius error code in it; `body` is the parsed value. */
export interface LoginRadiusUnexpectedBodyError extends Base {
    kind: 'unexpected-body';
    ErrorCode: -5;
    body: unknown;
}
/**
 * The call's `timeout` ran out (a client made with `withResilience`): before an answer, while its body was being
 * read, or while waiting to retry. `cause` is the `TimeoutError` DOMException the request was aborted with.
 */
export interface LoginRadiusTimeoutError extends Base {
    kind: 'timeout';
    ErrorCode: -6;
    /** The `TimeoutError` DOMException; its message (also the error's `Description`) names the timeout in ms. */
    cause: unknown;
}
export type LoginRadiusTransportError = LoginRadiusNetworkError | LoginRadiusEmptyBodyError | LoginRadiusNotJsonError | LoginRadiusInvalidJsonError | LoginRadiusUnexpectedBodyError;
/** Every `error` a call returns: a normalised API error body, or a transport error. Discriminate on `kind`. */
export type LoginRadiusError<Body = components['schemas']['ErrorResponse']> = LoginRadiusApiError<Body> | LoginRadiusTransportError;
export type LoginRadiusErrorKind = LoginRadiusError['kind'] | 'timeout';
/**
 * True when `error` is an error this client returned. With a number, also checks `ErrorCode` (LoginRadius's
 * code, or a negative `LoginRadiusErrorCode`); with a string, checks `kind` (and narrows to that kind).
 */
export declare function isLoginRadiusError<K extends LoginRadiusErrorKind>(error: unknown, kind: K): error is Extract<LoginRadiusError | LoginRadiusTimeoutError, {
    kind: K;
}>;
export declare function isLoginRadiusError<C extends number>(error: unknown, code: C): error is LoginRadiusError & {
    ErrorCode: C;
};
export declare function isLoginRadiusError(error: unknown): error is LoginRadiusError;
export {};
