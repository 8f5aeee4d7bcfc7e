// The options of the mock, shared by the command line, startMock() and createMock().
import type { Latency, FaultKind } from './pipeline/faults.js';
import type { AdminHandler, JournalEntry, Responder } from './pipeline/types.js';

export interface MockOptions {
  /** The spec to serve (JSON or YAML). Default: the bundled spec inside this package. */
  spec?: string;
  /** Relay to this upstream (a LoginRadius tenant) and validate both ways, instead of mocking. */
  proxy?: string | URL;
  /** Proxy only: replace a non-conforming upstream response with a 502 problem+json (default true). */
  errors?: boolean;
  /** Generate responses from the schemas instead of serving the examples. */
  dynamic?: boolean;
  /** Log the normalised query, headers and body (redacted) and the violations under each request line. */
  verbose?: boolean;
  /** No per-request log line. */
  quiet?: boolean;
  /** Where log lines go (text ending in a newline). Default: standard output. */
  log?: (text: string) => void;
  /** Added latency per request: `fixed:50`, `uniform:10-100`, `normal:50,10` (ms), or a parsed value. */
  latency?: string | Latency;
  /** Probability (0..1) that a request gets an injected fault. */
  faultRate?: number;
  /** Which faults --fault-rate draws from (default all: 429, 503, reset, truncate, drip). */
  faults?: readonly FaultKind[];
  /** Seeds the latency and fault draws (and flows), so that runs repeat. */
  seed?: string;
  /** Answer validated requests before the examples do (skipped when `Prefer` asks for a code or example). */
  responders?: Responder[];
  /** Handles requests under /__mock/. */
  admin?: AdminHandler;
  /** Receives every request, redacted, after it was answered. */
  onJournal?: (entry: JournalEntry) => void;
  /** Load this package's stateful flows (`./flows/index.js`). */
  flows?: boolean;
  /**
   * Flows: the token the admin API (/__mock/) demands (`Authorization: Bearer …` or `X-Mock-Admin-Token`). Without
   * it the admin API answers only while the mock is bound to a loopback address.
   */
  adminToken?: string;
  /** The interface the mock is bound to, when known (startMock passes it): decides whether /__mock/ needs a token. */
  host?: string;
}

export interface ListenOptions {
  /** Default 4010 for the CLI; 0 (any free port) for startMock(). */
  port?: number;
  /** Default 127.0.0.1. Any other interface is reachable from other machines: a warning is printed. */
  host?: string;
}

/** Loopback names and addresses (all of 127.0.0.0/8 is loopback). */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
