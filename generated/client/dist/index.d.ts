import type { LoginRadiusClient, LoginRadiusClientOptions } from './types.js';
export type * from './schema.js';
export type * from './types.js';
export * from './errors.js';
export * from './mfa.js';
/**
 * Whether a final request URL is a `/manage/` operation of the API at `baseUrl`: its normalised path (see
 * pathUnderBase) goes on from the base path with `/identity/v2/manage/` in any casing.
 */
export declare function isManagePath(url: string, baseUrl: string): boolean;
/**
 * Whether a final request URL is an MFA configuration operation (`/v2/manage/2fa/`, in any casing, right under the
 * base path), the only place the M2M token goes. `maybe` is true also for a URL whose path might reach one once a
 * server decodes it (a `%` escape or `;`): such a URL gets no token at all.
 */
export declare function isM2mPath(url: string, baseUrl: string, { maybe }?: {
    maybe?: boolean | undefined;
}): boolean;
/**
 * A typed client for the LoginRadius MFA, step-up and passwordless API, built on openapi-fetch. Throws
 * `LoginRadiusConfigError` (`API_KEY_REQUIRED`) without an API key.
 */
export declare function createLoginRadiusClient({ apiKey, accessToken, apiSecret, m2mToken, baseUrl, fetch: custom, }?: LoginRadiusClientOptions): LoginRadiusClient;
