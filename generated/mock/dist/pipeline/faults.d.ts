import type { SpecIndex } from '../spec/index.js';
import { type Exchange, type Fault, type Reply } from './exchange.js';
import type { Preference } from './prefer.js';
/** Statuses the mock injects even where an operation does not document them (rate limit, outage). */
export declare const INJECTED_STATUSES: ReadonlySet<string>;
export declare const FAULT_KINDS: readonly ["429", "503", "reset", "truncate", "drip"];
export type FaultKind = (typeof FAULT_KINDS)[number];
export declare const DEFAULT_RETRY_AFTER = "1";
export declare const DEFAULT_DRIP_MS = 1000;
export type Latency = {
    kind: 'fixed';
    ms: number;
} | {
    kind: 'uniform';
    min: number;
    max: number;
} | {
    kind: 'normal';
    mean: number;
    sd: number;
};
/** Parses `fixed:50`, `uniform:10-100` or `normal:50,10` (milliseconds). Throws an Error naming the problem. */
export declare function parseLatency(text: string): Latency;
export interface ChaosOptions {
    latency?: Latency;
    /** Probability (0..1) that a request gets one of `faults`. */
    faultRate?: number;
    faults?: readonly FaultKind[];
    seed?: string;
}
export interface Chaos {
    /** Per request: the latency to add and the fault to inject, if any. */
    draw(): {
        delayMs: number;
        fault?: FaultKind;
    };
    readonly seed: string;
}
export declare function createChaos(options: ChaosOptions): Chaos | null;
/** What to inject into this request: Prefer wins over the server's chaos. */
export interface FaultPlan {
    delayMs: number;
    status?: string;
    fault?: Fault;
    dripMs: number;
    retryAfter: string;
}
export declare function planFaults(prefer: Preference, chaos: Chaos | null): FaultPlan;
/**
 * The injected 429 or 503, with `Retry-After`. 429: the operation's documented 429 example (or the named
 * one), else the spec's TOO_MANY_REQUESTS. 503: LoginRadius documents no 503, so the body is the
 * operation's documented 500 error (what LoginRadius sends when it fails internally).
 */
export declare function injectedError(index: SpecIndex, ex: Exchange, status: string, retryAfter: string, exampleName?: string): Reply;
export declare const sleep: (ms: number) => Promise<void>;
