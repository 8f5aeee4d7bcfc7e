import { type Exchange, type Reply } from './exchange.js';
export interface ProxyOptions {
    upstream: URL;
    /** Replace a non-conforming upstream response with a 502 (Prism's --errors). */
    errors: boolean;
    /** Every operation Prism knows, for routing requests the mock's own router did not match. */
    resources: unknown[];
}
export declare function createProxy(options: ProxyOptions): {
    forward(ex: Exchange): Promise<Reply>;
};
