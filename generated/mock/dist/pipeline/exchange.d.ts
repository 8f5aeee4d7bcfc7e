import type { PrismInput, PrismViolation } from '../prism/prism.js';
import type { Operation } from '../spec/index.js';
import type { ReportedViolation } from './errors.js';
import type { NormalisedRequest } from './types.js';
/**
 * What the core reads from a request. `new Request(...)` is adapted by `fromFetchRequest`; the Node
 * adapter builds one straight from `http.IncomingMessage` (cheaper than a Fetch Request per call).
 */
export interface IncomingRequest {
    /** As sent (`GET`, `put`...). */
    method: string;
    /** Origin-form target: path plus optional `?query`. */
    target: string;
    /** Lower-case names. */
    headers: Record<string, string | undefined>;
    /** Whether a body was announced (Content-Length > 0 or Transfer-Encoding). */
    hasBody: boolean;
    /** The body as text; null when larger than `limit` bytes, undefined when it could not be read. */
    text(limit: number): Promise<string | null | undefined>;
}
export type Fault = 'reset' | 'truncate' | 'drip';
/** What the core answers: status, headers, payload, and how the adapter should (mis)deliver it. */
export interface Reply {
    status: number;
    headers: Record<string, string>;
    body?: string;
    /** reset: no response; truncate: half the body, then the connection drops; drip: body in slow chunks. */
    fault?: Fault;
    /** For drip: the time over which the body is spread. */
    dripMs?: number;
}
export interface Exchange {
    request: IncomingRequest;
    method: string;
    rawPath: string;
    search: string;
    rawBody: string;
    op?: Operation;
    canonicalPath?: string;
    pathParams?: Record<string, string>;
    normalised?: NormalisedRequest;
    input?: PrismInput;
    violations: PrismViolation[];
    reported: ReportedViolation[];
    /** One short note for the log line. */
    note: string;
    /** Detail lines for --verbose (null when not verbose, so nothing is built). */
    verbose: string[] | null;
    headers: Record<string, string>;
    started: number;
}
export declare function newExchange(request: IncomingRequest, verbose: boolean): Exchange;
export declare function jsonReply(ex: Exchange, status: number, body: unknown): Reply;
export declare function textReply(ex: Exchange, status: number, payload: string | undefined, contentType?: string): Reply;
/** Prism's `sl-violations` header (Latin-1 only: violations quote client input). */
export declare function setViolationHeader(ex: Exchange, reported: ReportedViolation[]): void;
export declare function addValue(target: Record<string, string | string[]>, name: string, value: string): void;
