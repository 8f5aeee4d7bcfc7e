export const REDACTED = '[redacted]';
const SECRET_WORDS = /password|secret|token|sott|otp|passcode|captcha|answer|apikey|credential|signature|authorization|cookie|code$|^pin$/;
const squash = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
export function createRedactor(doc) {
    const names = new Set();
    for (const scheme of Object.values(doc.components?.securitySchemes ?? {}))
        if (scheme?.name)
            names.add(squash(scheme.name));
    collectWriteOnlyNames(doc, names);
    const cache = new Map();
    const isSecret = (name) => {
        let secret = cache.get(name);
        if (secret === undefined) {
            const s = squash(name);
            secret = names.has(s) || SECRET_WORDS.test(s);
            if (cache.size < 10_000)
                cache.set(name, secret);
        }
        return secret;
    };
    const hide = (value) => (value === '' || value === undefined || value === null ? value : REDACTED);
    function json(value) {
        if (Array.isArray(value))
            return value.map(json);
        if (!value || typeof value !== 'object')
            return value;
        const out = {};
        for (const [key, v] of Object.entries(value))
            out[key] = isSecret(key) ? hide(v) : json(v);
        return out;
    }
    return {
        isSecret,
        record: (values) => {
            const out = {};
            for (const [key, v] of Object.entries(values))
                out[key] = isSecret(key) ? (Array.isArray(v) ? v.map(hide) : hide(v)) : v;
            return out;
        },
        json,
    };
}
/** Every property name declared writeOnly anywhere in the document. */
function collectWriteOnlyNames(doc, into) {
    const seen = new Set();
    const walk = (node) => {
        if (!node || typeof node !== 'object' || seen.has(node))
            return;
        seen.add(node);
        const properties = node.properties;
        if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
            for (const [name, schema] of Object.entries(properties))
                if (schema?.writeOnly === true)
                    into.add(squash(name));
        }
        for (const child of Object.values(node))
            walk(child);
    };
    walk(doc);
}
