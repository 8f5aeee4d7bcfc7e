// Fault and latency injection, for testing a client's resilience. Per request through `Prefer`
// (delay=ms, code=429|503, fault=reset|truncate|drip), per server through a latency distribution and a
// fault rate drawn from one seeded generator, so that a run with the same --seed repeats.
// Every injected error body is a documented LoginRadius error from the spec.
import seedrandom from 'seedrandom';
import type { SpecIndex } from '../spec/index.js';
import { namedError, type LoginRadiusError } from './errors.js';
import { jsonReply, type Exchange, type Fault, type Reply } from './exchange.js';
import type { Preference } from './prefer.js';

/** Statuses the mock injects even where an operation does not document them (rate limit, outage). */
export const INJECTED_STATUSES: ReadonlySet<string> = new Set(['429', '503']);
export const FAULT_KINDS = ['429', '503', 'reset', 'truncate', 'drip'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const DEFAULT_RETRY_AFTER = '1';
export const DEFAULT_DRIP_MS = 1000;

export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number };

/** Parses `fixed:50`, `uniform:10-100` or `normal:50,10` (milliseconds). Throws an Error naming the problem. */
export function parseLatency(text: string): Latency {
  const num = '(\\d+(?:\\.\\d+)?)';
  let m = new RegExp(`^fixed:${num}$`).exec(text) ?? new RegExp(`^${num}$`).exec(text);
  if (m) return { kind: 'fixed', ms: Number(m[1]) };
  m = new RegExp(`^uniform:${num}-${num}$`).exec(text);
  if (m) {
    const [min, max] = [Number(m[1]), Number(m[2])];
    if (min > max) throw new Error(`--latency uniform:${m[1]}-${m[2]}: the minimum is above the maximum`);
    return { kind: 'uniform', min, max };
  }
  m = new RegExp(`^normal:${num},${num}$`).exec(text);
  if (m) return { kind: 'normal', mean: Number(m[1]), sd: Number(m[2]) };
  throw new Error(`--latency "${text}" is not a distribution: use fixed:MS, uniform:MIN-MAX or normal:MEAN,SD (milliseconds)`);
}

export interface ChaosOptions {
  latency?: Latency;
  /** Probability (0..1) that a request gets one of `faults`. */
  faultRate?: number;
  faults?: readonly FaultKind[];
  seed?: string;
}

export interface Chaos {
  /** Per request: the latency to add and the fault to inject, if any. */
  draw(): { delayMs: number; fault?: FaultKind };
  readonly seed: string;
}

export function createChaos(options: ChaosOptions): Chaos | null {
  const { latency, faultRate = 0, faults = FAULT_KINDS } = options;
  if (!latency && faultRate === 0) return null;
  if (!(faultRate >= 0 && faultRate <= 1)) throw new Error(`--fault-rate must be a probability from 0 to 1, got ${faultRate}`);
  if (faults.length === 0) throw new Error('--faults needs at least one fault');
  const seed = options.seed ?? Math.random().toString(36).slice(2, 10);
  const random = seedrandom(seed);
  const sampleLatency = (): number => {
    if (!latency) return 0;
    if (latency.kind === 'fixed') return latency.ms;
    if (latency.kind === 'uniform') return latency.min + random() * (latency.max - latency.min);
    // Box-Muller; a negative draw means no delay.
    const u = 1 - random();
    const v = random();
    return Math.max(0, latency.mean + latency.sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  return {
    seed,
    draw() {
      const delayMs = Math.round(sampleLatency());
      const fault = faultRate > 0 && random() < faultRate ? faults[Math.floor(random() * faults.length)] : undefined;
      return { delayMs, fault };
    },
  };
}

/** What to inject into this request: Prefer wins over the server's chaos. */
export interface FaultPlan {
  delayMs: number;
  status?: string;
  fault?: Fault;
  dripMs: number;
  retryAfter: string;
}

export function planFaults(prefer: Preference, chaos: Chaos | null): FaultPlan {
  const explicit = prefer.fault !== undefined || (prefer.code !== undefined && INJECTED_STATUSES.has(prefer.code));
  const drawn = chaos?.draw();
  const plan: FaultPlan = {
    delayMs: prefer.delayMs ?? drawn?.delayMs ?? 0,
    dripMs: prefer.dripMs ?? DEFAULT_DRIP_MS,
    retryAfter: prefer.retryAfter ?? DEFAULT_RETRY_AFTER,
  };
  if (prefer.code !== undefined && INJECTED_STATUSES.has(prefer.code)) plan.status = prefer.code;
  if (prefer.fault) plan.fault = prefer.fault;
  // The server's chaos never overrides what the request asked for explicitly (code, example, fault).
  if (!explicit && prefer.code === undefined && prefer.example === undefined && drawn?.fault) {
    if (drawn.fault === '429' || drawn.fault === '503') plan.status = drawn.fault;
    else plan.fault = drawn.fault;
  }
  return plan;
}

/**
 * The injected 429 or 503, with `Retry-After`. 429: the operation's documented 429 example (or the named
 * one), else the spec's TOO_MANY_REQUESTS. 503: LoginRadius documents no 503, so the body is the
 * operation's documented 500 error (what LoginRadius sends when it fails internally).
 */
export function injectedError(index: SpecIndex, ex: Exchange, status: string, retryAfter: string, exampleName?: string): Reply {
  const op = ex.op;
  const documentedUnder = status === '429' ? '429' : '500';
  const examples = op?.responses[documentedUnder]?.examples;
  let body: unknown = exampleName !== undefined ? examples?.get(exampleName) : undefined;
  body ??= examples?.values().next().value;
  body ??= status === '429' ? namedError(index, op, 'TOO_MANY_REQUESTS').value : firstComponentError(index, '500');
  ex.headers['retry-after'] = retryAfter;
  ex.note = `injected ${status}`;
  return jsonReply(ex, Number(status), body as LoginRadiusError);
}

function firstComponentError(index: SpecIndex, status: string): unknown {
  for (const op of index.operations) {
    const value = op.responses[status]?.examples.values().next().value;
    if (value !== undefined) return value;
  }
  return { ErrorCode: 500, Message: 'Internal server error', Description: 'The server failed internally; retry later.' };
}

export const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
