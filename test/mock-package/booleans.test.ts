// LoginRadius's SDKs for Python, .NET, Java and PHP send query booleans as `True` / `False`; the live API reads
// booleans in any casing, and so does the mock's normalise stage. A value that is not a boolean is still refused,
// naming the parameter. The parameters come from the spec: every operation that declares `isvoiceotp` or
// `passworddelegation` as a boolean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { deref, operations, type Operation } from '../support/spec.js';
import { buildValid, namesField, send } from '../mock/helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock(['--quiet']);
});
afterAll(async () => {
  await mock?.stop();
});

function declaring(name: string): Operation[] {
  return operations.filter((o) =>
    [...(o.op.parameters ?? [])].map(deref).some((p) => p.in === 'query' && p.name.toLowerCase() === name && deref(p.schema)?.type === 'boolean'),
  );
}

const cases = [
  ['isVoiceOtp', 'isvoiceotp', 'False'],
  ['passwordDelegation', 'passworddelegation', 'True'],
] as const;

describe.each(cases)('%s (as the SDKs for other languages send it)', (sent, declared, sdkValue) => {
  const ops = declaring(declared);

  it(`is declared as a boolean query parameter by at least one operation`, () => {
    expect(ops.length).toBeGreaterThan(0);
  });

  it.each(ops.map((o) => [o.operationId, o] as const))(`%s accepts ${sent}=${sdkValue}, ${sent}=tRuE and ${sent}=FALSE`, async (_id, operation) => {
    const valid = buildValid(operation);
    for (const value of [sdkValue, 'tRuE', 'FALSE']) {
      const response = await send(mock.baseUrl, { ...valid, query: { ...valid.query, [sent]: value } });
      expect(response.status, `${sent}=${value}: ${response.text}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${sent}=${value}: ${response.text}`).toBeLessThan(300);
    }
  });

  it.each(ops.map((o) => [o.operationId, o] as const))(`%s still refuses ${sent}=yes, naming it`, async (_id, operation) => {
    const valid = buildValid(operation);
    const response = await send(mock.baseUrl, { ...valid, query: { ...valid.query, [sent]: 'yes' } });
    expect(response.status, response.text).toBe(400);
    expect(namesField(response, declared), response.text).toBe(true);
  });
});
