// Turns Prism's request violations into the LoginRadius error the live API would send: the documented
// example (of this operation) whose Description names the offending field, at the status it is
// documented under; else a generic 908 body naming the field. Also the envelopes for requests that
// never reach an operation (unknown path, wrong method, malformed body, wrong content type).
import { normalizeName } from '../spec/index.js';
// Built-in fallbacks, used only when the spec has no component example of that name.
const FALLBACK = {
    RESOURCE_NOT_FOUND: { ErrorCode: 404, Message: 'Resource not found', Description: 'Sorry, the resource you were looking for was not found.' },
    JSON_PUT_BODY_REQUIRED: { ErrorCode: 1079, Message: 'Put body is invalid or empty', Description: 'Please use a valid put body in JSON format in order to process this request.' },
    POST_BODY_INVALID: { ErrorCode: 965, Message: 'The post body is invalid', Description: 'Please use a valid post body and make sure that it is in a valid JSON format.' },
    DELETE_BODY_INVALID: { ErrorCode: 1084, Message: 'Delete body is invalid', Description: 'Please use a valid delete body in JSON format in order to process this request.' },
    CONTENT_TYPE_INVALID: { ErrorCode: 1083, Message: 'This content type header is not supported', Description: 'Please use a valid content type header as application/json.' },
    PARAMETER_NOT_FORMATTED: { ErrorCode: 908, Message: 'A parameter is not formatted correctly', Description: 'A parameter is not formatted correctly.' },
    TOO_MANY_REQUESTS: { ErrorCode: 429, Message: 'Too many requests in a particular time frame', Description: 'Too many requests in a particular time frame' },
};
/** A named error example: the operation's own documented one first, then the spec's component, then built-in. */
export function namedError(index, op, name) {
    if (op) {
        for (const status of op.statuses) {
            const value = op.responses[status].examples.get(name);
            if (value !== undefined)
                return { status: Number(status), name, value, documented: true };
        }
    }
    return { status: null, name, value: index.componentExamples[name] ?? FALLBACK[name], documented: false };
}
export function envelope(errorCode, message, description) {
    return { ErrorCode: errorCode, Message: message, Description: description };
}
const BODY_ERROR_BY_METHOD = { put: 'JSON_PUT_BODY_REQUIRED', post: 'POST_BODY_INVALID', delete: 'DELETE_BODY_INVALID', patch: 'JSON_PUT_BODY_REQUIRED' };
export const bodyErrorName = (method) => BODY_ERROR_BY_METHOD[method] ?? 'POST_BODY_INVALID';
const SEVERITY = ['Error', 'Warning', 'Information', 'Hint'];
export function toReported(v, prefix = 'request') {
    return {
        location: [prefix, ...(v.path ?? [])],
        severity: typeof v.severity === 'number' ? SEVERITY[v.severity] : v.severity,
        code: v.code,
        message: v.message,
    };
}
const isError = (v) => v.severity === 0 || v.severity === 'Error';
const LOCATION_RANK = { path: 0, query: 1, header: 2, body: 3 };
const COMPOSITE = new Set(['oneOf', 'anyOf', 'not']);
/**
 * The field a violation is about, as the client spelled it in the spec.
 * Prism reports `required` on the parent ("must have required property 'x'"), so read the name there.
 */
export function violationField(v) {
    const p = v.path ?? [];
    const location = p[0] === undefined ? undefined : String(p[0]);
    const required = /must have required property '([^']+)'/.exec(v.message ?? '');
    if (required)
        return { field: required[1], location, missing: true, path: [...p.slice(1), required[1]] };
    if (v.code === 'required' && location === undefined)
        return { field: null, location: 'body', missing: true, path: [] };
    const names = p.slice(1).filter((s) => !/^\d+$/.test(String(s))).map(String);
    const extra = /additional propert(?:y|ies).*found '([^']+)'/.exec(v.message ?? '');
    if (extra)
        names.push(extra[1]);
    return { field: names.length ? names[names.length - 1] : (location ?? null), location, missing: false, path: p.slice(1) };
}
/** Orders violations as the live API checks: path, credentials, query, header, body. */
export function primaryViolation(violations) {
    const errors = violations.filter(isError);
    if (errors.length === 0)
        return null;
    // Routing comes first on the live API: an unknown `{type}` is a 404 whatever the credentials.
    const pathError = errors.find((v) => v.path?.[0] === 'path');
    if (pathError)
        return pathError;
    const security = errors.find((v) => v.code === 401);
    if (security)
        return security;
    const rank = (v) => LOCATION_RANK[String(v.path?.[0])] ?? 3;
    // Within a location, a violation about one field comes before a composite one (oneOf/anyOf/not) that a wrong field
    // can cause as a side effect: `{ email, username: [1] }` breaks "exactly one of" because of the bad username.
    const composite = (v) => (COMPOSITE.has(String(v.code)) ? 1 : 0);
    // And a wrong value sent comes before a field reported absent: a "required" violation can be a side effect too,
    // of a `oneOf` of required lists that the wrong field made match twice (the step-up verify body).
    const absent = (v) => (String(v.code) === 'required' ? 1 : 0);
    return [...errors].sort((a, b) => rank(a) - rank(b) || composite(a) - composite(b) || absent(a) - absent(b))[0];
}
/**
 * The operation's documented error example whose Description names one of `terms` (earlier terms are
 * more specific: the field before its parents). `missing` prefers "is a required parameter" wording;
 * `missing === false` (a type or format error) takes only Descriptions about an invalid value.
 */
export function findDocumentedExample(op, terms, options = {}) {
    const wanted = terms.map(normalizeName).filter((t) => t.length >= 2);
    if (wanted.length === 0)
        return null;
    let best = null;
    let bestScore = 0;
    for (const ex of op.errorExamples) {
        if (options.statuses && !options.statuses.includes(ex.status))
            continue;
        if (options.missing === false && (ex.required || !ex.invalid))
            continue;
        // A missing field takes an example that says something is absent, never one that only shares a word with it
        // (`type` is not "content type", `id` is not "Account ID").
        if (options.missing === true && !ex.absent)
            continue;
        const hit = wanted.findIndex((t) => ex.terms.has(t));
        if (hit === -1)
            continue;
        let score = 100 - hit * 10;
        // Missing: "The X is a required parameter" / "cannot be null or empty" beats "a valid X is required" (a format error).
        if (options.missing === true && !ex.invalid)
            score += 5;
        if (score > bestScore) {
            best = ex;
            bestScore = score;
        }
    }
    return best;
}
/** Words a Description would use for a credential (security scheme). */
function credentialTerms(scheme, op) {
    if (scheme.type === 'http' && /bearer/i.test(scheme.scheme ?? '')) {
        // The operation's other way to send the token (a query `access_token`, say) names it best.
        const alt = op.security.flat().find((s) => s.type === 'apiKey' && /token/i.test(s.name ?? ''));
        return [...(alt?.name ? [alt.name] : []), 'access_token', 'Authorization'];
    }
    if (scheme.type === 'apiKey') {
        const name = scheme.name ?? scheme.key;
        return [name, name.replace(/^x-[a-z0-9]+-/i, '')];
    }
    return [scheme.key];
}
/** Which credentials are missing, for the security alternative closest to being satisfied. */
export function missingCredentials(op, input) {
    let best = null;
    for (const alternative of op.security) {
        const missing = alternative.filter((scheme) => !credentialPresent(scheme, input));
        if (!best || missing.length < best.length)
            best = missing;
    }
    return best ?? [];
}
function credentialPresent(scheme, input) {
    if (scheme.type === 'apiKey') {
        const name = scheme.name ?? '';
        if (scheme.in === 'query')
            return !!input.url.query[name];
        if (scheme.in === 'header')
            return !!input.headers[name.toLowerCase()];
        if (scheme.in === 'cookie')
            return new RegExp(`(?:^|;\\s*)${name}=.`).test(input.headers.cookie ?? '');
    }
    if (scheme.type === 'http') {
        return new RegExp(`^${scheme.scheme ?? 'bearer'}\\s+\\S`, 'i').test(input.headers.authorization ?? '');
    }
    return true; // oauth2 / openIdConnect / mutualTLS: Prism decides
}
export function chooseErrorResponse(index, op, violations, input) {
    const primary = primaryViolation(violations);
    if (!primary)
        return null;
    if (primary.code === 401) {
        const missing = missingCredentials(op, input);
        for (const scheme of missing) {
            const ex = findDocumentedExample(op, credentialTerms(scheme, op), { missing: true });
            if (ex)
                return { status: Number(ex.status), exampleName: ex.name, field: scheme.name ?? scheme.key };
        }
        // Nothing names the credential: the spec's 401 (Prism's choice for security violations).
        const first401 = op.responses['401']?.examples.keys().next().value;
        if (first401 !== undefined)
            return { status: 401, exampleName: first401, field: null };
        const field = missing[0]?.name ?? missing[0]?.key ?? 'credentials';
        return { status: 401, body: envelope(908, 'A parameter is not formatted correctly', `The ${field} is a required parameter.`), field };
    }
    const { field, location, missing, path } = violationField(primary);
    const notFound = op.responses['404']?.examples;
    if (location === 'path' && notFound?.size) {
        return { status: 404, exampleName: notFound.has('RESOURCE_NOT_FOUND') ? 'RESOURCE_NOT_FOUND' : notFound.keys().next().value, field };
    }
    // No field: the body itself is missing (violationField gives a named field a path).
    if (location === 'body' && field === null) {
        const named = namedError(index, op, bodyErrorName(op.method));
        return named.documented && named.status !== null
            ? { status: named.status, exampleName: named.name, field: 'body' }
            : { status: 400, body: named.value, field: 'body' };
    }
    // An empty value reads as missing to LoginRadius ("The X is a required parameter.").
    const absent = missing || primary.code === 'minLength' || primary.code === 'minItems';
    // Missing: the field, then its parents (an example may name the enclosing object). Invalid: the
    // field itself, and the format it failed ("email", "phone") when Prism names one.
    const format = /must match format "([^"]+)"/.exec(primary.message ?? '')?.[1];
    const terms = absent
        ? [field, ...[...path].reverse().map(String).filter((s) => s !== field && !/^\d+$/.test(s))]
        : [field, format];
    const wanted = terms.filter((t) => !!t);
    const ex = findDocumentedExample(op, wanted, { missing: absent, statuses: ['400', '422'] }) ?? findDocumentedExample(op, wanted, { missing: absent });
    if (ex)
        return { status: Number(ex.status), exampleName: ex.name, field };
    const generic = (namedError(index, op, 'PARAMETER_NOT_FORMATTED').value ?? FALLBACK.PARAMETER_NOT_FORMATTED);
    const where = path.join('.') || field;
    const reason = /must .*$/.exec(primary.message ?? '')?.[0];
    const description = absent ? `The ${field} is a required parameter.` : `The ${where} is not formatted correctly${reason ? `: it ${reason}` : ''}.`;
    return {
        status: 400,
        body: envelope(generic.ErrorCode ?? 908, generic.Message ?? FALLBACK.PARAMETER_NOT_FORMATTED.Message, description),
        field,
    };
}
