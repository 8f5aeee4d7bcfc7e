import { type ErrorExample, type Operation, type SecurityScheme, type SpecIndex } from '../spec/index.js';
import type { PrismInput, PrismViolation } from '../prism/prism.js';
/** A violation in the shape of Prism's `sl-violations` header. */
export interface ReportedViolation {
    location: Array<string | number>;
    severity: string;
    code?: string | number;
    message?: string;
}
export interface LoginRadiusError {
    ErrorCode: number;
    Message: string;
    Description: string;
    [extra: string]: unknown;
}
export interface NamedError {
    status: number | null;
    name: string;
    value: unknown;
    documented: boolean;
}
/** A named error example: the operation's own documented one first, then the spec's component, then built-in. */
export declare function namedError(index: SpecIndex, op: Operation | null | undefined, name: string): NamedError;
export declare function envelope(errorCode: number, message: string, description: string): LoginRadiusError;
export declare const bodyErrorName: (method: string) => string;
export declare function toReported(v: PrismViolation, prefix?: string): ReportedViolation;
interface ViolationField {
    field: string | null;
    location: string | undefined;
    missing: boolean;
    path: Array<string | number>;
}
/**
 * The field a violation is about, as the client spelled it in the spec.
 * Prism reports `required` on the parent ("must have required property 'x'"), so read the name there.
 */
export declare function violationField(v: PrismViolation): ViolationField;
/** Orders violations as the live API checks: path, credentials, query, header, body. */
export declare function primaryViolation(violations: PrismViolation[]): PrismViolation | null;
/**
 * The operation's documented error example whose Description names one of `terms` (earlier terms are
 * more specific: the field before its parents). `missing` prefers "is a required parameter" wording;
 * `missing === false` (a type or format error) takes only Descriptions about an invalid value.
 */
export declare function findDocumentedExample(op: Operation, terms: string[], options?: {
    missing?: boolean;
    statuses?: string[];
}): ErrorExample | null;
/** Which credentials are missing, for the security alternative closest to being satisfied. */
export declare function missingCredentials(op: Operation, input: PrismInput): SecurityScheme[];
/** How to answer an invalid request: a documented example (served through Prism) or a synthesised body. */
export type ErrorChoice = {
    status: number;
    exampleName: string;
    field: string | null;
    body?: undefined;
} | {
    status: number;
    body: LoginRadiusError;
    field: string | null;
    exampleName?: undefined;
};
export declare function chooseErrorResponse(index: SpecIndex, op: Operation, violations: PrismViolation[], input: PrismInput): ErrorChoice | null;
export {};
