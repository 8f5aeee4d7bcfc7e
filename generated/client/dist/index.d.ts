import { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';
export type * from './schema.js';
export interface LoginRadiusClientOptions {
    /** The site's API key, sent as the `apikey` query parameter on every call. */
    apiKey: string;
    /** The user's access token, sent as `Authorization: Bearer` on calls that take one. */
    accessToken?: string;
    /** The API secret, sent only to `/manage/` paths, as the `X-LoginRadius-ApiSecret` header. */
    apiSecret?: string;
    /** Defaults to https://api.loginradius.com. */
    baseUrl?: string;
    /** A fetch implementation (defaults to the global one). */
    fetch?: typeof globalThis.fetch;
}
export type LoginRadiusClient = Client<paths>;
export declare function createLoginRadiusClient(options: LoginRadiusClientOptions): LoginRadiusClient;
