// The last responder: the spec's examples, served by Prism's mocker (the first example of the lowest
// 2xx, or what `Prefer` asked for, or the documented error chosen for an invalid request). Bodies
// Prism generates (dynamic, or a status without examples) lose their writeOnly fields at any depth.
import { stripWriteOnly } from '../spec/body-names.js';
import { mocker, silentLogger } from '../prism/prism.js';
import { envelope } from './errors.js';
import { jsonReply, textReply } from './exchange.js';
const logger = silentLogger();
/** Each example's JSON, serialised once. */
const serialized = new WeakMap();
const PRISM_ERROR_STATUS = { NOT_FOUND: 404, NOT_ACCEPTABLE: 406, UNPROCESSABLE_ENTITY: 422, INVALID_CONTENT_TYPE: 415, UNAUTHORIZED: 401 };
/** The status of a Prism mocker failure (some arrive as plain Errors naming the problem type). */
function prismErrorStatus(e) {
    if (e.status)
        return e.status;
    const type = /errors#([A-Z_]+)/.exec(`${e.name ?? ''} ${e.message ?? ''}`)?.[1];
    return (type && PRISM_ERROR_STATUS[type]) || 500;
}
export function mockControlError(ex, status, message) {
    ex.note = `mock: ${message}`;
    return jsonReply(ex, status, envelope(status, 'Mock request cannot be served', message));
}
/**
 * Prism's static answers, per operation and (code, example). With no validation errors, no Accept header and no
 * dynamic generation, Prism's mocker answers from the operation and the config alone (its negotiation, static
 * payload and headers read nothing else of the request), and that negotiation was half of the time of a static
 * example. So Prism answers once and the mock replays it. The cached answer is never mutated.
 */
const staticAnswers = new WeakMap();
export function serveExample(ex, config, addViolations) {
    const op = ex.op;
    const cacheable = !config.dynamic;
    const key = `${config.code ?? ''}\u0000${config.exampleKey ?? ''}`;
    let answers = cacheable ? staticAnswers.get(op) : undefined;
    let answer = answers?.get(key);
    if (answer === undefined) {
        answer = askPrism(ex, config);
        if (cacheable) {
            if (!answers)
                staticAnswers.set(op, (answers = new Map()));
            answers.set(key, answer);
        }
    }
    if ('refused' in answer)
        return mockControlError(ex, answer.refused.status, answer.refused.message);
    for (const [name, value] of Object.entries(answer.headers))
        ex.headers[name] = value;
    const body = answer.body;
    if (body === undefined)
        return textReply(ex, answer.statusCode, undefined);
    if (addViolations && body && typeof body === 'object' && !Array.isArray(body)) {
        return jsonReply(ex, answer.statusCode, { ...body, violations: ex.reported });
    }
    if (typeof body !== 'object' || body === null)
        return textReply(ex, answer.statusCode, typeof body === 'string' ? body : JSON.stringify(body));
    let payload = serialized.get(body);
    if (payload === undefined) {
        payload = JSON.stringify(body);
        serialized.set(body, payload);
    }
    return textReply(ex, answer.statusCode, payload);
}
/** Prism's mocker for this request. */
function askPrism(ex, config) {
    const op = ex.op;
    const input = ex.input;
    // The live API answers JSON whatever Accept says; Prism would negotiate (406 for text/html).
    let data = input;
    if (input.headers.accept !== undefined) {
        const headers = { ...input.headers };
        delete headers.accept;
        data = { ...input, headers };
    }
    const result = mocker.default({ resource: op.resource, input: { data, validations: [] }, config: { ...config } })(logger);
    if (result._tag === 'Left') {
        const e = result.left;
        return { refused: { status: prismErrorStatus(e), message: `${e.message ?? e}${e.detail ? `: ${e.detail}` : ''}` } };
    }
    const output = result.right;
    const documented = op.responses[String(output.statusCode)];
    const body = documented?.tree && (config.dynamic || documented.examples.size === 0) ? stripWriteOnly(output.body, documented.tree) : output.body;
    const headers = {};
    for (const [name, value] of Object.entries(output.headers ?? {})) {
        if (value !== null && value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { statusCode: output.statusCode, headers, body };
}
