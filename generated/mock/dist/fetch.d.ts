import type { IncomingRequest, Reply } from './pipeline/exchange.js';
export declare function fromFetchRequest(request: Request): Promise<IncomingRequest>;
export declare function toFetchResponse(reply: Reply): Response;
/** Ten chunks (or one per byte for short bodies), sent `dripMs / chunks` apart. */
export declare function splitForDrip(bytes: Uint8Array): Uint8Array[];
