export type Either<L, R> = {
    _tag: 'Left';
    left: L;
} | {
    _tag: 'Right';
    right: R;
};
export interface PrismViolation {
    path?: Array<string | number>;
    code?: string | number;
    message?: string;
    severity: number | string;
}
export interface PrismInput {
    method: string;
    url: {
        path: string;
        query: Record<string, string | string[]>;
    };
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
    validateSecurity(args: {
        resource: unknown;
        element: PrismInput;
    }): Either<PrismViolation[], unknown>;
    validateInput(args: {
        resource: unknown;
        element: PrismInput;
    }): Either<PrismViolation[], unknown>;
    validateOutput: unknown;
}
interface Mocker {
    default(args: {
        resource: unknown;
        input: {
            data: PrismInput;
            validations: unknown[];
        };
        config: MockConfig;
    }): (logger: unknown) => Either<PrismError, PrismOutput>;
}
/** Prism's own request validators (the functions `prism mock` composes per request). */
export declare const validator: Validator;
/**
 * Prism's mocker. Prism runs json-schema-faker with `alwaysFakeOptionals` and no array bound, so a
 * `Prefer: dynamic=true` response for a large schema (the user Profile: dozens of optional arrays of
 * objects) grows without limit; arrays and strings are capped on the instance Prism uses.
 */
export declare const mocker: Mocker;
export interface ProxyParts {
    factory: (config: object, components: object) => {
        request(input: PrismInput, resources: unknown[], config: object): () => Promise<Either<PrismError, ProxyResult>>;
    };
    forward: (args: {
        data: PrismInput;
    } & Record<string, unknown>, baseUrl: string, upstreamProxy: unknown, resource: unknown) => unknown;
    route: unknown;
}
export interface ProxyResult {
    output: PrismOutput;
    validations: {
        input: PrismViolation[];
        output: PrismViolation[];
    };
}
/** Prism's proxy (forwarder + the prism-core factory), loaded only by the validation proxy. */
export declare function loadProxyParts(): ProxyParts;
/**
 * Prism's operations for an already-parsed OpenAPI 3 document: the same steps as prism-http's
 * getHttpOperationsFromSpec (dereference, decycle, transform, bundle), without the Postman/OAS2
 * importers. `doc` is consumed (dereferenced in place); pass a private copy.
 *
 * @stoplight/json's decycle computes a JSON pointer for every node it copies (about 1 s for this spec);
 * `decycle` below produces the same tree computing pointers only for cycles, and when no `$ref` is left
 * the per-operation bundling step is a no-op and is skipped.
 */
export declare function httpOperationsFromDocument(doc: object): Promise<Array<{
    method: string;
    path: string;
}>>;
/** A tree copy of a dereferenced document, with cycles replaced by `{ $ref: pointer }` (as @stoplight/json's decycle). */
export declare function decycle(root: unknown, pathToPointer: (path: string[]) => string): {
    value: unknown;
    refs: number;
};
/** A logger with pino's surface that does nothing: Prism logs a dozen lines per request otherwise. */
export declare function silentLogger(): object;
export {};
