// Loads the parts of @stoplight/prism-http the mock uses, in-process, and turns the spec into Prism's
// resolved operations (what `prism mock` does at startup, minus the CLI, pino and micri). Prism ships no
// types for these internal modules: the interfaces below describe only what the mock calls.
//
// Startup cost: prism-http's mocker requires @faker-js/faker (every locale, ~0.5 s) only to hand it to
// json-schema-faker, which uses it for `dynamic` (random) responses. The mock serves static examples,
// so faker is registered as a lazy proxy: it is loaded the first time a dynamic response needs it,
// and never otherwise. Nothing in node_modules is modified.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
const require = createRequire(import.meta.url);
const prismHttpDir = path.dirname(require.resolve('@stoplight/prism-http/package.json'));
const requireFromPrism = createRequire(path.join(prismHttpDir, 'dist', 'index.js'));
function installLazyFaker() {
    let fakerPath;
    try {
        fakerPath = requireFromPrism.resolve('@faker-js/faker');
    }
    catch {
        return; // not installed where Prism looks: Prism will fail loudly by itself
    }
    if (require.cache[fakerPath])
        return;
    let real;
    const load = () => {
        if (!real) {
            delete require.cache[fakerPath];
            real = requireFromPrism('@faker-js/faker').default;
        }
        return real;
    };
    const lazy = new Proxy({}, {
        get: (_t, key) => load()[key],
        has: (_t, key) => key in load(),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_t, key) => {
            const d = Reflect.getOwnPropertyDescriptor(load(), key);
            return d && { ...d, configurable: true };
        },
    });
    // Node's Module constructor is public but missing from @types/node's class typing of `Module`.
    const stub = new Module(fakerPath);
    stub.filename = fakerPath;
    stub.loaded = true;
    stub.exports = { default: lazy, faker: lazy };
    require.cache[fakerPath] = stub;
}
installLazyFaker();
const dist = (p) => requireFromPrism(path.join(prismHttpDir, 'dist', p));
/**
 * Prism's media-type matcher, memoised. It is pure, and Prism calls it for every listed media type of every
 * request body, parsing both types each time (7 % of a flows journey's time). Prism looks it up on its module
 * at each call, so replacing the export is enough; nothing in node_modules is modified.
 */
function memoiseMediaTypeMatch() {
    const module = dist('validator/utils/wildcardMediaTypeMatch.js');
    const original = module.wildcardMediaTypeMatch;
    const known = new Map();
    module.wildcardMediaTypeMatch = (a, b) => {
        if (typeof a !== 'string' || typeof b !== 'string')
            return original(a, b);
        const key = `${a}\u0000${b}`;
        let match = known.get(key);
        if (match === undefined) {
            match = original(a, b);
            if (known.size < 1024)
                known.set(key, match); // Content-Type values are the client's: keep the memo bounded
        }
        return match;
    };
}
memoiseMediaTypeMatch();
/** Prism's own request validators (the functions `prism mock` composes per request). */
export const validator = dist('validator/index.js');
/**
 * Prism's mocker. Prism runs json-schema-faker with `alwaysFakeOptionals` and no array bound, so a
 * `Prefer: dynamic=true` response for a large schema (the user Profile: dozens of optional arrays of
 * objects) grows without limit; arrays and strings are capped on the instance Prism uses.
 */
export const mocker = (() => {
    const mockerModule = dist('mocker/index.js');
    const { JSONSchemaFaker } = requireFromPrism('json-schema-faker');
    JSONSchemaFaker.option({ maxItems: 2, maxLength: 24 });
    return mockerModule;
})();
/** Prism's proxy (forwarder + the prism-core factory), loaded only by the validation proxy. */
export function loadProxyParts() {
    const core = requireFromPrism('@stoplight/prism-core');
    return { factory: core.factory, forward: dist('forwarder/index.js').default, route: dist('router/index.js').default };
}
/**
 * Prism's operations for an already-parsed OpenAPI 3 document: the same steps as prism-http's
 * getHttpOperationsFromSpec (dereference, decycle, transform, bundle), without the Postman/OAS2
 * importers. `doc` is consumed (dereferenced in place); pass a private copy.
 *
 * @stoplight/json's decycle computes a JSON pointer for every node it copies (about 1 s for this spec);
 * `decycle` below produces the same tree computing pointers only for cycles, and when no `$ref` is left
 * the per-operation bundling step is a no-op and is skipped.
 */
export async function httpOperationsFromDocument(doc) {
    const { transformOas3Operations } = requireFromPrism('@stoplight/http-spec/oas3/operation');
    const RefParser = requireFromPrism('@stoplight/json-schema-ref-parser');
    const { bundleTarget, pathToPointer } = requireFromPrism('@stoplight/json');
    const dereferenced = await new RefParser().dereference(doc, { resolve: { http: false, file: false } });
    const { value: resolved, refs } = decycle(dereferenced, pathToPointer);
    const operations = transformOas3Operations(resolved);
    if (refs === 0)
        return operations;
    return operations.map((op) => bundleTarget({ document: { ...resolved, __target__: op }, path: '#/__target__', cloneDocument: false }));
}
function isPlainObject(o) {
    if (typeof o !== 'object' || o === null)
        return false;
    const proto = Object.getPrototypeOf(o);
    return proto === null || proto === Object.prototype;
}
/** A tree copy of a dereferenced document, with cycles replaced by `{ $ref: pointer }` (as @stoplight/json's decycle). */
export function decycle(root, pathToPointer) {
    const onStack = new Map();
    const at = [];
    let refs = 0;
    function walk(node) {
        const array = Array.isArray(node);
        if (!array && !isPlainObject(node))
            return node;
        const container = node;
        const depth = onStack.get(container);
        if (depth !== undefined) {
            refs++;
            return { $ref: pathToPointer(at.slice(0, depth)) };
        }
        onStack.set(container, at.length);
        let out;
        if (array) {
            const list = node;
            const copy = new Array(list.length);
            for (let i = 0; i < list.length; i++) {
                at.push(String(i));
                copy[i] = walk(list[i]);
                at.pop();
            }
            out = copy;
        }
        else {
            const object = node;
            const copy = {};
            for (const key of Object.keys(object)) {
                at.push(key);
                copy[key] = walk(object[key]);
                at.pop();
            }
            if (typeof copy.$ref === 'string')
                refs++;
            out = copy;
        }
        onStack.delete(container);
        return out;
    }
    return { value: walk(root), refs };
}
/** A logger with pino's surface that does nothing: Prism logs a dozen lines per request otherwise. */
export function silentLogger() {
    const noop = () => { };
    const logger = {
        level: 'silent',
        isLevelEnabled: () => false,
        trace: noop,
        debug: noop,
        info: noop,
        success: noop,
        warn: noop,
        error: noop,
        fatal: noop,
    };
    logger.child = () => logger;
    return logger;
}
