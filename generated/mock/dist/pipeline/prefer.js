const FAULTS = ['reset', 'truncate', 'drip'];
export const MAX_DELAY_MS = 60_000;
/** Parses `Prefer: code=400, example=NAME, dynamic=true, delay=250, fault=reset`. */
export function parsePrefer(header, control = {}) {
    const raw = {};
    if (header) {
        for (const part of header.split(/[;,]/)) {
            const m = /^\s*([A-Za-z_-]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s]*)))?\s*$/.exec(part);
            if (m)
                raw[m[1].toLowerCase()] = m[2] ?? m[3] ?? '';
        }
    }
    else {
        Object.assign(raw, control);
    }
    const out = {};
    if (raw.code !== undefined) {
        if (!/^\d{3}$/.test(raw.code))
            return { error: `Prefer code must be a 3-digit HTTP status, got "${raw.code}".` };
        out.code = raw.code;
    }
    if (raw.example !== undefined) {
        if (raw.example === '')
            return { error: 'Prefer example needs a name: example=NAME.' };
        out.example = raw.example;
    }
    if (raw.dynamic !== undefined) {
        if (raw.dynamic !== 'true' && raw.dynamic !== 'false')
            return { error: `Prefer dynamic must be true or false, got "${raw.dynamic}".` };
        out.dynamic = raw.dynamic === 'true';
    }
    if (raw.seed !== undefined)
        out.seed = raw.seed;
    for (const [key, target] of [['delay', 'delayMs'], ['drip-ms', 'dripMs']]) {
        if (raw[key] === undefined)
            continue;
        const ms = Number(raw[key]);
        if (!/^\d+$/.test(raw[key]) || ms > MAX_DELAY_MS)
            return { error: `Prefer ${key} must be whole milliseconds from 0 to ${MAX_DELAY_MS}, got "${raw[key]}".` };
        out[target] = ms;
    }
    if (raw.fault !== undefined) {
        const fault = raw.fault.toLowerCase();
        if (!FAULTS.includes(fault))
            return { error: `Prefer fault must be one of ${FAULTS.join(', ')}, got "${raw.fault}".` };
        out.fault = fault;
    }
    if (raw['retry-after'] !== undefined) {
        if (!/^\d{1,6}$/.test(raw['retry-after']))
            return { error: `Prefer retry-after must be whole seconds, got "${raw['retry-after']}".` };
        out.retryAfter = raw['retry-after'];
    }
    return out;
}
