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

export type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

export interface PrismViolation {
  path?: Array<string | number>;
  code?: string | number;
  message?: string;
  severity: number | string;
}

export interface PrismInput {
  method: string;
  url: { path: string; query: Record<string, string | string[]> };
  headers: Record<string, string>;
  body?: unknown;
}

export interface PrismOutput {
  statusCode: number;
  headers?: Record<string, string | string[] | null | undefined>;
  body?: unknown;
}

export interface MockConfig {
  dynamic?: boolean;
  seed?: string;
  code?: number;
  exampleKey?: string;
}

interface PrismError extends Error {
  status?: number;
  detail?: string;
}

interface Validator {
  validateSecurity(args: { resource: unknown; element: PrismInput }): Either<PrismViolation[], unknown>;
  validateInput(args: { resource: unknown; element: PrismInput }): Either<PrismViolation[], unknown>;
  validateOutput: unknown;
}

interface Mocker {
  default(args: { resource: unknown; input: { data: PrismInput; validations: unknown[] }; config: MockConfig }): (logger: unknown) => Either<PrismError, PrismOutput>;
}

function installLazyFaker(): void {
  let fakerPath: string;
  try {
    fakerPath = requireFromPrism.resolve('@faker-js/faker');
  } catch {
    return; // not installed where Prism looks: Prism will fail loudly by itself
  }
  if (require.cache[fakerPath]) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[fakerPath];
      real = (requireFromPrism('@faker-js/faker') as { default: Record<PropertyKey, unknown> }).default;
    }
    return real;
  };
  const lazy = new Proxy(
    {},
    {
      get: (_t, key) => load()[key],
      has: (_t, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
  // Node's Module constructor is public but missing from @types/node's class typing of `Module`.
  const stub = new (Module as unknown as new (id: string) => NodeJS.Module)(fakerPath);
  stub.filename = fakerPath;
  stub.loaded = true;
  stub.exports = { default: lazy, faker: lazy };
  require.cache[fakerPath] = stub;
}

installLazyFaker();

const dist = <T>(p: string): T => requireFromPrism(path.join(prismHttpDir, 'dist', p)) as T;

/**
 * Prism's media-type matcher, memoised. It is pure, and Prism calls it for every listed media type of every
 * request body, parsing both types each time (7 % of a flows journey's time). Prism looks it up on its module
 * at each call, so replacing the export is enough; nothing in node_modules is modified.
 */
function memoiseMediaTypeMatch(): void {
  type Match = (a: unknown, b: unknown) => boolean;
  const module = dist<{ wildcardMediaTypeMatch: Match }>('validator/utils/wildcardMediaTypeMatch.js');
  const original = module.wildcardMediaTypeMatch;
  const known = new Map<string, boolean>();
  module.wildcardMediaTypeMatch = (a, b) => {
    if (typeof a !== 'string' || typeof b !== 'string') return original(a, b);
    const key = `${a}\u0000${b}`;
    let match = known.get(key);
    if (match === undefined) {
      match = original(a, b);
      if (known.size < 1024) known.set(key, match); // Content-Type values are the client's: keep the memo bounded
    }
    return match;
  };
}

memoiseMediaTypeMatch();

/** Prism's own request validators (the functions `prism mock` composes per request). */
export const validator: Validator = dist<Validator>('validator/index.js');

/**
 * Prism's mocker. Prism runs json-schema-faker with `alwaysFakeOptionals` and no array bound, so a
 * `Prefer: dynamic=true` response for a large schema (the user Profile: dozens of optional arrays of
 * objects) grows without limit; arrays and strings are capped on the instance Prism uses.
 */
export const mocker: Mocker = (() => {
  const mockerModule = dist<Mocker>('mocker/index.js');
  const { JSONSchemaFaker } = requireFromPrism('json-schema-faker') as { JSONSchemaFaker: { option(o: object): void } };
  JSONSchemaFaker.option({ maxItems: 2, maxLength: 24 });
  return mockerModule;
})();

export interface ProxyParts {
  factory: (config: object, components: object) => { request(input: PrismInput, resources: unknown[], config: object): () => Promise<Either<PrismError, ProxyResult>> };
  forward: (args: { data: PrismInput } & Record<string, unknown>, baseUrl: string, upstreamProxy: unknown, resource: unknown) => unknown;
  route: unknown;
}
export interface ProxyResult {
  output: PrismOutput;
  validations: { input: PrismViolation[]; output: PrismViolation[] };
}

/** Prism's proxy (forwarder + the prism-core factory), loaded only by the validation proxy. */
export function loadProxyParts(): ProxyParts {
  const core = requireFromPrism('@stoplight/prism-core') as { factory: ProxyParts['factory'] };
  return { factory: core.factory, forward: dist<{ default: ProxyParts['forward'] }>('forwarder/index.js').default, route: dist<{ default: unknown }>('router/index.js').default };
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
export async function httpOperationsFromDocument(doc: object): Promise<Array<{ method: string; path: string }>> {
  const { transformOas3Operations } = requireFromPrism('@stoplight/http-spec/oas3/operation') as {
    transformOas3Operations(doc: unknown): Array<{ method: string; path: string }>;
  };
  const RefParser = requireFromPrism('@stoplight/json-schema-ref-parser') as new () => { dereference(doc: object, options: object): Promise<object> };
  const { bundleTarget, pathToPointer } = requireFromPrism('@stoplight/json') as {
    bundleTarget(args: object): { method: string; path: string };
    pathToPointer(path: string[]): string;
  };
  const dereferenced = await new RefParser().dereference(doc, { resolve: { http: false, file: false } });
  const { value: resolved, refs } = decycle(dereferenced, pathToPointer);
  const operations = transformOas3Operations(resolved);
  if (refs === 0) return operations;
  return operations.map((op) => bundleTarget({ document: { ...(resolved as object), __target__: op }, path: '#/__target__', cloneDocument: false }));
}

function isPlainObject(o: unknown): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null) return false;
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === null || proto === Object.prototype;
}

/** A tree copy of a dereferenced document, with cycles replaced by `{ $ref: pointer }` (as @stoplight/json's decycle). */
export function decycle(root: unknown, pathToPointer: (path: string[]) => string): { value: unknown; refs: number } {
  const onStack = new Map<object, number>();
  const at: string[] = [];
  let refs = 0;
  function walk(node: unknown): unknown {
    const array = Array.isArray(node);
    if (!array && !isPlainObject(node)) return node;
    const container = node as object;
    const depth = onStack.get(container);
    if (depth !== undefined) {
      refs++;
      return { $ref: pathToPointer(at.slice(0, depth)) };
    }
    onStack.set(container, at.length);
    let out: unknown;
    if (array) {
      const list = node as unknown[];
      const copy = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) {
        at.push(String(i));
        copy[i] = walk(list[i]);
        at.pop();
      }
      out = copy;
    } else {
      const object = node as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(object)) {
        at.push(key);
        copy[key] = walk(object[key]);
        at.pop();
      }
      if (typeof copy.$ref === 'string') refs++;
      out = copy;
    }
    onStack.delete(container);
    return out;
  }
  return { value: walk(root), refs };
}

/** A logger with pino's surface that does nothing: Prism logs a dozen lines per request otherwise. */
export function silentLogger(): object {
  const noop = () => {};
  const logger: Record<string, unknown> = {
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
