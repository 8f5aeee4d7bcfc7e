// The live API matches path segments, query names and JSON body property names case-insensitively;
// so does the mock. For every operation: the valid request with its names in other casings (PascalCase,
// camelCase, UPPER; upper-case path segments) is accepted, and the same requests carrying a wrong type
// are still rejected, naming the field. Plus the Node SDK v11 quirks the live API tolerates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { ajv, deref, operations, pointer, requestBodyMedia, type Json, type Operation } from '../support/spec.js';
import { buildValid, namesField, send, violationsOf, type RawRequest } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock?.stop();
});

type Casing = 'PascalCase' | 'camelCase' | 'UPPER';
const CASINGS: Casing[] = ['PascalCase', 'camelCase', 'UPPER'];

function recase(name: string, casing: Casing): string {
  if (casing === 'UPPER') return name.toUpperCase();
  const pascal = name.replace(/(^|[_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return casing === 'PascalCase' ? pascal : pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function recaseKeys(value: Json, casing: Casing): Json {
  if (Array.isArray(value)) return value.map((v) => recaseKeys(v, casing));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [recase(k, casing), recaseKeys(v, casing)]));
}

function recaseRequest(request: RawRequest, casing: Casing): RawRequest {
  return {
    ...request,
    path: request.path
      .split('/')
      .map((segment, i) => (i > 0 && casing === 'UPPER' ? segment.toUpperCase() : segment))
      .join('/'),
    query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [recase(k, casing), v])),
    body: recaseKeys(request.body, casing),
  };
}

function bodyValidator(operation: Operation) {
  const requestBody = operation.op.requestBody;
  const base = typeof requestBody?.$ref === 'string' ? requestBody.$ref.slice(1) : pointer('paths', operation.path, operation.method, 'requestBody');
  return ajv.compile({ $ref: `spec#${base}${pointer('content', 'application/json', 'schema')}` });
}

/** A top-level body property and a value of the wrong type for it (invalid per the spec). */
function wrongBodyValue(operation: Operation, body: Json): [string, Json] | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const validate = bodyValidator(operation);
  for (const name of Object.keys(body)) {
    for (const bad of [12345, { nested: true }, [1, 2], 'not-a-valid-value-@@']) {
      if (!validate({ ...body, [name]: bad })) return [name, bad];
    }
  }
  return null;
}

/** A query parameter of the operation whose schema rejects some string, and that string. */
function wrongQueryValue(operation: Operation): [string, string] | null {
  for (const p of operation.parameters.filter((x: Json) => x.in === 'query')) {
    const schema = deref(p.schema);
    const validate = ajv.compile({ type: 'object', properties: { v: schema } });
    for (const bad of ['not-a-boolean-or-number', '-1', '99999999999999999999']) {
      const coerced = /^-?\d+$/.test(bad) ? Number(bad) : bad;
      if (!validate({ v: coerced }) && !validate({ v: bad })) return [p.name, bad];
    }
  }
  return null;
}

describe.each(operations.map((o) => [o.operationId, o] as const))('%s', (_id, operation) => {
  const valid = buildValid(operation, { allParameters: true });

  it.each(CASINGS)('accepts query and body names (and path segments) in %s', async (casing) => {
    const request = recaseRequest(valid, casing);
    const response = await send(mock.baseUrl, request);
    expect(violationsOf(response), `${casing}: ${JSON.stringify(request)} -> ${response.text}`).toEqual([]);
    expect(response.status, `${casing}: ${response.text}`).toBe(200);
  });

  const badQuery = wrongQueryValue(operation);
  if (badQuery) {
    it.each(CASINGS)(`still rejects a wrong ${badQuery[0]} value sent in %s`, async (casing) => {
      const request = recaseRequest(valid, casing);
      request.query[recase(badQuery[0], casing)] = badQuery[1];
      const response = await send(mock.baseUrl, request);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(namesField(response, badQuery[0]), response.text).toBe(true);
    });
  }

  const badBody = requestBodyMedia(operation) ? wrongBodyValue(operation, valid.body) : null;
  if (badBody) {
    it.each(CASINGS)(`still rejects a wrong body ${badBody[0]} sent in %s`, async (casing) => {
      const request = recaseRequest({ ...valid, body: { ...valid.body, [badBody[0]]: badBody[1] } }, casing);
      const response = await send(mock.baseUrl, request);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(namesField(response, badBody[0]), response.text).toBe(true);
    });
  }

  // Node SDK v11 habits (see /work/shared/reference/endpoints.md §6).
  it('tolerates SDK quirks: empty optional values, region, Content-Type on GET, token in query and header', async () => {
    const request: RawRequest = structuredClone(buildValid(operation));
    for (const p of operation.parameters) if (p.in === 'query' && !p.required && !(p.name in request.query)) request.query[recase(p.name, 'camelCase')] = '';
    request.query.region = 'us';
    request.headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.replace(/ApiSecret$/i, 'apiSecret'), v]));
    if (request.headers.Authorization) request.query.access_token = request.headers.Authorization.replace(/^Bearer /, '');
    if (request.body === undefined) request.headers['Content-Type'] = 'application/json';
    const response = await send(mock.baseUrl, request);
    expect(violationsOf(response), `${JSON.stringify(request)} -> ${response.text}`).toEqual([]);
    expect(response.status, response.text).toBe(200);
  });
});
