/// <reference path="../../mock/src/types/seedrandom.d.ts" />
// Raw-HTTP helpers for the mock's own tests: requests built from the spec (its examples and security
// schemes), sent with fetch so casing, headers and bodies are exactly what each test says.
import { TEST_CREDENTIALS } from '../support/client.js';
import path from 'node:path';
import { ajv, deref, pointer, repoRoot, spec, validRequest, type Json, type Operation } from '../support/spec.js';

export interface RawRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: Json;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

const schemes: Record<string, Json> = spec.components?.securitySchemes ?? {};

/** Credentials for the operation's first security alternative. */
export function credentials(operation: Operation) {
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const name of Object.keys(operation.security[0] ?? {})) {
    const scheme = deref(schemes[name]);
    if (scheme?.type === 'http' && /bearer/i.test(scheme.scheme)) headers.Authorization = `Bearer ${TEST_CREDENTIALS.accessToken}`;
    else if (scheme?.type === 'apiKey') {
      const value = /secret/i.test(scheme.name) ? TEST_CREDENTIALS.apiSecret : /token/i.test(scheme.name) ? TEST_CREDENTIALS.accessToken : TEST_CREDENTIALS.apiKey;
      if (scheme.in === 'query') query[scheme.name] = value;
      else if (scheme.in === 'header') headers[scheme.name] = value;
    }
  }
  return { query, headers };
}

/** A valid request for the operation (required parameters, first request-body example, credentials). */
export function buildValid(operation: Operation, { allParameters = false } = {}): RawRequest {
  const valid = validRequest(operation, { allParameters });
  const creds = credentials(operation);
  let path = operation.path;
  for (const [name, value] of Object.entries(valid.pathParams)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const query: Record<string, string> = { ...creds.query };
  for (const [name, value] of Object.entries(valid.query)) query[name] = typeof value === 'string' ? value : JSON.stringify(value);
  const headers: Record<string, string> = { ...creds.headers, ...valid.header };
  return { method: operation.method.toUpperCase(), path, query, headers, body: valid.body };
}

/** A Fetch-API handler (the mock's core: Request in, Response out), to call without a socket. */
export type Handler = (request: Request) => Promise<Response>;

/** Sends a raw request to a server URL, or straight to a handler (the same Request either way). */
export async function send(target: string | Handler, request: RawRequest, { timeoutMs = 10_000 } = {}): Promise<RawResponse> {
  const url = new URL(request.path, typeof target === 'string' ? target : 'http://mock.invalid');
  for (const [name, value] of Object.entries(request.query)) url.searchParams.append(name, value);
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined = request.rawBody;
  if (body === undefined && request.body !== undefined) body = JSON.stringify(request.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const init = { method: request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) };
  const response = typeof target === 'string' ? await fetch(url, init) : await target(new Request(url, init));
  const text = await response.text();
  let parsed: Json = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The LoginRadius error Description, whatever the envelope's casing. */
export function errorDescription(body: Json): string {
  if (!body || typeof body !== 'object') return '';
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'description');
  return key ? String(body[key]) : '';
}

export function violationsOf(response: RawResponse): Json[] {
  const header = response.headers.get('sl-violations');
  return header ? JSON.parse(header) : [];
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Does the LoginRadius envelope itself name the field, in its Description? Prism's `sl-violations` header does not
 * count: the live API has no such header, so an app (and this test) sees only the envelope.
 */
export function namesField(response: RawResponse, field: string): boolean {
  const want = squash(field);
  return want.length > 0 && squash(errorDescription(response.body)).includes(want);
}

/** A LoginRadius error field (ErrorCode, Message, Description) of a body, whatever its casing. */
export function errorField(body: Json, name: 'ErrorCode' | 'Message' | 'Description'): Json {
  if (!body || typeof body !== 'object') return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** The named example of an operation's response (any status), or undefined. */
export function documentedExample(operation: Operation, status: number | string, name: string): Json {
  const media = deref(deref(operation.op.responses?.[String(status)])?.content?.['application/json']);
  const example = media?.examples?.[name];
  return example === undefined ? undefined : deref(example).value;
}

/**
 * The answer is the operation's documented example `name` at `status`: same status, same ErrorCode, Message and
 * Description (a `violations` list the mock may add is extra detail, not compared).
 */
export function expectExample(operation: Operation, response: RawResponse, status: number, name: string, context: string) {
  const want = documentedExample(operation, status, name);
  if (want === undefined) throw new Error(`${context}: ${operation.operationId} documents no ${status} example ${name}`);
  const got = { status: response.status, ErrorCode: errorField(response.body, 'ErrorCode'), Message: errorField(response.body, 'Message'), Description: errorField(response.body, 'Description') };
  const expected = { status, ErrorCode: errorField(want, 'ErrorCode'), Message: errorField(want, 'Message'), Description: errorField(want, 'Description') };
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`${context}: want ${name} ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}

/** Is the answer one of the operation's documented error examples (status, ErrorCode and Description)? */
export function isDocumentedError(operation: Operation, response: RawResponse): boolean {
  const media = deref(deref(operation.op.responses?.[String(response.status)])?.content?.['application/json']);
  return Object.values((media?.examples ?? {}) as Record<string, Json>).some((ex) => {
    const value = deref(ex).value;
    return errorField(value, 'ErrorCode') === errorField(response.body, 'ErrorCode') && errorField(value, 'Description') === errorField(response.body, 'Description');
  });
}

/**
 * Starts the mock from its TypeScript sources (mock/src), inside the test process, on a free loopback port: the
 * same pipeline as the built package, and the code StrykerJS mutates (npm run mutate).
 */
export async function startInProcessMock(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const { startMock } = await import('../../mock/src/index.js');
  const mock = await startMock({ port: 0, spec: path.join(repoRoot, 'generated', 'openapi.json'), quiet: true, log: () => {} });
  return { baseUrl: mock.url, stop: () => mock.close() };
}

/** Casing variants of a name: PascalCase, camelCase and UPPER, each different from the original. */
export function otherCasings(name: string): string[] {
  const pascal = name.replace(/(^|[_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  const alternating = [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  return [...new Set([pascal, camel, name.toUpperCase(), alternating])].filter((v) => v !== name && /[a-z]/i.test(v));
}

/** Walks a JSON Schema with the spec's refs; yields [jsonPath, schema] for every property schema. */
export function* walkSchema(schema: Json, at = '', seen = new Set<Json>()): Generator<[string, Json]> {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return;
  seen.add(s);
  yield [at, s];
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) for (const b of s[key] ?? []) yield* walkSchema(b, at, seen);
  for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) yield* walkSchema(sub, `${at}/${name}`, seen);
  if (s.items && typeof s.items === 'object') yield* walkSchema(s.items, `${at}/*`, seen);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') yield* walkSchema(s.additionalProperties, `${at}/*`, seen);
  seen.delete(s);
}

/**
 * The mock's Fetch-API core from mock/src, in the test process, without a socket: what the error-layer tests call
 * (fast enough for StrykerJS to run per mutant; the HTTP adapter is covered by the tests that start a server).
 */
export async function startInProcessCore(): Promise<{ handle: Handler }> {
  const { createMock } = await import('../../mock/src/index.js');
  const mock = await createMock({ spec: path.join(repoRoot, 'generated', 'openapi.json'), quiet: true, log: () => {} });
  return { handle: (request) => mock.handle(request) };
}

/** Ajv validator of the operation's JSON request body schema (following a $ref'd requestBody). */
export function bodyValidator(operation: Operation) {
  const requestBody = operation.op.requestBody;
  const base = typeof requestBody?.$ref === 'string' ? requestBody.$ref.slice(1) : pointer('paths', operation.path, operation.method, 'requestBody');
  return ajv.compile({ $ref: `spec#${base}${pointer('content', 'application/json', 'schema')}` });
}
