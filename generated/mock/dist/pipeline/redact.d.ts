import type { OpenApiDocument } from '../spec/load.js';
export declare const REDACTED = "[redacted]";
export interface Redactor {
    isSecret(name: string): boolean;
    /** A copy of a query or header record with secret values replaced. */
    record(values: Record<string, unknown>): Record<string, unknown>;
    /** A copy of a JSON value with every secret property's value replaced, at any depth. */
    json(value: unknown): unknown;
}
export declare function createRedactor(doc: OpenApiDocument): Redactor;
