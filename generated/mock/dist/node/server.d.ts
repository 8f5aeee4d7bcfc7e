import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mock } from '../core.js';
export interface NodeServer {
    server: http.Server;
    address: AddressInfo;
    /** Stops accepting, waits for the requests in flight (at most `graceMs`), then closes every connection. */
    close(graceMs?: number): Promise<void>;
}
export interface ListenAdapterOptions {
    /**
     * Build a Fetch Request per call and go through `mock.handle()` (the portable path) instead of the
     * light IncomingRequest. Slower; kept so that the benchmark can measure the difference.
     */
    fetchObjects?: boolean;
}
export declare function listen(mock: Mock, port: number, host: string, adapter?: ListenAdapterOptions): Promise<NodeServer>;
