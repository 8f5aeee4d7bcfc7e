export function log(options, ex, reply) {
    const needDetail = options.verbose || options.onJournal !== undefined;
    const query = needDetail ? options.redactor.record(ex.normalised?.query ?? rawQuery(ex.search)) : undefined;
    const body = needDetail ? redactedBody(options.redactor, ex) : undefined;
    if (!options.quiet) {
        const ms = (performance.now() - ex.started).toFixed(2);
        const status = reply.fault === 'reset' ? 'reset' : String(reply.status);
        let text = `${ex.request.method} ${ex.rawPath} ${status} ${ms}ms${ex.op ? ` ${ex.op.operationId}` : ''}${ex.note ? ` ${ex.note}` : ''}\n`;
        if (options.verbose) {
            const lines = [...(ex.verbose ?? [])];
            lines.push(`query ${JSON.stringify(query)}`);
            lines.push(`headers ${JSON.stringify(options.redactor.record(ex.request.headers))}`);
            if (body !== undefined)
                lines.push(`body ${typeof body === 'string' ? body : JSON.stringify(body)}`);
            for (const line of lines)
                text += `    ${line}\n`;
        }
        options.sink(text);
    }
    options.onJournal?.({
        at: new Date().toISOString(),
        apiKey: ex.normalised?.apiKey,
        operationId: ex.op?.operationId,
        method: ex.method,
        path: ex.rawPath,
        query: query ?? {},
        body,
        status: reply.fault === 'reset' ? 0 : reply.status,
        note: ex.note,
    });
}
function rawQuery(search) {
    const out = {};
    for (const [name, value] of new URLSearchParams(search)) {
        const prev = out[name];
        out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return out;
}
function redactedBody(redactor, ex) {
    if (ex.normalised && ex.normalised.body !== undefined) {
        return typeof ex.normalised.body === 'string' ? `(${ex.normalised.body.length} characters, not JSON)` : redactor.json(ex.normalised.body);
    }
    if (!ex.rawBody)
        return undefined;
    try {
        return redactor.json(JSON.parse(ex.rawBody));
    }
    catch {
        // Not JSON: it may hold anything, so only its size is shown.
        return `(${ex.rawBody.length} characters, not JSON)`;
    }
}
