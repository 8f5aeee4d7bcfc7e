// The index built once at startup from the spec: per operation the canonical query-name map, the
// boolean parameters, the body-name tree, the security alternatives, the example index
// (name -> statuses) and the documented error examples; and the route table. Generic over the spec:
// nothing here names an operation.
import { createBodyTreeBuilder } from './body-names.js';
import { createResolver } from './load.js';
import { buildRouteTable } from './routes.js';
export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const WORD = /[A-Za-z0-9_]+/g;
/** Normalised words of a Description, plus joins of 2-4 neighbours ("access token" ~ access_token). */
function descriptionTerms(text) {
    const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/_/g, ''));
    const terms = new Set(words);
    for (let n = 2; n <= 4; n++)
        for (let i = 0; i + n <= words.length; i++)
            terms.add(words.slice(i, i + n).join(''));
    return terms;
}
export const normalizeName = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
function errorDescription(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    for (const [k, v] of Object.entries(value))
        if (k.toLowerCase() === 'description' && typeof v === 'string')
            return v;
    return undefined;
}
function acceptsExtraProperties(schema, deref, seen = new Set()) {
    const s = deref(schema);
    if (!s || typeof s !== 'object' || seen.has(s))
        return true;
    seen.add(s);
    if (s.additionalProperties === false || s.unevaluatedProperties === false)
        return false;
    for (const branches of [s.allOf, s.oneOf, s.anyOf]) {
        if (Array.isArray(branches) && !branches.every((b) => acceptsExtraProperties(b, deref, seen)))
            return false;
    }
    return true;
}
const isBoolean = (schema) => schema?.type === 'boolean' || (Array.isArray(schema?.type) && schema.type.includes('boolean'));
const statusOrder = (a, b) => {
    const rank = (s) => (/^2/.test(s) ? 0 : 1);
    return rank(a) - rank(b) || a.localeCompare(b);
};
const ERROR_STATUS_ORDER = ['400', '422', '401', '403', '404'];
const errorStatusRank = (s) => {
    const i = ERROR_STATUS_ORDER.indexOf(s);
    return i === -1 ? ERROR_STATUS_ORDER.length + Number(s) : i;
};
export function buildIndex(doc) {
    const deref = createResolver(doc);
    const bodyNode = createBodyTreeBuilder(deref);
    const schemes = doc.components?.securitySchemes ?? {};
    const queryCredentialNames = Object.values(schemes)
        .map((s) => deref(s))
        .filter((s) => s?.type === 'apiKey' && s.in === 'query' && s.name)
        .map((s) => s.name);
    const operations = [];
    for (const [template, rawItem] of Object.entries(doc.paths ?? {})) {
        const item = deref(rawItem) ?? {};
        for (const method of METHODS) {
            const op = item[method];
            if (!op)
                continue;
            operations.push(indexOperation(method, template, op, item.parameters ?? []));
        }
    }
    function indexOperation(method, template, op, pathLevel) {
        const byKey = new Map();
        for (const p of [...pathLevel, ...(op.parameters ?? [])].map((x) => deref(x)))
            if (p?.name && p.in)
                byKey.set(`${p.in}:${p.name}`, p);
        const parameters = [...byKey.values()];
        const queryNames = new Map();
        for (const name of queryCredentialNames)
            queryNames.set(name.toLowerCase(), name);
        const booleanQuery = new Set();
        const booleanHeaders = new Set();
        const pathEnums = new Map();
        for (const p of parameters) {
            const schema = deref(p.schema);
            if (p.in === 'query') {
                queryNames.set(p.name.toLowerCase(), p.name);
                if (isBoolean(schema))
                    booleanQuery.add(p.name);
            }
            if (p.in === 'header' && isBoolean(schema))
                booleanHeaders.add(p.name.toLowerCase());
            if (p.in === 'path' && Array.isArray(schema?.enum)) {
                pathEnums.set(p.name, new Map(schema.enum.filter((v) => typeof v === 'string').map((v) => [v.toLowerCase(), v])));
            }
        }
        const requestBody = deref(op.requestBody);
        const requestMedia = requestBody?.content ? Object.keys(requestBody.content) : [];
        const jsonMedia = requestMedia.find((m) => /json/i.test(m));
        const bodySchema = jsonMedia ? requestBody?.content?.[jsonMedia]?.schema : undefined;
        const bodyTree = bodySchema ? bodyNode([bodySchema]) : null;
        const security = (op.security ?? doc.security ?? []).map((requirement) => Object.keys(requirement).map((key) => ({ key, ...(deref(schemes[key]) ?? {}) })));
        const responses = {};
        const exampleStatuses = new Map();
        const errorExamples = [];
        const statuses = Object.keys(op.responses ?? {}).sort(statusOrder);
        for (const status of statuses) {
            const response = deref(op.responses[status]);
            const content = response?.content ?? {};
            const mediaTypes = Object.keys(content);
            const media = content[mediaTypes.find((m) => /json/i.test(m)) ?? mediaTypes[0]];
            const names = Object.keys(media?.examples ?? {});
            const examples = new Map(names.map((n) => [n, deref(media.examples[n])?.value]));
            responses[status] = {
                examples,
                tree: media?.schema ? bodyNode([media.schema]) : null,
                acceptsViolations: media?.schema ? acceptsExtraProperties(media.schema, deref) : true,
            };
            for (const name of names) {
                if (!exampleStatuses.has(name))
                    exampleStatuses.set(name, []);
                exampleStatuses.get(name).push(status);
                const description = /^4/.test(status) ? errorDescription(examples.get(name)) : undefined;
                if (description !== undefined) {
                    errorExamples.push({
                        status,
                        name,
                        terms: descriptionTerms(description),
                        required: /\brequired\b/i.test(description),
                        invalid: /invalid|not valid|well-formatted|format/i.test(description),
                    });
                }
            }
        }
        errorExamples.sort((a, b) => errorStatusRank(a.status) - errorStatusRank(b.status));
        return {
            method,
            path: template,
            operationId: op.operationId ?? `${method} ${template}`,
            parameters,
            queryNames,
            booleanQuery,
            booleanHeaders,
            pathEnums,
            requestBody,
            requestMedia,
            bodyTree,
            security,
            responses,
            statuses,
            exampleStatuses,
            errorExamples,
            resource: null,
        };
    }
    const componentExamples = {};
    for (const [name, ex] of Object.entries(doc.components?.examples ?? {}))
        componentExamples[name] = deref(ex)?.value;
    return { doc, deref, operations, routes: buildRouteTable(operations), componentExamples };
}
