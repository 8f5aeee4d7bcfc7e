export function newExchange(request, verbose) {
    const target = request.target;
    const qi = target.indexOf('?');
    return {
        request,
        method: request.method.toLowerCase(),
        rawPath: qi === -1 ? target : target.slice(0, qi),
        search: qi === -1 ? '' : target.slice(qi + 1),
        rawBody: '',
        violations: [],
        reported: [],
        note: '',
        verbose: verbose ? [] : null,
        headers: {},
        started: performance.now(),
    };
}
export function jsonReply(ex, status, body) {
    return textReply(ex, status, typeof body === 'string' ? body : JSON.stringify(body));
}
export function textReply(ex, status, payload, contentType = 'application/json') {
    const headers = ex.headers;
    if (payload !== undefined)
        headers['content-type'] ??= contentType;
    return { status, headers, body: payload };
}
const MAX_SAFE_HEADER_LENGTH = 8 * 1024 - 100;
/** Prism's `sl-violations` header (Latin-1 only: violations quote client input). */
export function setViolationHeader(ex, reported) {
    let value = JSON.stringify(reported);
    if (value.length > MAX_SAFE_HEADER_LENGTH)
        value = `Too many violations! ${value.substring(0, MAX_SAFE_HEADER_LENGTH)}`;
    ex.headers['sl-violations'] = value.replace(/[^\x20-\x7e]/g, '?');
}
export function addValue(target, name, value) {
    const prev = target[name];
    if (prev === undefined)
        target[name] = value;
    else if (Array.isArray(prev))
        prev.push(value);
    else
        target[name] = [prev, value];
}
