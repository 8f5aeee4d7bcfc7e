// Every operation the journeys model answers the spec's own example request (whose tokens and codes this
// tenant never issued) with a response the operation documents, valid for its status: the error paths that
// unknown state takes never fall outside the contract, nor throw.
import { describe, expect, it } from 'vitest';
import { validRequest } from '../support/spec.js';
import { harness, operation } from './helpers.js';

const h = harness();
const modelled = h.flows.operations;

describe('every modelled operation, on its example request', () => {
  it('covers the operations of the journeys', () => {
    expect(modelled.length).toBeGreaterThanOrEqual(60);
  });

  it.each(modelled)('%s answers with a documented response', async (operationId) => {
    const o = operation(operationId);
    const example = validRequest(o);
    const query = Object.fromEntries(Object.entries(example.query).map(([k, v]) => [k, String(v)]));
    const token = o.security.some((s: Record<string, unknown>) => 'BearerToken' in s) ? '493318dd-487a-439b-8302-5e27f1110244' : undefined;
    // call() throws when the answer is undocumented or breaks the schema.
    const answer = await h.call(operationId, { query, pathParams: example.pathParams, headers: example.header, body: example.body, ...(token ? { token } : {}) });
    expect(answer.status).toBeGreaterThanOrEqual(200);
  });
});
