// Holds spec, mock and client to each other, for every operation of the spec (one test per behaviour, over a table
// whose size is in its name and may not shrink below today's):
//  - a valid request (built from the spec's examples) sent through the client is accepted by the mock
//    (no sl-violations) and answered 200 with a body valid against the 200 schema (Ajv 2020);
//  - every named example of every response is served for its status and name (Prefer: code + example, through
//    the client), equal to the spec's and valid against its schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation } from '../support/client.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { namedExamples, operations, responseMedia, responseValidator, validRequest } from '../support/spec.js';
import { checkTable } from '../mock/table.js';

let mock: RunningMock;
beforeAll(async () => { mock = await startMock(); });
afterAll(async () => { await mock?.stop(); });

const validCases = operations.flatMap((operation) => [
  { operation, allParameters: false, label: 'required parameters only' },
  { operation, allParameters: true, label: 'every documented parameter' },
]);
const served = operations.flatMap((operation) =>
  Object.keys(operation.op.responses).flatMap((status) =>
    namedExamples(responseMedia(operation, status)).map(({ name, value }) => ({ operation, status, name, value })),
  ),
);

describe('spec, mock and client agree', () => {
  it(`a valid request, with required parameters only and with every documented one, is answered 200 per the spec (${validCases.length} cases over ${operations.length} operations)`, async () => {
    await checkTable('valid request', validCases, async ({ operation, allParameters }) => {
      const { status, body, response } = await callOperation(mock.baseUrl, operation, validRequest(operation, { allParameters }));
      expect(response.headers.get('sl-violations'), 'the mock flagged the request').toBeNull();
      expect(status).toBe(200);
      const validate200 = responseValidator(operation, '200');
      expect(validate200(body), JSON.stringify(validate200.errors)).toBe(true);
    }, { min: 176, name: (c) => `${c.operation.operationId} with ${c.label}` });
  }, 120_000);

  it(`every named example is served for its status and name, equal to the spec and valid against its schema (${served.length} cases)`, async () => {
    await checkTable('named example served', served, async ({ operation, status, name, value }) => {
      const { status: got, body } = await callOperation(mock.baseUrl, operation, { ...validRequest(operation), prefer: `code=${status}, example=${name}` });
      expect(got).toBe(Number(status));
      expect(body).toEqual(value);
      const validate = responseValidator(operation, status);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }, { min: 1900, name: (c) => `${c.operation.operationId} ${c.status} ${c.name}` });
  }, 180_000);
});
