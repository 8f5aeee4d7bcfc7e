// loginradius-mfa-client: a typed openapi-fetch client for the LoginRadius Identity API's MFA, step-up and
// passwordless endpoints. Credentials are attached by a middleware, errors are normalised to one shape, and
// transport failures come back in `{ error }` instead of rejecting. See README.md.
import createClient, {} from 'openapi-fetch';
import { LoginRadiusConfigError } from './errors.js';
export * from './errors.js';
export * from './mfa.js';
const SECRET = 'x-loginradius-apisecret';
/**
 * The path of a final request URL relative to the base URL's path, as the URL parser normalises it (`..` and `.`
 * resolved, `\\` read as `/`), or undefined when the URL is not under the base path or its path holds a `%`
 * escape or `;` that a server could decode or split differently. The query string and fragment are never used.
 */
function pathUnderBase(url, baseUrl) {
    const path = new URL(url).pathname;
    const base = new URL(baseUrl).pathname.replace(/\/$/, '');
    return path.startsWith(base) && !/[%;]/.test(path) ? path.slice(base.length) : undefined;
}
/**
 * Whether a final request URL is a `/manage/` operation of the API at `baseUrl`: its normalised path (see
 * pathUnderBase) goes on from the base path with `/identity/v2/manage/` in any casing.
 */
export function isManagePath(url, baseUrl) {
    // Normalising cannot make "manage" appear, so most calls skip parsing the URL.
    return /manage/i.test(url) && /^\/identity\/v2\/manage\//i.test(pathUnderBase(url, baseUrl) ?? '');
}
/**
 * Whether a final request URL is an MFA configuration operation (`/v2/manage/2fa/`, in any casing, right under the
 * base path), the only place the M2M token goes. `maybe` is true also for a URL whose path might reach one once a
 * server decodes it (a `%` escape or `;`): such a URL gets no token at all.
 */
export function isM2mPath(url, baseUrl, { maybe = false } = {}) {
    if (/manage/i.test(url) && /^\/v2\/manage\/2fa\//i.test(pathUnderBase(url, baseUrl) ?? ''))
        return true;
    const path = maybe && new URL(url).pathname;
    if (!path || !/[%;]/.test(path))
        return false;
    let decoded = path;
    try {
        decoded = decodeURIComponent(path);
    }
    catch {
        // An undecodable escape: judge the raw path.
    }
    // As a lenient server might read it: escapes decoded, `;` parameters dropped, `\` as `/`.
    return /\/v2\/manage\/2fa(\/|$)/i.test(decoded.replace(/;[^/]*/g, '').replace(/\\/g, '/'));
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
export function createLoginRadiusClient({ apiKey, accessToken, apiSecret, m2mToken, baseUrl = 'https://api.loginradius.com', fetch: custom, } = {}) {
    if (!apiKey?.trim?.())
        throw new LoginRadiusConfigError('API_KEY_REQUIRED', 'no apiKey');
    const key = 'apikey=' + encodeURIComponent(apiKey);
    const core = createClient({
        baseUrl,
        Request: LiteRequest,
        // Ours goes to fetch as (url, init), the way apps call fetch; a Request made by a middleware goes as it is.
        fetch: (r) => ('clone' in r ? (custom || fetch)(r) : (custom || fetch)(r.url, r)),
    });
    const wrap = (token, secret, m2m) => {
        /** The credential layer: a per-call middleware, so it runs after every other onRequest hook, on the final URL. */
        const credentials = {
            onRequest({ request: r, options: o }) {
                const h = r.headers;
                const [where, search = ''] = r.url.split('?');
                // Query parameter names in any casing: the API reads them case-insensitively.
                const hasSecret = h.has(SECRET) || /(^|&)apisecret=/i.test(search);
                if (isM2mPath(r.url, o.baseUrl)) {
                    // MFA configuration: the M2M token alone, never the API secret, the user's token or the API key.
                    if (hasSecret)
                        throw new LoginRadiusConfigError('API_SECRET_NOT_ALLOWED', where);
                    if (!h.has('authorization')) {
                        if (!m2m)
                            throw new LoginRadiusConfigError('M2M_TOKEN_REQUIRED', where);
                        h.set('authorization', 'Bearer ' + m2m);
                    }
                    return;
                }
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
                    // A path a server might decode into an MFA configuration path gets no user token either.
                    const userTokenAllowed = !isM2mPath(r.url, o.baseUrl, { maybe: true });
                    if (token && userTokenAllowed && !h.has('authorization') && !/(^|&)access_token=/i.test(search))
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
            withCredentials: (c) => wrap('accessToken' in c ? c.accessToken : token, 'apiSecret' in c ? c.apiSecret : secret, 'm2mToken' in c ? c.m2mToken : m2m),
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
    return wrap(accessToken, apiSecret, m2mToken);
}
