// loginradius-mfa-client: a typed openapi-fetch client for the LoginRadius Identity API's MFA, step-up and
// passwordless endpoints. Credentials are attached by a middleware, errors are normalised to one shape, and
// transport failures come back in `{ error }` instead of rejecting. See README.md.
import createClient, {} from 'openapi-fetch';
import { LoginRadiusConfigError } from './errors.js';
export * from './errors.js';
export * from './mfa.js';
const SECRET = 'x-loginradius-apisecret';
/**
 * Whether a final request URL is a `/manage/` operation of the API at `baseUrl`: the URL's path, as the URL
 * parser normalises it (`..` and `.` resolved, `\\` read as `/`), lies under the base URL's path and goes on
 * with `/identity/v2/manage/` in any casing, and holds no `%` escape or `;` that a server could decode or
 * split differently. The query string and fragment are never looked at.
 */
export function isManagePath(url, baseUrl) {
    // Normalising cannot make "manage" appear, so most calls skip parsing the URL.
    if (!/manage/i.test(url))
        return false;
    const path = new URL(url).pathname;
    const base = new URL(baseUrl).pathname.replace(/\/$/, '');
    return path.startsWith(base) && /^\/identity\/v2\/manage\//i.test(path.slice(base.length)) && !/[%;]/.test(path);
}
class LiteRequest {
    constructor(url, init) {
        Object.assign(this, init).url = url;
    }
    // openapi-fetch checks what an onRequest hook returns with `instanceof` its Request option: real Requests pass.
    static [Symbol.hasInstance](x) {
        return x instanceof Request || x?.constructor == LiteRequest;
    }
}
/** LoginRadius's error keys in any casing, by their lower-case spelling, to the one casing the client returns. */
const CANONICAL_KEYS = { __proto__: null, errorcode: 'ErrorCode', message: 'Message', description: 'Description' };
/** A transport error of `kind`, with its `LoginRadiusErrorCode` and the kind in words as its Message ("not json"). */
function transportError(kind, ErrorCode, Description, extra) {
    return { kind, ErrorCode, Message: kind.replace('-', ' '), Description, ...extra };
}
/**
 * The one error shape, from what openapi-fetch read (a parsed body, its raw text, or nothing): a LoginRadius
 * error body in any casing becomes kind 'api' with its keys re-cased; anything else is a transport error.
 */
function normalise(body, res) {
    const status = 'HTTP ' + res.status;
    if (res.type == 'error')
        return transportError('network', -1, String(res.cause), { cause: res.cause });
    if (body == null || body === '')
        return transportError('empty-body', -2, status);
    if (typeof body == 'string') {
        const isJson = /json/i.test(res.headers.get('content-type'));
        return isJson ? transportError('invalid-json', -4, status, { body }) : transportError('not-json', -3, status, { body });
    }
    const error = { Message: '', Description: status };
    if (typeof body == 'object')
        for (const key in body)
            error[CANONICAL_KEYS[key.toLowerCase()] || key] = body[key];
    if (typeof error.ErrorCode != 'number')
        return transportError('unexpected-body', -5, status, { body });
    error.kind = 'api';
    return error;
}
/**
 * A typed client for the LoginRadius MFA, step-up and passwordless API, built on openapi-fetch. Throws
 * `LoginRadiusConfigError` (`API_KEY_REQUIRED`) without an API key.
 */
export function createLoginRadiusClient({ apiKey, accessToken, apiSecret, baseUrl = 'https://api.loginradius.com', fetch: custom, } = {}) {
    if (!apiKey?.trim?.())
        throw new LoginRadiusConfigError('API_KEY_REQUIRED', 'no apiKey');
    const key = 'apikey=' + encodeURIComponent(apiKey);
    const core = createClient({
        baseUrl,
        Request: LiteRequest,
        // Ours goes to fetch as (url, init), the way apps call fetch; a Request made by a middleware goes as it is.
        fetch: (r) => ('clone' in r ? (custom || fetch)(r) : (custom || fetch)(r.url, r)),
    });
    const wrap = (token, secret) => {
        /** The credential layer: a per-call middleware, so it runs after every other onRequest hook, on the final URL. */
        const credentials = {
            onRequest({ request: r, options: o }) {
                const h = r.headers;
                const [where, search = ''] = r.url.split('?');
                // Query parameter names in any casing: the API reads them case-insensitively.
                const hasSecret = h.has(SECRET) || /(^|&)apisecret=/i.test(search);
                if (isManagePath(r.url, o.baseUrl)) {
                    if (!hasSecret) {
                        if (!secret)
                            throw new LoginRadiusConfigError('API_SECRET_REQUIRED', where);
                        h.set(SECRET, secret);
                    }
                }
                else {
                    if (hasSecret)
                        throw new LoginRadiusConfigError('API_SECRET_NOT_ALLOWED', where);
                    if (token && !h.has('authorization') && !/(^|&)access_token=/i.test(search))
                        h.set('authorization', 'Bearer ' + token);
                }
                if (!/(^|&)apikey=/i.test(search)) {
                    const next = r.url + (search ? '&' : '?') + key;
                    if ('clone' in r)
                        return new Request(next, r);
                    r.url = next;
                }
            },
        };
        const client = {
            use: core.use,
            eject: core.eject,
            withCredentials: (c) => wrap('accessToken' in c ? c.accessToken : token, 'apiSecret' in c ? c.apiSecret : secret),
            request: (method, url, init) => client[method.toUpperCase()](url, init),
        };
        // Every method openapi-fetch's client has (GET ... TRACE: the upper-case keys, which sort before 'a'), so that
        // bindings such as openapi-react-query take this client as an openapi-fetch Client.
        for (const m in core)
            if (m < 'a') {
                // Every operation answers JSON, parsed here from text so that a bad body becomes `{ error }`, not a
                // thrown SyntaxError.
                client[m] = (url, init = {}) => core[m](url, { ...init, parseAs: 'text', middleware: [...(init.middleware || []), credentials] }).then(({ data, error, response }) => {
                    if (response.ok) {
                        if (response.status == 204)
                            return { data, response };
                        try {
                            return { data: JSON.parse(data), response };
                        }
                        catch {
                            error = data;
                        }
                    }
                    return { error: normalise(error, response), response };
                }, 
                // Anything thrown on the way (fetch failed, after any onError hooks; the body was cut off while being
                // read) comes back as kind 'network' with a Response.error() (status 0). Only misconfiguration throws.
                (cause) => {
                    if (cause instanceof LoginRadiusConfigError)
                        throw cause;
                    const response = Object.assign(Response.error(), { cause });
                    return { error: normalise(0, response), response };
                });
            }
        return client;
    };
    return wrap(accessToken, apiSecret);
}
