// The per-request state the stages pass along, and the reply they build. An adapter hands the core an
// IncomingRequest (a Fetch Request reduced to what the mock reads) and turns the Reply into bytes.
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

export function newExchange(request: IncomingRequest, verbose: boolean): Exchange {
  const target = request.target;
  const qi = target.indexOf('?');
  return {
    request,
    method: request.method.toLowerCase(),
    rawPath: qi === -1 ? target : target.slice(0, qi),
    search: qi === -1 ? '' : target.slice(qi + 1),
    rawBody: '',
    violations: [],
    reported: [],
    note: '',
    verbose: verbose ? [] : null,
    headers: {},
    started: performance.now(),
  };
}

export function jsonReply(ex: Exchange, status: number, body: unknown): Reply {
  return textReply(ex, status, typeof body === 'string' ? body : JSON.stringify(body));
}

export function textReply(ex: Exchange, status: number, payload: string | undefined, contentType = 'application/json'): Reply {
  const headers = ex.headers;
  if (payload !== undefined) headers['content-type'] ??= contentType;
  return { status, headers, body: payload };
}

const MAX_SAFE_HEADER_LENGTH = 8 * 1024 - 100;
/** Prism's `sl-violations` header (Latin-1 only: violations quote client input). */
export function setViolationHeader(ex: Exchange, reported: ReportedViolation[]): void {
  let value = JSON.stringify(reported);
  if (value.length > MAX_SAFE_HEADER_LENGTH) value = `Too many violations! ${value.substring(0, MAX_SAFE_HEADER_LENGTH)}`;
  ex.headers['sl-violations'] = value.replace(/[^\x20-\x7e]/g, '?');
}

export function addValue(target: Record<string, string | string[]>, name: string, value: string): void {
  const prev = target[name];
  if (prev === undefined) target[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else target[name] = [prev, value];
}
