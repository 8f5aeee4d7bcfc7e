// Drives the flow engine directly with NormalisedRequest objects for real operations of the spec, and checks
// both sides against the spec: every request body must be valid for its operation (as Prism would have
// ensured), and every response the engine produces must be documented for the operation, with a body valid
// against that status's schema. State can therefore never make the mock break the contract.
import fs from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import YAML from 'yaml';
import { expect } from 'vitest';
import { createFlows, type FlowsOptions } from '../../mock/src/flows/index.js';
import type { NormalisedRequest } from '../../mock/src/pipeline/types.js';
import { ajv, deref, operations, pointer, repoRoot, responseValidator, spec, type Json, type Operation } from '../support/spec.js';

// The admin API's own description: every admin answer must match it too.
const adminSpec = YAML.parse(fs.readFileSync(path.join(repoRoot, 'openapi', 'mock-admin.yaml'), 'utf8'));
ajv.addSchema(adminSpec, 'mock-admin');

/** Checks an admin answer against openapi/mock-admin.yaml: a documented status, a body valid for it. */
export function expectAdminDocumented(method: string, pathname: string, status: number, contentType: string | null, body: unknown): void {
  const operation = adminSpec.paths[pathname]?.[method.toLowerCase()];
  if (!operation) return; // unknown routes and methods: 404 / 405, outside the description
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${pathname} answered ${status}, which openapi/mock-admin.yaml does not document`);
  const base = typeof response.$ref === 'string' ? response.$ref.slice(1) : pointer('paths', pathname, method.toLowerCase(), 'responses', String(status));
  const media = contentType?.split(';')[0] ?? '';
  const validate = ajv.getSchema(`mock-admin#${base}${pointer('content', media, 'schema')}`) ?? ajv.compile({ $ref: `mock-admin#${base}${pointer('content', media, 'schema')}` });
  if (!validate(body)) throw new Error(`${method} ${pathname} ${status} (${media}): ${ajv.errorsText(validate.errors)}`);
}

export const START = Date.parse('2026-01-01T08:00:00.000Z');

const byId = new Map(operations.map((o) => [o.operationId as string, o]));

export function operation(operationId: string): Operation {
  const found = byId.get(operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found;
}

const requestValidators = new Map<string, ReturnType<typeof ajv.compile>>();
function requestBodyValidator(o: Operation) {
  let validate = requestValidators.get(o.operationId);
  if (!validate) {
    const requestBody = o.op.requestBody;
    const base = typeof requestBody?.$ref === 'string' ? requestBody.$ref.slice(1) : pointer('paths', o.path, o.method, 'requestBody');
    validate = ajv.compile({ $ref: `spec#${base}${pointer('content', 'application/json', 'schema')}` });
    requestValidators.set(o.operationId, validate);
  }
  return validate;
}

export interface CallInput {
  query?: Record<string, string>;
  body?: unknown;
  pathParams?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer`. */
  token?: string;
  apiKey?: string;
}

export interface Answer {
  status: number;
  body: Json;
  headers: Record<string, string>;
}

export type Harness = ReturnType<typeof harness>;

export function harness(options: Partial<FlowsOptions> = {}, apiKey = 'test-key') {
  const clock = { ms: START };
  const flows = createFlows({ spec, seed: 'unit-tests', now: () => clock.ms, ...options });
  const responder = flows.responders[0]!;

  function request(operationId: string, input: CallInput = {}): NormalisedRequest {
    const o = operation(operationId);
    const declared = new Set(o.parameters.filter((p: Json) => p.in === 'query').map((p: Json) => p.name));
    for (const name of Object.keys(input.query ?? {})) if (!declared.has(name)) throw new Error(`${operationId} declares no query parameter ${name}`);
    for (const p of o.parameters) {
      if (p.required && p.in === 'query' && input.query?.[p.name] === undefined) throw new Error(`${operationId} requires query ${p.name}`);
      if (p.in === 'path' && input.pathParams?.[p.name] === undefined) throw new Error(`${operationId} requires path parameter ${p.name}`);
    }
    if (o.op.requestBody) {
      const validate = requestBodyValidator(o);
      if (!validate(input.body)) throw new Error(`${operationId}: the test's request body is invalid: ${ajv.errorsText(validate.errors)}`);
    } else if (input.body !== undefined) throw new Error(`${operationId} takes no body`);
    const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (input.token) headers.authorization = `Bearer ${input.token}`;
    return {
      method: o.method,
      operationId,
      pathTemplate: o.path,
      pathParams: input.pathParams ?? {},
      query: input.query ?? {},
      headers,
      body: input.body,
      apiKey: input.apiKey ?? apiKey,
    };
  }

  /** Calls the engine and checks the answer against the operation's documented responses. */
  async function call(operationId: string, input: CallInput = {}): Promise<Answer> {
    const answer = await responder(request(operationId, input));
    if (!answer) throw new Error(`the flows did not answer ${operationId}`);
    expectDocumented(operationId, answer.status, answer.body);
    return { status: answer.status, body: answer.body as Json, headers: answer.headers ?? {} };
  }

  async function admin(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    const response = await flows.admin(
      new Request(`http://127.0.0.1:4010${path}`, {
        method,
        headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
      }),
    );
    if (!response) return { status: 404, body: undefined, headers: new Headers() };
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    expectAdminDocumented(method, new URL(path, 'http://x').pathname, response.status, response.headers.get('content-type'), body);
    return { status: response.status, body, headers: response.headers };
  }

  /** The newest message the outbox holds for `to`. */
  async function lastMessage(to: string, key = apiKey) {
    const { body } = await admin('GET', `/__mock/outbox?apikey=${encodeURIComponent(key)}&to=${encodeURIComponent(to)}`);
    const message = body.messages[0];
    if (!message) throw new Error(`no message to ${to} in the outbox`);
    return message as { channel: string; to: string; template: string; code?: string; link?: string; token?: string; at: string; operationId: string };
  }

  return {
    flows,
    clock,
    apiKey,
    call,
    request,
    admin,
    lastMessage,
    advance: (seconds: number) => {
      clock.ms += seconds * 1000;
    },
    /** The authenticator code for `secret` at the engine's current time. */
    totp: (secret: string, offsetSeconds = 0) => generateSync({ secret, epoch: Math.floor(clock.ms / 1000) + offsetSeconds }),
  };
}

export function expectDocumented(operationId: string, status: number, body: unknown): void {
  const o = operation(operationId);
  const documented = Object.keys(o.op.responses);
  if (!documented.includes(String(status))) throw new Error(`${operationId} answered ${status}, which it does not document (${documented.join(', ')})`);
  const validate = responseValidator(o, String(status));
  if (!validate(body)) throw new Error(`${operationId} ${status}: body breaks the schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 600)}`);
  expect(deref(o.op.responses[String(status)])).toBeDefined();
}

/** The documented body of a named example, to compare error answers with. */
export function example(name: string): Json {
  return deref({ $ref: `#/components/examples/${name}` }).value;
}

export const SMS_USER = { email: 'mfa-sms@example.com', username: 'mfa-sms', phone: '+15550000001', uid: 'f1000000000000000000000000000001' };
export const EMAIL_USER = { email: 'mfa-email@example.com', uid: 'f1000000000000000000000000000002' };
export const TOTP_USER = { email: 'mfa-totp@example.com', uid: 'f1000000000000000000000000000003', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
export const BACKUP_USER = { email: 'mfa-backup@example.com', uid: 'f1000000000000000000000000000004', codes: ['11111-aaaaa', '22222-bbbbb'] };
export const ALL_USER = { email: 'mfa-all@example.com', phone: '+15550000005', uid: 'f1000000000000000000000000000005' };
export const PLAIN_USER = { email: 'no-mfa@example.com', username: 'no-mfa', phone: '+15550000000', uid: 'f1000000000000000000000000000000' };
export const PASSWORD = 'Password1!';
