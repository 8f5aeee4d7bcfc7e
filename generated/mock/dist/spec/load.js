// Reads the spec the mock serves: the bundled one inside this package unless told otherwise.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
/** The bundled spec shipped in this package (openapi.json beside dist/). */
export const bundledSpecPath = fileURLToPath(new URL('../../openapi.json', import.meta.url));
export class SpecError extends Error {
    name = 'SpecError';
}
/** Reads JSON or YAML; retries briefly when a concurrent build is rewriting the file. */
export async function readSpecDocument(file) {
    let lastError;
    for (let attempt = 0; attempt < 5; attempt++) {
        try {
            const text = fs.readFileSync(file, 'utf8');
            const doc = /\.json$/i.test(file) ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: -1 });
            if (!doc || typeof doc !== 'object' || !('paths' in doc))
                throw new SpecError(`${file} is not an OpenAPI document (no "paths")`);
            return { doc: doc, text };
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT')
                throw new SpecError(`spec not found: ${file}`);
            if (code === 'EACCES' || code === 'EISDIR')
                throw new SpecError(`cannot read spec ${file}: ${error.message}`);
            if (error instanceof SpecError)
                throw error;
            lastError = error;
            await new Promise((r) => setTimeout(r, 150));
        }
    }
    throw new SpecError(`cannot read spec ${file}: ${lastError.message}`);
}
/** Follows local `$ref` chains (OpenAPI 3.1 allows siblings; they are ignored, as Prism's bundler does). */
export function createResolver(doc) {
    const cache = new Map();
    function lookup(ref) {
        if (cache.has(ref))
            return cache.get(ref);
        if (!ref.startsWith('#/'))
            throw new SpecError(`only local $refs are supported in the bundled spec, got ${ref}`);
        const target = ref
            .slice(2)
            .split('/')
            .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
            .reduce((node, key) => (node == null ? undefined : node[key]), doc);
        cache.set(ref, target);
        return target;
    }
    return function deref(node) {
        let current = node;
        for (let hops = 0; hops < 32 && current && typeof current.$ref === 'string'; hops++) {
            current = lookup(current.$ref);
        }
        return current;
    };
}
