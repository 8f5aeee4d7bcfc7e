import type { FetchResponse, MaybeOptionalInit, Middleware } from 'openapi-fetch';
import type { LoginRadiusError } from './errors.js';
import type { paths } from './schema.js';
export interface LoginRadiusClientOptions {
    /** The site's API key (public), sent as the `apikey` query parameter on every call. Required. */
    apiKey: string;
    /** The user's access token, sent as `Authorization: Bearer` (never in the URL) on every non-`/manage/` call. */
    accessToken?: string;
    /** The API secret, sent as `X-LoginRadius-ApiSecret` to `/identity/v2/manage/` paths only. Server-side use only. */
    apiSecret?: string;
    /**
     * An M2M access token (a JWT from LoginRadius's OAuth client-credentials grant), sent as `Authorization: Bearer`
     * to the MFA configuration paths (`/v2/manage/2fa/`) only. Server-side use only.
     */
    m2mToken?: string;
    /** Defaults to `https://api.loginradius.com`. A path prefix (a proxy mount point) is allowed. */
    baseUrl?: string;
    /**
     * A fetch implementation (defaults to the global one, looked up at each call), for tests, proxies, retries or
     * instrumentation. It is called the way apps call fetch: `(url, init)` (or `(request)` when one of your
     * middlewares returned a Request).
     */
    fetch?: typeof globalThis.fetch;
}
/** Credentials for `client.withCredentials()`: a value replaces the client's, `null` (or `undefined`) removes it, a key left out keeps it. */
export interface LoginRadiusCredentials {
    accessToken?: string | null;
    apiSecret?: string | null;
    m2mToken?: string | null;
}
type HttpMethod = 'get' | 'put' | 'post' | 'delete';
type MediaType = `${string}/${string}`;
type PathsWithMethod<P, M extends HttpMethod> = {
    [K in keyof P]: P[K] extends {
        [X in M]: unknown;
    } ? K : never;
}[keyof P];
type RequiredKeys<T> = {
    [K in keyof T]: {} extends Pick<T, K> ? never : K;
}[keyof T];
type RequiredKeysOf<T> = RequiredKeys<T> extends undefined ? never : RequiredKeys<T>;
/** As openapi-fetch: the init argument is optional exactly when nothing in it is required. */
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & {
    [key: string]: unknown;
})?] : [Init & {
    [key: string]: unknown;
}];
/** The documented success body of an operation (writeOnly fields removed), as openapi-fetch types it. */
export type LoginRadiusData<Op extends Record<string | number, any>, Init = {}> = Exclude<FetchResponse<Op, Init, MediaType>['data'], undefined>;
/** The normalised error of an operation: its documented error bodies, normalised, or a transport error. */
export type LoginRadiusOperationError<Op extends Record<string | number, any>, Init = {}> = LoginRadiusError<Exclude<FetchResponse<Op, Init, MediaType>['error'], undefined>>;
/** What every call resolves to (it never rejects, except for a `LoginRadiusConfigError`). */
export type LoginRadiusResult<Op extends Record<string | number, any>, Init = {}> = {
    data: LoginRadiusData<Op, Init>;
    error?: never;
    response: Response;
} | {
    data?: never;
    error: LoginRadiusOperationError<Op, Init>;
    response: Response;
};
export type LoginRadiusMethod<M extends HttpMethod> = <Path extends PathsWithMethod<paths, M>, Init extends MaybeOptionalInit<paths[Path], M>>(url: Path, ...init: InitParam<Init>) => Promise<LoginRadiusResult<paths[Path][M] & Record<string | number, any>, Init>>;
export interface LoginRadiusClient {
    GET: LoginRadiusMethod<'get'>;
    PUT: LoginRadiusMethod<'put'>;
    POST: LoginRadiusMethod<'post'>;
    DELETE: LoginRadiusMethod<'delete'>;
    /** Registers openapi-fetch middleware (shared by this client and every client derived with `withCredentials`). */
    use(...middleware: Middleware[]): void;
    /** Unregisters openapi-fetch middleware. */
    eject(...middleware: Middleware[]): void;
    /**
     * A client for other credentials (a user's own access token, another API secret), sharing this one's
     * API key, base URL, fetch and middleware. A value replaces this client's, `null` removes it, and a
     * missing key keeps it.
     */
    withCredentials(credentials: LoginRadiusCredentials): LoginRadiusClient;
}
/** The success body type of `paths[Path][Method]`, for annotating your own functions. */
export type ResponseData<Path extends keyof paths, M extends HttpMethod & keyof paths[Path]> = LoginRadiusData<paths[Path][M] & Record<string | number, any>>;
/** The normalised error type of `paths[Path][Method]`. */
export type ResponseError<Path extends keyof paths, M extends HttpMethod & keyof paths[Path]> = LoginRadiusOperationError<paths[Path][M] & Record<string | number, any>>;
export {};
