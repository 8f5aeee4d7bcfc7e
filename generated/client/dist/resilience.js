import { LoginRadiusConfigError } from './errors.js';
/** The wait before retry number `retry`, from `Retry-After` or the jittered backoff; undefined: do not retry. */
function delayBefore(retry, response, { backoff = 300, maxDelay = 10_000 }) {
    const header = response.headers.get('retry-after');
    if (header) {
        // Seconds, or an HTTP date (fetch's Headers have trimmed the value).
        const wait = /^\d+$/.test(header) ? +header * 1000 : Date.parse(header) - Date.now();
        // A Retry-After longer than the cap ends the retries: retrying sooner than asked only earns another 429.
        if (wait == wait)
            return wait > maxDelay ? undefined : Math.max(wait, 0);
    }
    const cap = Math.min(maxDelay, backoff * 2 ** (retry - 1));
    return cap / 2 + (Math.random() * cap) / 2;
}
/** Throws `INVALID_OPTION` unless each named value is absent, `false`, or a finite number ≥ 0 (≥ 1 for attempts). */
function check(values) {
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
export function withResilience(client, options = {}) {
    const send = async (method, url, { timeout = options.timeout, retry = options.retry, 
    // PUT, POST and PATCH are the methods that start with P; HTTP defines the others as idempotent.
    idempotent = method[0] != 'P', signal, ...init } = {}) => {
        const call = client[method];
        const policy = retry && { ...options.retry, ...retry };
        check({ timeout, ...policy });
        const attempts = policy && idempotent ? (policy.attempts ?? 3) : 1;
        if (!timeout && !policy)
            return call(url, { ...init, signal });
        // One controller per call, aborted by the timeout or by the caller's signal, whichever comes first.
        const controller = new AbortController();
        const started = Date.now();
        // Made when the timer fires, not per call: a DOMException captures a stack, which costs more than the call's own work.
        let expired;
        const timer = timeout && setTimeout(() => controller.abort((expired = new DOMException(`no answer within ${timeout} ms`, 'TimeoutError'))), timeout);
        const forward = () => controller.abort(signal.reason);
        if (signal?.aborted)
            forward();
        signal?.addEventListener('abort', forward);
        /** The result when the call was aborted: a timeout error, or the caller's abort as kind 'network'. */
        const abortedResult = (attempt) => {
            const cause = controller.signal.reason;
            const [kind, ErrorCode] = cause === expired ? ['timeout', -6] : ['network', -1];
            const error = { kind, ErrorCode, Message: kind, Description: String(cause), cause, attempts: attempt };
            return { error: error, response: Response.error() };
        };
        try {
            for (let attempt = 1;; attempt++) {
                const result = await call(url, { ...init, signal: controller.signal });
                // An abort (timeout or caller) that cut the attempt off is never retried.
                if (controller.signal.aborted && result.error)
                    return abortedResult(attempt);
                if (!result.error)
                    return result;
                result.error.attempts = attempt;
                const status = result.response.status;
                if (attempt >= attempts || !(result.error.kind == 'network' || status == 429 || status == 503))
                    return result;
                const wait = delayBefore(attempt, result.response, policy);
                // Not worth waiting when the wait would outlast the timeout: return what the server said.
                if (wait === undefined || (timeout && Date.now() - started + wait >= timeout))
                    return result;
                // The wait ends early on an abort; the listener dies with this call's controller.
                const slept = await new Promise((resolve) => {
                    const timer = setTimeout(resolve, wait, true);
                    controller.signal.addEventListener('abort', () => resolve(clearTimeout(timer)));
                });
                if (!slept)
                    return abortedResult(attempt);
            }
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', forward);
        }
    };
    const resilient = {
        use: client.use,
        eject: client.eject,
        withCredentials: (credentials) => withResilience(client.withCredentials(credentials), options),
        request: (method, url, init) => send(method.toUpperCase(), url, init),
    };
    // The methods of openapi-fetch's client (GET ... TRACE: the upper-case keys, which sort before 'a').
    for (const method in client)
        if (method < 'a')
            resilient[method] = (url, init) => send(method, url, init);
    return resilient;
}
