// loginradius-mfa-client/resilience: opt-in retries and a per-call timeout, wrapped around a client. A module
// (and a subpath export) of its own, so that an app that does not import it does not ship it.
import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { PathsWithMethod as PathsOf } from 'openapi-typescript-helpers';
import { LoginRadiusConfigError, type LoginRadiusError, type LoginRadiusTimeoutError } from './errors.js';
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
type RequiredKeys<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type Extended<Init> = Init & ResilienceCallOptions & { [key: string]: unknown };
/** As openapi-fetch: the init argument is optional exactly when nothing in it is required. */
type InitParam<Init> = (RequiredKeys<Init> extends undefined ? never : RequiredKeys<Init>) extends never ? [Extended<Init>?] : [Extended<Init>];

export type ResilientMethod<M extends HttpMethod> = <Path extends PathsWithMethod<M>, Init extends MaybeOptionalInit<Paths[Path], M>>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<FetchResponse<Paths[Path][M] & Record<string | number, any>, Init, MediaType>>;

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

type Result = { data?: unknown; error?: LoginRadiusError | LoginRadiusTimeoutError; response: Response };
type Call = (url: unknown, init?: object) => Promise<Result>;

/** The wait before retry number `retry`, from `Retry-After` or the jittered backoff; undefined: do not retry. */
function delayBefore(retry: number, response: Response, { backoff = 300, maxDelay = 10_000 }: RetryOptions): number | undefined {
  const header = response.headers.get('retry-after');
  if (header) {
    // Seconds, or an HTTP date (fetch's Headers have trimmed the value).
    const wait = /^\d+$/.test(header) ? +header * 1000 : Date.parse(header) - Date.now();
    // A Retry-After longer than the cap ends the retries: retrying sooner than asked only earns another 429.
    if (wait == wait) return wait > maxDelay ? undefined : Math.max(wait, 0);
  }
  const cap = Math.min(maxDelay, backoff * 2 ** (retry - 1));
  return cap / 2 + (Math.random() * cap) / 2;
}

/** Throws `INVALID_OPTION` unless each named value is absent, `false`, or a finite number ≥ 0 (≥ 1 for attempts). */
function check(values: object) {
  for (const [name, value] of Object.entries(values))
    if (value != null && value !== false && !(typeof value == 'number' && value >= +(name == 'attempts') && value < 1 / 0))
      throw new LoginRadiusConfigError('INVALID_OPTION', `${name}: ${value}`);
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
export function withResilience(client: LoginRadiusClient, options: ResilienceOptions = {}): ResilientLoginRadiusClient {
  const send = async (
    method: string,
    url: unknown,
    {
      timeout = options.timeout,
      retry = options.retry,
      // PUT, POST and PATCH are the methods that start with P; HTTP defines the others as idempotent.
      idempotent = method[0] != 'P',
      signal,
      ...init
    }: ResilienceCallOptions & { signal?: AbortSignal | null } = {},
  ): Promise<Result> => {
    const call = (client as unknown as Record<string, Call>)[method];
    const policy = retry && { ...options.retry, ...retry };
    check({ timeout, ...policy });
    const attempts = policy && idempotent ? (policy.attempts ?? 3) : 1;
    if (!timeout && !policy) return call(url, { ...init, signal });

    // One controller per call, aborted by the timeout or by the caller's signal, whichever comes first.
    const controller = new AbortController();
    const started = Date.now();
    // Made when the timer fires, not per call: a DOMException captures a stack, which costs more than the call's own work.
    let expired: DOMException | undefined;
    const timer = timeout && setTimeout(() => controller.abort((expired = new DOMException(`no answer within ${timeout} ms`, 'TimeoutError'))), timeout);
    const forward = () => controller.abort(signal!.reason);
    if (signal?.aborted) forward();
    signal?.addEventListener('abort', forward);
    /** The result when the call was aborted: a timeout error, or the caller's abort as kind 'network'. */
    const abortedResult = (attempt: number): Result => {
      const cause = controller.signal.reason;
      const [kind, ErrorCode] = cause === expired ? ['timeout', -6] : ['network', -1];
      const error = { kind, ErrorCode, Message: kind, Description: String(cause), cause, attempts: attempt };
      return { error: error as never, response: Response.error() };
    };
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await call(url, { ...init, signal: controller.signal });
        // An abort (timeout or caller) that cut the attempt off is never retried.
        if (controller.signal.aborted && result.error) return abortedResult(attempt);
        if (!result.error) return result;
        result.error.attempts = attempt;
        const status = result.response.status;
        if (attempt >= attempts || !(result.error.kind == 'network' || status == 429 || status == 503)) return result;
        const wait = delayBefore(attempt, result.response, policy as RetryOptions);
        // Not worth waiting when the wait would outlast the timeout: return what the server said.
        if (wait === undefined || (timeout && Date.now() - started + wait >= timeout)) return result;
        // The wait ends early on an abort; the listener dies with this call's controller.
        const slept = await new Promise((resolve) => {
          const timer = setTimeout(resolve, wait, true);
          controller.signal.addEventListener('abort', () => resolve(clearTimeout(timer)));
        });
        if (!slept) return abortedResult(attempt);
      }
    } finally {
      clearTimeout(timer as ReturnType<typeof setTimeout>);
      signal?.removeEventListener('abort', forward);
    }
  };
  const resilient: Record<string, unknown> = {
    use: client.use,
    eject: client.eject,
    withCredentials: (credentials: LoginRadiusCredentials) => withResilience(client.withCredentials(credentials), options),
    request: (method: string, url: unknown, init?: object) => send(method.toUpperCase(), url, init),
  };
  // The methods of openapi-fetch's client (GET ... TRACE: the upper-case keys, which sort before 'a').
  for (const method in client) if (method < 'a') resilient[method] = (url: unknown, init?: object) => send(method, url, init);
  return resilient as unknown as ResilientLoginRadiusClient;
}
