// The extension contract of the request pipeline: what a responder, an admin handler and a journal
// listener see. Stateful behaviour (flows, scenarios) plugs in here without touching the stages.

/** A request after the normalise stage: every name in the spec's spelling, as the live API reads it. */
export interface NormalisedRequest {
  /** Lower case (`get`, `put`...). */
  method: string;
  operationId: string;
  /** The spec path, e.g. '/identity/v2/auth/login/2fa/verification/otp'. */
  pathTemplate: string;
  pathParams: Record<string, string>;
  /** Spec spelling; empty values removed; booleans 'true'/'false'. */
  query: Record<string, string | string[]>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON with spec-spelling property names, or undefined. */
  body: unknown;
  /** The apikey query parameter (any casing) or header. */
  apiKey: string | undefined;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Answers a request Prism has validated, or returns undefined so the next responder (finally the examples) answers. */
export type Responder = (req: NormalisedRequest) => MockResponse | undefined | Promise<MockResponse | undefined>;

/** Handles requests under the reserved prefix /__mock/ (before routing); undefined = 404. */
export type AdminHandler = (request: Request) => Promise<Response | undefined>;

/** An admin request without Fetch objects: the body already read, header names in lower case. */
export interface AdminCall {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
}

/** An admin answer without Fetch objects. */
export interface AdminAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** The light form of AdminHandler, which the core prefers when a module offers it; undefined = 404. */
export type LightAdminHandler = (call: AdminCall) => AdminAnswer | undefined;

export interface JournalEntry {
  at: string;
  apiKey: string | undefined;
  operationId: string | undefined;
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  note: string;
}

/** What `--flows` loads: `./flows/index.js` of this package must export `createFlows`. */
export interface FlowsModule {
  createFlows(options: { seed?: string; spec: unknown; admin?: { boundToLoopback: boolean | (() => boolean); token?: string } }): {
    responders: Responder[];
    admin: AdminHandler;
    /** The same routes as `admin`, without Fetch objects. */
    adminCall?: LightAdminHandler;
    onJournal: (entry: JournalEntry) => void;
  };
}
