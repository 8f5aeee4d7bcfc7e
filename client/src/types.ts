// The client's types: openapi-fetch's own `Client` over the generated `paths`, with every documented error
// response replaced by the normalised LoginRadiusError of its operation. Being openapi-fetch's `Client` type (not
// a look-alike) is what lets bindings such as openapi-react-query infer the paths from it.
import type { Client, FetchResponse, Middleware, RequestBodyOption } from 'openapi-fetch';
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

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type MediaType = `${string}/${string}`;
type AnyOperation = Record<string | number, any>;

/** The documented success body of an operation (writeOnly fields removed), as openapi-fetch types it. */
export type LoginRadiusData<Op extends AnyOperation, Init = {}> = Exclude<FetchResponse<Op, Init, MediaType>['data'], undefined>;
/** The normalised error of an operation: its documented error bodies, normalised, or a transport error. */
export type LoginRadiusOperationError<Op extends AnyOperation, Init = {}> = LoginRadiusError<
  Exclude<FetchResponse<Op, Init, MediaType>['error'], undefined>
>;

/** An operation as this client answers it: every non-2xx response carries the operation's normalised error (or `Extra`). */
type Normalised<Op, Extra> = Op extends { responses: infer R }
  ? Omit<Op, 'responses'> & {
      responses: {
        [S in keyof R]: `${S & (string | number)}` extends `2${string}`
          ? R[S]
          : { headers: { [name: string]: unknown }; content: { 'application/json': LoginRadiusOperationError<Op & AnyOperation> | Extra } };
      };
    }
  : Op;

/**
 * The spec's `paths` as this client answers them: the same paths, parameters, bodies and success bodies, with
 * `error` the normalised `LoginRadiusError` of each operation. `LoginRadiusClient` is openapi-fetch's
 * `Client<LoginRadiusPaths>`. `Extra` adds error types (the timeout error of `withResilience`).
 */
export type LoginRadiusPaths<Extra = never> = { [P in keyof paths]: { [M in keyof paths[P]]: Normalised<paths[P][M], Extra> } };

/** What every call resolves to (it never rejects, except for a `LoginRadiusConfigError`). */
export type LoginRadiusResult<Op extends AnyOperation, Init = {}> =
  | { data: LoginRadiusData<Op, Init>; error?: never; response: Response }
  | { data?: never; error: LoginRadiusOperationError<Op, Init>; response: Response };

/** A call method (`GET`, `PUT`...): openapi-fetch's, over `LoginRadiusPaths`. */
export type LoginRadiusMethod<M extends HttpMethod> = Client<LoginRadiusPaths, MediaType>[Uppercase<M>];

/**
 * openapi-fetch's `Client` (so `openapi-react-query`, `swr-openapi` and other bindings take it as it is), with
 * `error` typed as the normalised `LoginRadiusError`. `OPTIONS`, `HEAD`, `PATCH` and `TRACE` exist because the
 * `Client` type has them; the API documents no operation for them, so no path type-checks.
 */
export interface LoginRadiusClient extends Client<LoginRadiusPaths, MediaType> {
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
export type ResponseData<Path extends keyof paths, M extends HttpMethod & keyof paths[Path]> = LoginRadiusData<paths[Path][M] & AnyOperation>;
/** The normalised error type of `paths[Path][Method]`. */
export type ResponseError<Path extends keyof paths, M extends HttpMethod & keyof paths[Path]> = LoginRadiusOperationError<
  paths[Path][M] & AnyOperation
>;
/**
 * The request body type of `paths[Path][Method]`, as a request sends it: `writeOnly` fields (passwords, OTPs)
 * are plain (`string`, not the schema type's `$Write<string>` brand) and `readOnly` ones are gone. `never` for
 * an operation that takes no body.
 */
export type RequestBody<Path extends keyof paths, M extends HttpMethod & keyof paths[Path]> = Exclude<
  RequestBodyOption<paths[Path][M]>['body'],
  undefined
>;
