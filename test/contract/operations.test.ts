// Holds spec, mock and client to each other, for every operation of the spec:
//  - a valid request (built from the spec's examples) sent through the client is accepted by the mock
//    (no sl-violations) and answered 200 with a body valid against the 200 schema (Ajv 2020);
//  - every named example of every response is served for its status and name, and is valid too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation } from '../support/client.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { namedExamples, operations, responseMedia, responseValidator, validRequest } from '../support/spec.js';

let mock: RunningMock;
beforeAll(async () => { mock = await startMock(); });
afterAll(async () => { await mock?.stop(); });

describe.each(operations.map((o) => [o.operationId, o] as const))('%s', (_id, operation) => {
  const validate200 = responseValidator(operation, '200');

  it.each([
    ['required parameters only', false],
    ['every documented parameter', true],
  ])('accepts a valid request with %s and answers 200 per the spec', async (_label, allParameters) => {
    const { status, body, response } = await callOperation(mock.baseUrl, operation, validRequest(operation, { allParameters }));
    expect(response.headers.get('sl-violations'), 'the mock flagged the request').toBeNull();
    expect(status).toBe(200);
    expect(validate200(body), JSON.stringify(validate200.errors)).toBe(true);
  });

  const served = Object.keys(operation.op.responses).flatMap((status) =>
    namedExamples(responseMedia(operation, status)).map(({ name, value }) => [status, name, value] as const),
  );
  it.each(served)('serves the %s example %s', async (status, name, value) => {
    const { status: got, body } = await callOperation(mock.baseUrl, operation, {
      ...validRequest(operation),
      prefer: `code=${status}, example=${name}`,
    });
    expect(got).toBe(Number(status));
    expect(body).toEqual(value);
    const validate = responseValidator(operation, status);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });
});
