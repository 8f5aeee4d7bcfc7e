import type { MockResponse } from '../pipeline/types.js';
export declare class DocumentedAnswers {
    private readonly byOperation;
    constructor(spec: unknown);
    has(operationId: string): boolean;
    documents(operationId: string, name: string): boolean;
    /**
     * The first of `names` that the operation documents, as a response with its documented status and body.
     * Throws when none is documented: that is a bug in a journey, and the unit tests exercise every error path.
     */
    error(operationId: string, names: readonly string[]): MockResponse;
}
