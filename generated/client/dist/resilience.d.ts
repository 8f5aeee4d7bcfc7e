import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { PathsWithMethod as PathsOf } from 'openapi-typescript-helpers';
import { type LoginRadiusTimeoutError } from './errors.js';
import type { HttpMethod, LoginRadiusClient, LoginRadiusCredentials, LoginRadiusPaths } from './types.js';
export interface RetryOptions {
    /** How many times a request may be sent in all, the first included. Default 3. */
    attempts?: number;
    /**
     * Backoff, in ms: the wait before retry n is a random 50–100 % of `backoff × 2^(n-1)`, capped at `maxDelay`.
     * Default 300.
     */
    backoff?: number;
    /**
     * The longest wait before a retry, in ms (default 10,000). A `Retry-After` (seconds or an HTTP date) is honoured
     * up to this cap; a longer one ends the retries, and the 429 or 503 is returned as it is.
     */
    maxDelay?: number;
}
export interface ResilienceOptions {
    /** Retries (see `RetryOptions`); `false` or absent for none. */
    retry?: RetryOptions | false;
    /** The time a call may take in all (every attempt and wait included), in ms, from the call; `false` or absent for none. */
    timeout?: number | false;
}
/** Per-call options of a `withResilience` client, next to openapi-fetch's own. */
export interface ResilienceCallOptions extends ResilienceOptions {
    /**
     * Whether this call may be sent more than once. Defaults to true for GET, DELETE, HEAD, OPTIONS and TRACE and false
     * for PUT, POST and PATCH: a PUT or POST is retried only when a call says `idempotent: true`. Never say it for
     * a login or an OTP verification: a second OTP attempt counts towards the account lockout.
     */
    idempotent?: boolean;
}
type MediaType = `${string}/${string}`;
type Paths = LoginRadiusPaths<LoginRadiusTimeoutError>;
type PathsWithMethod<M extends HttpMethod> = PathsOf<Paths, M>;
type RequiredKeys<T> = {
    [K in keyof T]: {} extends Pick<T, K> ? never : K;
}[keyof T];
type Extended<Init> = Init & ResilienceCallOptions & {
    [key: string]: unknown;
};
/** As openapi-fetch: the init argument is optional exactly when nothing in it is required. */
type InitParam<Init> = (RequiredKeys<Init> extends undefined ? never : RequiredKeys<Init>) extends never ? [Extended<Init>?] : [Extended<Init>];
export type ResilientMethod<M extends HttpMethod> = <Path extends PathsWithMethod<M>, Init extends MaybeOptionalInit<Paths[Path], M>>(url: Path, ...init: InitParam<Init>) => Promise<FetchResponse<Paths[Path][M] & Record<string | number, any>, Init, MediaType>>;
/** A `LoginRadiusClient` whose calls take `timeout`, `retry` and `idempotent`, and whose errors may be `timeout`. */
export interface ResilientLoginRadiusClient extends Client<Paths, MediaType> {
    GET: ResilientMethod<'get'>;
    PUT: ResilientMethod<'put'>;
    POST: ResilientMethod<'post'>;
    DELETE: ResilientMethod<'delete'>;
    OPTIONS: ResilientMethod<'options'>;
    HEAD: ResilientMethod<'head'>;
    PATCH: ResilientMethod<'patch'>;
    TRACE: ResilientMethod<'trace'>;
    /** A client for other credentials, with the same defaults (see `LoginRadiusClient.withCredentials`). */
    withCredentials(credentials: LoginRadiusCredentials): ResilientLoginRadiusClient;
}
/**
 * A client whose calls retry and time out, wrapped around `client`. `options` are the defaults for every call;
 * a call's own `timeout`, `retry` (merged over the default) and `idempotent` override them.
 *
 * - Retried: network failures (not aborts), 429 and 503, and only for calls that may be sent twice (GET and
 *   DELETE by default; a PUT or POST only with `idempotent: true` on the call). Each attempt is a full call of
 *   `client`, through every middleware. The error returned says how many were made (`attempts`).
 * - `timeout` runs from the call to its answer's body, every attempt and wait included, and gives an error of
 *   kind `timeout`. It composes with the call's own `signal`: whichever aborts first ends the call, and an abort
 *   is never retried.
 */
export declare function withResilience(client: LoginRadiusClient, options?: ResilienceOptions): ResilientLoginRadiusClient;
export {};
