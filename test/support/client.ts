// The generated client, pointed at a running mock, plus an untyped call helper for table-driven tests.
import type { Middleware } from 'openapi-fetch';
import { createLoginRadiusClient } from '../../client/src/index.js';
import type { Json, Operation } from './spec.js';

export const TEST_CREDENTIALS = {
  apiKey: 'test-api-key',
  accessToken: '493318dd-487a-439b-8302-5e27f1110244',
  apiSecret: 'test-api-secret',
  m2mToken: 'test-m2m-token.eyJzdWIiOiJtMm0ifQ.sig',
};

export function clientFor(baseUrl: string) {
  return createLoginRadiusClient({ ...TEST_CREDENTIALS, baseUrl });
}

export interface CallInput {
  pathParams?: Record<string, string>;
  query?: Record<string, unknown>;
  header?: Record<string, string>;
  body?: Json;
  prefer?: string;
}

/**
 * Calls any operation of the spec through the typed client (typed per call site elsewhere; untyped here).
 * `body` is what the server sent, parsed as JSON: the client normalises error bodies (adds `kind`, fixes the
 * casing), and a contract test must compare the mock's own words with the spec's examples.
 */
export async function callOperation(baseUrl: string, operation: Operation, input: CallInput) {
  const client = clientFor(baseUrl) as Json;
  const headers: Record<string, string> = { ...(input.header ?? {}) };
  if (input.prefer) headers.Prefer = input.prefer;
  let rawText: Promise<string> | undefined;
  const captureRaw: Middleware = {
    onResponse({ response }) {
      rawText = response.clone().text();
    },
  };
  const result = await client[operation.method.toUpperCase()](operation.path, {
    params: { path: input.pathParams ?? {}, query: input.query ?? {} },
    body: input.body,
    headers,
    middleware: [captureRaw],
  });
  const text = rawText ? await rawText : '';
  const body = result.data ?? (text ? JSON.parse(text) : undefined);
  return { status: result.response.status as number, body, clientResult: result, response: result.response as Response };
}
