import { type ListenOptions, type MockOptions } from './options.js';
export interface RunningMock {
    /** e.g. `http://127.0.0.1:4010` */
    url: string;
    port: number;
    host: string;
    /** `mock` or `proxy`. */
    mode: 'mock' | 'proxy';
    /** Operations served. */
    operations: number;
    /** The seed of the latency and fault draws, when either is on (pass it as `seed` to repeat a run). */
    seed: string | null;
    /** Stops accepting, finishes the requests in flight, then resolves. */
    close(): Promise<void>;
}
export declare class PortInUseError extends Error {
    readonly port: number;
    readonly host: string;
    name: string;
    constructor(port: number, host: string);
}
/** Starts the mock: `const mock = await startMock({ port: 0 }); ... await mock.close();` */
export declare function startMock(options?: MockOptions & ListenOptions): Promise<RunningMock>;
