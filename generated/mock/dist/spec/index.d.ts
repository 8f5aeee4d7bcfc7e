import { type BodyNode } from './body-names.js';
import { type Deref, type OpenApiDocument, type OperationObject, type Parameter } from './load.js';
import { type RouteTable } from './routes.js';
export declare const METHODS: readonly ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
export interface SecurityScheme {
    key: string;
    type?: string;
    in?: string;
    name?: string;
    scheme?: string;
}
export interface ResponseInfo {
    examples: Map<string, unknown>;
    /** For generated (dynamic or schema-sampled) bodies only; examples are served verbatim. */
    tree: BodyNode | null;
    /** Does the response schema accept an extra `violations` property? */
    acceptsViolations: boolean;
}
export interface ErrorExample {
    status: string;
    name: string;
    terms: Set<string>;
    required: boolean;
    invalid: boolean;
}
export interface Operation {
    method: string;
    path: string;
    operationId: string;
    parameters: Parameter[];
    /** lower-case name -> spec spelling, for the query (parameters and query credentials). */
    queryNames: Map<string, string>;
    /** Spec names of boolean query parameters and (lower-case) boolean headers. */
    booleanQuery: Set<string>;
    booleanHeaders: Set<string>;
    pathEnums: Map<string, Map<string, string>>;
    requestBody: OperationObject['requestBody'];
    requestMedia: string[];
    bodyTree: BodyNode | null;
    security: SecurityScheme[][];
    responses: Record<string, ResponseInfo>;
    statuses: string[];
    exampleStatuses: Map<string, string[]>;
    errorExamples: ErrorExample[];
    /** Prism's operation, attached after Prism has read the spec. */
    resource: unknown;
}
export interface SpecIndex {
    doc: OpenApiDocument;
    deref: Deref;
    operations: Operation[];
    routes: RouteTable;
    componentExamples: Record<string, unknown>;
}
export declare const normalizeName: (s: string) => string;
export declare function buildIndex(doc: OpenApiDocument): SpecIndex;
