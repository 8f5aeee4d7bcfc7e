const isTemplate = (s) => /^\{.*\}$/.test(s);
export function buildRouteTable(operations) {
    const staticRoutes = new Map();
    const bySegments = new Map();
    const groups = new Map();
    for (const op of operations) {
        let group = groups.get(op.path);
        if (!group) {
            const segments = op.path.split('/').slice(1);
            group = {
                path: op.path,
                segments,
                lowerSegments: segments.map((s) => (isTemplate(s) ? null : s.toLowerCase())),
                paramNames: segments.map((s) => (isTemplate(s) ? s.slice(1, -1) : null)),
                literalCount: segments.filter((s) => !isTemplate(s)).length,
                methods: new Map(),
            };
            groups.set(op.path, group);
            if (group.paramNames.every((p) => p === null))
                staticRoutes.set(op.path.toLowerCase(), group);
            if (!bySegments.has(segments.length))
                bySegments.set(segments.length, []);
            bySegments.get(segments.length).push(group);
        }
        group.methods.set(op.method, op);
    }
    for (const list of bySegments.values())
        list.sort((a, b) => b.literalCount - a.literalCount);
    return { staticRoutes, bySegments };
}
/** The operation for a method and raw path; `{ allowed }` when the path is known but the method is not. */
export function matchRoute(table, method, rawPath) {
    const p = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    const staticGroup = table.staticRoutes.get(p.toLowerCase());
    // A concrete path wins over a templated one: when it has the method, nothing else needs looking at.
    const staticOp = staticGroup && (staticGroup.methods.get(method) ?? (method === 'head' ? staticGroup.methods.get('get') : undefined));
    if (staticOp)
        return { op: staticOp, canonicalPath: staticGroup.path, pathParams: {} };
    const candidates = [];
    const segments = p.split('/').slice(1);
    for (const group of table.bySegments.get(segments.length) ?? []) {
        if (group === staticGroup)
            continue;
        let ok = true;
        for (let i = 0; i < segments.length; i++) {
            const literal = group.lowerSegments[i];
            if (literal === null ? segments[i] === '' : literal !== segments[i].toLowerCase()) {
                ok = false;
                break;
            }
        }
        if (ok)
            candidates.push(group);
    }
    if (staticGroup)
        candidates.unshift(staticGroup);
    if (candidates.length === 0)
        return null;
    for (const group of candidates) {
        const op = group.methods.get(method) ?? (method === 'head' ? group.methods.get('get') : undefined);
        if (!op)
            continue;
        const pathParams = {};
        const parts = [];
        for (let i = 0; i < group.segments.length; i++) {
            const name = group.paramNames[i];
            if (name === null) {
                parts.push(group.segments[i]);
                continue;
            }
            const decoded = safeDecode(segments[i]);
            // Broken percent-encoding (`%zz`) names no resource: the documented 404, as for an unknown path.
            if (decoded === undefined)
                return null;
            const canonical = op.pathEnums.get(name)?.get(decoded.toLowerCase());
            pathParams[name] = canonical ?? decoded;
            parts.push(canonical ?? segments[i]);
        }
        return { op, canonicalPath: `/${parts.join('/')}`, pathParams };
    }
    const allowed = new Set();
    for (const group of candidates)
        for (const m of group.methods.keys())
            allowed.add(m.toUpperCase());
    return { allowed: [...allowed] };
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return undefined;
    }
}
