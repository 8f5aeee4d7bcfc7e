const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Follows a local `#/...` reference (as the bundled spec uses for shared responses and examples). */
function resolve(spec, node) {
    let current = node;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 16; hops++) {
        const ref = current.$ref;
        if (!ref.startsWith('#/'))
            throw new Error(`flows: only local references are supported, found ${ref}`);
        current = ref
            .slice(2)
            .split('/')
            .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
            .reduce((at, key) => (isObject(at) ? at[key] : undefined), spec);
    }
    return current;
}
export class DocumentedAnswers {
    byOperation = new Map();
    constructor(spec) {
        if (!isObject(spec) || !isObject(spec.paths))
            throw new Error('flows: the spec has no paths object');
        for (const pathItem of Object.values(spec.paths)) {
            if (!isObject(pathItem))
                continue;
            for (const operation of Object.values(pathItem)) {
                if (!isObject(operation) || typeof operation.operationId !== 'string' || !isObject(operation.responses))
                    continue;
                const examples = new Map();
                for (const [status, response] of Object.entries(operation.responses)) {
                    const media = resolve(spec, response)?.content;
                    const json = isObject(media) ? media['application/json'] : undefined;
                    if (!isObject(json) || !isObject(json.examples))
                        continue;
                    for (const [name, example] of Object.entries(json.examples)) {
                        const resolved = resolve(spec, example);
                        if (isObject(resolved) && 'value' in resolved && !examples.has(name))
                            examples.set(name, { status: Number(status), value: resolved.value });
                    }
                }
                this.byOperation.set(operation.operationId, examples);
            }
        }
    }
    has(operationId) {
        return this.byOperation.has(operationId);
    }
    documents(operationId, name) {
        return this.byOperation.get(operationId)?.has(name) ?? false;
    }
    /**
     * The first of `names` that the operation documents, as a response with its documented status and body.
     * Throws when none is documented: that is a bug in a journey, and the unit tests exercise every error path.
     */
    error(operationId, names) {
        const examples = this.byOperation.get(operationId);
        for (const name of names) {
            const example = examples?.get(name);
            if (example)
                return { status: example.status, body: example.value };
        }
        throw new Error(`flows: ${operationId} documents none of ${names.join(', ')}`);
    }
}
