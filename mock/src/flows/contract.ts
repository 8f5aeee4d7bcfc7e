// A copy of the types that the mock package's pipeline exports from `mock/src/pipeline/types.ts`, so that the
// flow engine compiles on its own until that module exists. Delete it once the imports point there.

export interface NormalisedRequest {
  method: string; // lower-case
  operationId: string;
  pathTemplate: string; // the spec path, e.g. '/identity/v2/auth/login/2fa/verification/otp'
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>; // spec spelling; empty values removed; booleans 'true'/'false'
  headers: Record<string, string>; // lower-case names
  body: unknown; // parsed JSON with spec-spelling property names, or undefined
  apiKey: string | undefined; // the apikey query parameter (any casing) or header
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
