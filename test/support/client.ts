// The generated client, pointed at a running mock, plus an untyped call helper for table-driven tests.
import { createLoginRadiusClient } from '../../client/src/index.js';
import type { Json, Operation } from './spec.js';

export const TEST_CREDENTIALS = {
  apiKey: 'test-api-key',
  accessToken: '493318dd-487a-439b-8302-5e27f1110244',
  apiSecret: 'test-api-secret',
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

/** Calls any operation of the spec through the typed client (typed per call site elsewhere; untyped here). */
export async function callOperation(baseUrl: string, operation: Operation, input: CallInput) {
  const client = clientFor(baseUrl) as Json;
  const headers: Record<string, string> = { ...(input.header ?? {}) };
  if (input.prefer) headers.Prefer = input.prefer;
  const result = await client[operation.method.toUpperCase()](operation.path, {
    params: { path: input.pathParams ?? {}, query: input.query ?? {} },
    body: input.body,
    headers,
  });
  return { status: result.response.status as number, body: result.data ?? result.error, response: result.response as Response };
}
