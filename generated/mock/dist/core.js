// The core: a request in, a response out, with no server inside (the Node adapter in node/ is the only
// code that knows node:http). `handle(request: Request): Promise<Response>` is the Fetch-API form;
// adapters that want to skip building Fetch objects per request call `respond(IncomingRequest)`.
//
// The stages, in order (pipeline/): admin (/__mock/) -> route -> normalise -> Prefer + faults ->
// validate (Prism) -> respond (faults, LoginRadius errors, responders, examples; or the proxy) -> log.
import { fileURLToPath } from 'node:url';
import { httpOperationsFromDocument } from './prism/prism.js';
import { buildIndex } from './spec/index.js';
import { listTable } from './spec/list.js';
import { bundledSpecPath, readSpecDocument } from './spec/load.js';
import { envelope } from './pipeline/errors.js';
import { jsonReply, newExchange } from './pipeline/exchange.js';
import { mockControlError } from './pipeline/examples.js';
import { createChaos, INJECTED_STATUSES, parseLatency, planFaults, sleep } from './pipeline/faults.js';
import { log } from './pipeline/log.js';
import { normalise } from './pipeline/normalise.js';
import { parsePrefer } from './pipeline/prefer.js';
import { createProxy } from './pipeline/proxy.js';
import { createRedactor } from './pipeline/redact.js';
import { respond } from './pipeline/respond.js';
import { route } from './pipeline/route.js';
import { validate } from './pipeline/validate.js';
import { fromFetchRequest, toFetchResponse } from './fetch.js';
import { isLoopback } from './options.js';
export const MAX_BODY_BYTES = 1024 * 1024;
const ADMIN_PREFIX = '/__mock/';
export async function createMock(options = {}) {
    const specPath = options.spec ?? bundledSpecPath;
    const { doc, text } = await readSpecDocument(specPath);
    const index = buildIndex(doc);
    // Prism dereferences in place: give it its own copy.
    const resources = (await httpOperationsFromDocument(JSON.parse(/\.json$/i.test(specPath) ? text : JSON.stringify(doc))));
    const byKey = new Map(resources.map((r) => [`${r.method} ${r.path}`, r]));
    for (const op of index.operations) {
        op.resource = byKey.get(`${op.method} ${op.path}`);
        if (!op.resource)
            throw new Error(`Prism produced no operation for ${op.method.toUpperCase()} ${op.path}`);
    }
    const responders = [...(options.responders ?? [])];
    // An embedder's Fetch-shaped handler wins; the flows' own routes are called without Fetch objects.
    const embedderAdmin = options.admin;
    let answerAdmin = embedderAdmin && ((ex) => adminReply(embedderAdmin, ex));
    const listeners = options.onJournal ? [options.onJournal] : [];
    if (options.flows) {
        // In process (no host) counts as loopback: nothing outside the process can reach it.
        const adminAccess = { boundToLoopback: isLoopback(options.host ?? '127.0.0.1'), ...(options.adminToken ? { token: options.adminToken } : {}) };
        const flows = (await loadFlows()).createFlows({ seed: options.seed, spec: doc, admin: adminAccess });
        responders.push(...flows.responders);
        const { adminCall, admin } = flows;
        answerAdmin ??= adminCall ? (ex) => lightAdminReply(adminCall, ex) : (ex) => adminReply(admin, ex);
        listeners.push(flows.onJournal);
    }
    const upstream = options.proxy === undefined ? undefined : parseUpstream(options.proxy);
    const proxy = upstream ? createProxy({ upstream, errors: options.errors ?? true, resources }) : null;
    const latency = typeof options.latency === 'string' ? parseLatency(options.latency) : options.latency;
    const chaos = createChaos({ latency, faultRate: options.faultRate, faults: options.faults, seed: options.seed });
    const logOptions = {
        quiet: options.quiet ?? false,
        verbose: options.verbose ?? false,
        redactor: createRedactor(doc),
        sink: options.log ?? ((chunk) => void process.stdout.write(chunk)),
        onJournal: listeners.length === 0 ? undefined : listeners.length === 1 ? listeners[0] : (entry) => listeners.forEach((l) => l(entry)),
    };
    const dynamic = options.dynamic ?? false;
    async function respondTo(request) {
        const ex = newExchange(request, logOptions.verbose);
        let reply;
        try {
            reply = await run(ex);
        }
        catch (error) {
            // A bug in the mock, never the client's fault: say so, but keep it a clear JSON answer.
            ex.note = `internal error: ${error.stack ?? String(error)}`;
            reply = jsonReply(ex, 500, envelope(7909, 'Mock internal error', String(error.message ?? error)));
        }
        log(logOptions, ex, reply);
        return reply;
    }
    async function run(ex) {
        const headers = ex.request.headers;
        if (headers.origin)
            setCors(ex);
        if (ex.method === 'options' && headers.origin && headers['access-control-request-method']) {
            ex.headers['access-control-allow-methods'] = headers['access-control-request-method'];
            ex.headers.vary = 'origin';
            return { status: 204, headers: ex.headers };
        }
        if (ex.request.hasBody) {
            const body = await ex.request.text(MAX_BODY_BYTES);
            if (body === undefined) {
                ex.note = 'request body could not be read (client went away?)';
                ex.headers.connection = 'close';
                return jsonReply(ex, 400, envelope(400, 'Bad request', 'The request body could not be read.'));
            }
            if (body === null) {
                ex.note = 'body too large';
                ex.headers.connection = 'close';
                return jsonReply(ex, 413, envelope(413, 'Request entity too large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
            }
            ex.rawBody = body;
        }
        if (answerAdmin && ex.rawPath.startsWith(ADMIN_PREFIX))
            return answerAdmin(ex);
        const routed = route(index, ex, proxy !== null);
        if (routed === 'unrouted')
            return proxy.forward(ex);
        if (routed)
            return routed;
        const normalised = normalise(index, ex);
        if (!('control' in normalised))
            return normalised;
        if (proxy)
            return proxy.forward(ex);
        const prefer = parsePrefer(headers.prefer, normalised.control);
        if ('error' in prefer)
            return mockControlError(ex, 400, prefer.error);
        const op = ex.op;
        if (prefer.example !== undefined && prefer.code === undefined) {
            const statuses = op.exampleStatuses.get(prefer.example);
            if (!statuses)
                return mockControlError(ex, 404, `${op.operationId} has no example named "${prefer.example}". Examples: ${[...op.exampleStatuses.keys()].join(', ')}.`);
            prefer.code = statuses[0];
        }
        const injected = prefer.code !== undefined && INJECTED_STATUSES.has(prefer.code);
        if (prefer.code !== undefined && !op.responses[prefer.code] && !injected) {
            return mockControlError(ex, 404, `${op.operationId} documents no ${prefer.code} response. Statuses: ${op.statuses.join(', ')}.`);
        }
        if (prefer.code !== undefined && prefer.example !== undefined && !injected && !op.responses[prefer.code].examples.has(prefer.example)) {
            const there = [...op.responses[prefer.code].examples.keys()].join(', ') || 'none';
            return mockControlError(ex, 404, `${op.operationId} has no example "${prefer.example}" under ${prefer.code}. Examples there: ${there}.`);
        }
        const plan = planFaults(prefer, chaos);
        const valid = validate(ex);
        await sleep(plan.delayMs);
        const reply = await respond({ index, responders, dynamic }, ex, prefer, plan, valid);
        if (plan.fault === 'truncate' || plan.fault === 'drip') {
            reply.fault = plan.fault;
            reply.dripMs = plan.dripMs;
            ex.note = `${ex.note ? `${ex.note}, ` : ''}injected ${plan.fault}`;
        }
        return reply;
    }
    function lightAdminReply(handler, ex) {
        const answer = handler({ method: ex.request.method, url: new URL(ex.request.target, 'http://mock.local'), headers: ex.request.headers, body: ex.rawBody });
        ex.note = 'admin';
        if (!answer)
            return jsonReply(ex, 404, envelope(404, 'Resource not found', `No admin endpoint ${ex.rawPath}.`));
        Object.assign(ex.headers, answer.headers);
        return { status: answer.status, headers: ex.headers, body: answer.body };
    }
    async function adminReply(handler, ex) {
        const response = await handler(toRequest(ex));
        ex.note = 'admin';
        if (!response)
            return jsonReply(ex, 404, envelope(404, 'Resource not found', `No admin endpoint ${ex.rawPath}.`));
        response.headers.forEach((value, name) => (ex.headers[name] = value));
        const text = await response.text();
        return { status: response.status, headers: ex.headers, body: text === '' ? undefined : text };
    }
    return {
        handle: async (request) => toFetchResponse(await respondTo(await fromFetchRequest(request))),
        respond: respondTo,
        operations: index.operations.length,
        specPath,
        mode: proxy ? 'proxy' : 'mock',
        seed: chaos?.seed ?? null,
        list: () => listTable(index),
    };
}
/** A Fetch Request for an admin handler, rebuilt from what the adapter gave the core. */
function toRequest(ex) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(ex.request.headers))
        if (value !== undefined)
            headers.set(name, value);
    const hasBody = ex.rawBody !== '' && ex.method !== 'get' && ex.method !== 'head';
    return new Request(`http://${ex.request.headers.host ?? 'mock.local'}${ex.request.target}`, { method: ex.request.method, headers, body: hasBody ? ex.rawBody : undefined });
}
function setCors(ex) {
    const headers = ex.request.headers;
    ex.headers['access-control-allow-origin'] = headers.origin || '*';
    ex.headers['access-control-allow-headers'] = headers['access-control-request-headers'] || '*';
    ex.headers['access-control-allow-credentials'] = 'true';
    ex.headers['access-control-expose-headers'] = '*';
}
/** An upstream URL for the proxy; throws an Error naming what is wrong with it. */
export function parseUpstream(value) {
    let url;
    try {
        url = new URL(String(value));
    }
    catch {
        throw new Error(`the upstream is not a URL: "${String(value)}" (expected e.g. https://api.loginradius.com)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`the upstream must be http: or https:, got "${url.protocol}" in "${String(value)}"`);
    if (url.search || url.hash)
        throw new Error(`the upstream must not have a query or fragment: "${String(value)}"`);
    return url;
}
const FLOWS_MODULE = new URL('./flows/index.js', import.meta.url);
async function loadFlows() {
    let flows;
    try {
        flows = (await import(FLOWS_MODULE.href));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(fileURLToPath(FLOWS_MODULE))) {
            throw new Error(`--flows: this build of the mock has no flows module (${fileURLToPath(FLOWS_MODULE)} does not exist)`);
        }
        throw error;
    }
    if (typeof flows.createFlows !== 'function')
        throw new Error(`--flows: ${fileURLToPath(FLOWS_MODULE)} does not export createFlows()`);
    return flows;
}
