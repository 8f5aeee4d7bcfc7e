// Prism's operation narrowed to the parameters a request carries, plus the required ones, before Prism validates
// the request against it. Why: per request, Prism's parameter validator walks every parameter the operation lists
// (the login operation lists 29 query parameters; lodash keyBy/mapValues/mapKeys over all of them, for each one),
// and matches the path against a URI template it compiles anew even when the path has no parameters. Both were
// about a sixth of the mock's time per flows journey.
//
// The verdict is Prism's, unchanged: an absent optional parameter is never checked (Prism's deserializer yields
// undefined and drops it), a required one stays listed, and an empty path-parameter list has nothing to match.
// This holds because every parameter of the spec is a primitive in the default style (no exploded objects that
// would gather other keys); `narrowable` checks it per operation and leaves any other operation whole.
// test/mock/narrow.test.ts compares Prism's verdicts on the whole and the narrowed operation.
/** Distinct parameter combinations kept per operation; past it, requests are validated against the whole. */
const MAX_VIEWS_PER_OPERATION = 256;
const plans = new WeakMap();
export function narrowResource(resource, query, headers) {
    let plan = plans.get(resource);
    if (plan === undefined) {
        plan = planFor(resource);
        plans.set(resource, plan);
    }
    if (plan === null)
        return resource;
    const present = presentIndexes(query, plan.query);
    const presentHeaders = presentIndexes(headers, plan.headers);
    const key = `${present.join(',')}|${presentHeaders.join(',')}`;
    let view = plan.views.get(key);
    if (!view) {
        if (plan.views.size >= MAX_VIEWS_PER_OPERATION)
            return resource;
        view = makeView(resource, new Set(present), new Set(presentHeaders));
        plan.views.set(key, view);
    }
    return view;
}
/** The positions, in ascending order, of the listed parameters that `given` carries (names in any casing). */
function presentIndexes(given, listed) {
    const present = [];
    for (const name of Object.keys(given)) {
        const i = listed.get(name.toLowerCase());
        if (i !== undefined)
            present.push(i);
    }
    return present.sort((a, b) => a - b);
}
function planFor(resource) {
    const request = resource.request;
    if (!request)
        return null;
    const params = [...(request.query ?? []), ...(request.headers ?? [])];
    if (!params.every(narrowable))
        return null;
    const index = (list = []) => new Map(list.map((p, i) => [p.name.toLowerCase(), i]));
    return { query: index(request.query), headers: index(request.headers), views: new Map() };
}
/** A primitive parameter in the default style: its value comes from its own key alone. */
function narrowable(param) {
    const type = param.schema?.type;
    const primitive = typeof type === 'string' ? type !== 'object' && type !== 'array' : Array.isArray(type) && type.every((t) => t !== 'object' && t !== 'array');
    return primitive && (param.style === undefined || param.style === 'form' || param.style === 'simple');
}
function makeView(resource, query, headers) {
    const request = resource.request;
    const narrowed = { ...request };
    const keep = (list, present) => {
        const kept = list?.filter((p, i) => p.required || present.has(i));
        return kept?.length ? kept : undefined;
    };
    // An empty list and no list differ to Prism only in cost (with an empty path list, it still compiles a URI
    // template per request), so empty lists go.
    narrowed.query = keep(request.query, query);
    narrowed.headers = keep(request.headers, headers);
    if (!narrowed.query)
        delete narrowed.query;
    if (!narrowed.headers)
        delete narrowed.headers;
    if (request.path?.length === 0)
        delete narrowed.path;
    // Every own property (Prism's bundle marker included), with the request replaced.
    const view = Object.defineProperties({}, Object.getOwnPropertyDescriptors(resource));
    Object.defineProperty(view, 'request', { value: narrowed, enumerable: true, writable: true, configurable: true });
    return view;
}
