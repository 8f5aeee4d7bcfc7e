/** The bundled spec shipped in this package (openapi.json beside dist/). */
export declare const bundledSpecPath: string;
export declare class SpecError extends Error {
    name: string;
}
/** Reads JSON or YAML; retries briefly when a concurrent build is rewriting the file. */
export declare function readSpecDocument(file: string): Promise<{
    doc: OpenApiDocument;
    text: string;
}>;
export interface Schema {
    $ref?: string;
    type?: string | string[];
    enum?: unknown[];
    properties?: Record<string, Schema>;
    items?: Schema | Schema[];
    prefixItems?: Schema[];
    additionalProperties?: boolean | Schema;
    unevaluatedProperties?: boolean | Schema;
    patternProperties?: Record<string, Schema>;
    allOf?: Schema[];
    oneOf?: Schema[];
    anyOf?: Schema[];
    then?: Schema;
    else?: Schema;
    dependentSchemas?: Record<string, Schema>;
    writeOnly?: boolean;
}
export interface Parameter {
    $ref?: string;
    name: string;
    in: 'query' | 'header' | 'path' | 'cookie';
    required?: boolean;
    schema?: Schema;
}
export interface MediaType {
    schema?: Schema;
    examples?: Record<string, {
        $ref?: string;
        value?: unknown;
    }>;
}
export interface OperationObject {
    operationId?: string;
    deprecated?: boolean;
    parameters?: Parameter[];
    requestBody?: {
        $ref?: string;
        required?: boolean;
        content?: Record<string, MediaType>;
    };
    responses?: Record<string, {
        $ref?: string;
        content?: Record<string, MediaType>;
    }>;
    security?: Array<Record<string, string[]>>;
}
export interface SecuritySchemeObject {
    type?: string;
    in?: string;
    name?: string;
    scheme?: string;
}
export interface OpenApiDocument {
    paths: Record<string, Record<string, unknown> & {
        parameters?: Parameter[];
    }>;
    security?: Array<Record<string, string[]>>;
    components?: {
        securitySchemes?: Record<string, SecuritySchemeObject>;
        examples?: Record<string, {
            value?: unknown;
        }>;
    };
}
/** Follows local `$ref` chains (OpenAPI 3.1 allows siblings; they are ignored, as Prism's bundler does). */
export declare function createResolver(doc: object): <T>(node: T | undefined) => T | undefined;
export type Deref = ReturnType<typeof createResolver>;
