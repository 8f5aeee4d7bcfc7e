import type { Fault } from './exchange.js';
export interface Preference {
    code?: string;
    example?: string;
    dynamic?: boolean;
    seed?: string;
    delayMs?: number;
    fault?: Fault;
    dripMs?: number;
    retryAfter?: string;
}
export declare const MAX_DELAY_MS = 60000;
/** Parses `Prefer: code=400, example=NAME, dynamic=true, delay=250, fault=reset`. */
export declare function parsePrefer(header: string | undefined, control?: Record<string, string>): Preference | {
    error: string;
};
