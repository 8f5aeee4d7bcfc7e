import type { LoginRadiusClient, LoginRadiusClientOptions } from './types.js';
export type * from './schema.js';
export type * from './types.js';
export * from './errors.js';
export * from './mfa.js';
/**
 * Whether a final request URL is a `/manage/` operation of the API at `baseUrl`: the URL's path, as the URL
 * parser normalises it (`..` and `.` resolved, `\\` read as `/`), lies under the base URL's path and goes on
 * with `/identity/v2/manage/` in any casing, and holds no `%` escape or `;` that a server could decode or
 * split differently. The query string and fragment are never looked at.
 */
export declare function isManagePath(url: string, baseUrl: string): boolean;
/**
 * A typed client for the LoginRadius MFA, step-up and passwordless API, built on openapi-fetch. Throws
 * `LoginRadiusConfigError` (`API_KEY_REQUIRED`) without an API key.
 */
export declare function createLoginRadiusClient({ apiKey, accessToken, apiSecret, baseUrl, fetch: custom, }?: LoginRadiusClientOptions): LoginRadiusClient;
