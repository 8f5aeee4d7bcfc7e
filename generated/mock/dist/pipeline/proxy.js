// The validation proxy's responder: Prism's proxy (prism-core factory, prism-http forwarder). Requests
// are validated in their normalised form and forwarded exactly as the client sent them (casing,
// `region`, empty values: the upstream is the judge); upstream responses are validated against the
// spec. A non-conforming response becomes a 502 problem+json (unless errors are off).
import { loadProxyParts, silentLogger, validator, mocker } from '../prism/prism.js';
import { toReported } from './errors.js';
import { addValue, setViolationHeader, textReply } from './exchange.js';
const HOP_BY_HOP = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection']);
export function createProxy(options) {
    const parts = loadProxyParts();
    const original = new WeakMap();
    const config = { isProxy: true, upstream: options.upstream, errors: false, validateRequest: true, validateResponse: true, checkSecurity: true, mock: { dynamic: false } };
    const prism = parts.factory(config, {
        logger: silentLogger(),
        route: parts.route,
        validateInput: validator.validateInput,
        validateOutput: validator.validateOutput,
        validateSecurity: validator.validateSecurity,
        mock: mocker.default,
        // Forward the request exactly as the client sent it; the normalised copy is only what gets validated.
        forward: (args, baseUrl, upstreamProxy, resource) => parts.forward({ ...args, data: original.get(args.data) ?? args.data }, baseUrl, upstreamProxy, resource),
    });
    function rawInput(ex) {
        const query = {};
        for (const [name, value] of new URLSearchParams(ex.search))
            addValue(query, name, value);
        const headers = { ...ex.request.headers, 'accept-encoding': 'identity' };
        for (const h of ['host', 'connection', 'transfer-encoding', 'keep-alive'])
            delete headers[h];
        if (ex.rawBody)
            headers['content-length'] = String(Buffer.byteLength(ex.rawBody));
        const body = ex.rawBody && ex.method !== 'get' && ex.method !== 'head' ? ex.rawBody : undefined;
        return { method: ex.method, url: { path: ex.rawPath, query }, headers, body };
    }
    async function forward(ex) {
        const raw = rawInput(ex);
        const normalised = ex.input ?? raw;
        original.set(normalised, raw);
        const result = await prism.request(normalised, ex.op ? [ex.op.resource] : options.resources, config)();
        if (result._tag === 'Left') {
            const e = result.left;
            ex.note = `upstream error: ${e.message}`;
            const status = e.status && e.status !== 500 ? e.status : 502;
            return problem(ex, status, { type: 'UPSTREAM_ERROR', title: 'The upstream call failed', status, detail: String(e.detail ?? e.message ?? e) });
        }
        const { output, validations } = result.right;
        const requestViolations = validations.input.map((v) => toReported(v, 'request'));
        const responseViolations = validations.output.map((v) => toReported(v, 'response'));
        const all = [...requestViolations, ...responseViolations];
        if (all.length) {
            setViolationHeader(ex, all);
            ex.note = `${requestViolations.length} request / ${responseViolations.length} response violation(s)`;
        }
        if (ex.verbose)
            for (const v of all)
                ex.verbose.push(`violation ${v.location.join('.')} ${v.message}`);
        const responseErrors = responseViolations.filter((v) => v.severity === 'Error');
        if (options.errors && responseErrors.length > 0) {
            return problem(ex, 502, {
                type: 'VIOLATIONS',
                title: 'Response not valid',
                status: 502,
                detail: 'The upstream response does not conform to the spec, and errors are on (the default; pass --no-errors to relay it with only the sl-violations header).',
                validation: responseErrors,
                upstream: { status: output.statusCode, body: output.body },
            });
        }
        for (const [name, value] of Object.entries(output.headers ?? {})) {
            if (HOP_BY_HOP.has(name.toLowerCase()) || value === undefined || value === null)
                continue;
            ex.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        const body = output.body;
        if (body === undefined || body === null || body === '')
            return { status: output.statusCode, headers: ex.headers };
        return { status: output.statusCode, headers: ex.headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
    }
    return { forward };
}
function problem(ex, status, body) {
    ex.headers['content-type'] = 'application/problem+json';
    return textReply(ex, status, JSON.stringify(body));
}
