// The live API matches path segments, query names and JSON body property names case-insensitively;
// so does the mock. For every operation: the valid request with its names in other casings (PascalCase,
// camelCase, UPPER; upper-case path segments) is accepted, and the same requests carrying a wrong type
// are still rejected, the envelope's Description naming the field; every operation's API key sent empty under
// another casing is still missing. Plus the Node SDK v11 quirks the live API tolerates. One test per behaviour,
// over a table of operations × casings; each table's minimum is its size today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInventory } from '../../scripts/inventory.mjs';
import { ajv, deref, operations, requestBodyMedia, type Json, type Operation } from '../support/spec.js';
import { bodyValidator, buildValid, expectExample, isDocumentedError, namesField, send, startInProcessMock, violationsOf, type RawRequest } from './helpers.js';
import { checkTable } from './table.js';

const inventory = readInventory();
let mock: { baseUrl: string; stop(): Promise<void> };
beforeAll(async () => {
  mock = await startInProcessMock();
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

const label = (c: { operation: Operation; casing?: Casing }) => `${c.operation.operationId}${c.casing ? ` in ${c.casing}` : ''}`;
const inCasings = <T extends { operation: Operation }>(cases: T[]) => cases.flatMap((c) => CASINGS.map((casing) => ({ ...c, casing })));

describe('names in any casing', () => {
  const accepted = inCasings(operations.map((operation) => ({ operation })));
  it(`a valid request with its query and body names (and path segments) in PascalCase, camelCase or UPPER is accepted (${accepted.length} cases)`, async () => {
    await checkTable('casing accepted', accepted, async ({ operation, casing }) => {
      const request = recaseRequest(buildValid(operation, { allParameters: true }), casing);
      const response = await send(mock.baseUrl, request);
      expect(violationsOf(response), `${JSON.stringify(request)} -> ${response.text}`).toEqual([]);
      expect(response.status, response.text).toBe(200);
    }, { min: 264, name: label });
  });

  // Renaming must not bypass validation: a wrong value sent under another casing is still refused, naming the field.
  const badQuery = inCasings(operations.flatMap((operation) => {
    const bad = wrongQueryValue(operation);
    return bad ? [{ operation, name: bad[0], value: bad[1] }] : [];
  }));
  it(`a wrong query value sent under another casing is still refused, the Description naming it (${badQuery.length} cases)`, async () => {
    await checkTable('casing, wrong query value', badQuery, async ({ operation, casing, name, value }) => {
      const request = recaseRequest(buildValid(operation, { allParameters: true }), casing);
      request.query[recase(name, casing)] = value;
      const response = await send(mock.baseUrl, request);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      // The field's name, or (a documented example about a bad value) the format it failed, as in "redirect URI is invalid".
      const format = deref(operation.parameters.find((p: Json) => p.name === name)?.schema)?.format;
      const named = namesField(response, name) || (format !== undefined && isDocumentedError(operation, response) && namesField(response, format));
      expect(named, `the Description names neither ${name} nor its format: ${response.text}`).toBe(true);
    }, { min: 132, name: (c) => `${label(c)} ${c.name}=${c.value}` });
  });

  const badBody = inCasings(operations.flatMap((operation) => {
    const valid = buildValid(operation, { allParameters: true });
    const bad = requestBodyMedia(operation) ? wrongBodyValue(operation, valid.body) : null;
    return bad ? [{ operation, name: bad[0], value: bad[1] }] : [];
  }));
  it(`a wrong body value sent under another casing is still refused, the Description naming it (${badBody.length} cases)`, async () => {
    await checkTable('casing, wrong body value', badBody, async ({ operation, casing, name, value }) => {
      const valid = buildValid(operation, { allParameters: true });
      const request = recaseRequest({ ...valid, body: { ...valid.body, [name]: value } }, casing);
      const response = await send(mock.baseUrl, request);
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      expect(namesField(response, name), `the Description does not name ${name}: ${response.text}`).toBe(true);
    }, { min: 150, name: (c) => `${label(c)} ${c.name}` });
  });

  // Every operation that takes the API key has a negative: its API key under another casing, left empty, is still
  // missing. (The MFA configuration operations take an M2M bearer token and no API key; the error-layer table
  // covers their missing credential.)
  const takesApiKey = operations.filter((operation) => inventory.operations[operation.operationId].whenMissing['credential query apikey']);
  const emptyKey = inCasings(takesApiKey.map((operation) => ({ operation, expected: inventory.operations[operation.operationId].whenMissing['credential query apikey'] })));
  it(`the apikey sent empty under another casing is still the documented missing-apikey error (${emptyKey.length} cases)`, async () => {
    await checkTable('casing, empty apikey', emptyKey, async ({ operation, casing, expected }) => {
      const request = recaseRequest(buildValid(operation), casing);
      delete request.query[recase('apikey', casing)];
      request.query[recase('apikey', casing === 'UPPER' ? 'camelCase' : 'UPPER')] = '';
      expectExample(operation, await send(mock.baseUrl, request), expected.status, expected.example, label({ operation, casing }));
    }, { min: 264, name: label });
  });
});

describe('Node SDK v11 habits the live API tolerates', () => {
  // See /work/shared/reference/endpoints.md §6.
  it(`empty optional values, region, Content-Type on GET, the token in query and header: accepted (${operations.length} cases)`, async () => {
    await checkTable('SDK quirks', operations, async (operation) => {
      const request: RawRequest = structuredClone(buildValid(operation));
      for (const p of operation.parameters) if (p.in === 'query' && !p.required && !(p.name in request.query)) request.query[recase(p.name, 'camelCase')] = '';
      request.query.region = 'us';
      request.headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.replace(/ApiSecret$/i, 'apiSecret'), v]));
      if (request.headers.Authorization) request.query.access_token = request.headers.Authorization.replace(/^Bearer /, '');
      if (request.body === undefined) request.headers['Content-Type'] = 'application/json';
      const response = await send(mock.baseUrl, request);
      expect(violationsOf(response), `${JSON.stringify(request)} -> ${response.text}`).toEqual([]);
      expect(response.status, response.text).toBe(200);
    }, { min: 88, name: (o) => o.operationId });
  });
});
