import { type SpecIndex } from './spec/index.js';
import { type IncomingRequest, type Reply } from './pipeline/exchange.js';
import { type MockOptions } from './options.js';
export declare const MAX_BODY_BYTES: number;
export interface Mock {
    /** Fetch-API form: a Request in, a Response out. */
    handle(request: Request): Promise<Response>;
    /** The same, without Fetch objects (what the Node adapter calls). */
    respond(request: IncomingRequest): Promise<Reply>;
    /** Number of operations served. */
    readonly operations: number;
    /** The spec file served. */
    readonly specPath: string;
    /** `mock` or `proxy`. */
    readonly mode: 'mock' | 'proxy';
    /** The seed of the latency and fault draws (null when neither is on). */
    readonly seed: string | null;
    /** The --list table: operation -> status -> example names. */
    list(): string;
}
export declare function createMock(options?: MockOptions): Promise<Mock>;
/** An upstream URL for the proxy; throws an Error naming what is wrong with it. */
export declare function parseUpstream(value: string | URL): URL;
export type { SpecIndex };
