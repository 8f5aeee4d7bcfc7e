// Invalid requests the inventory does not list (see error-layer.test.ts for every missing required input): an
// empty or unknown path parameter, malformed JSON, a wrong content type, an unknown path, a wrong method. Each
// behaviour is one test over a table of every operation it applies to, with the LoginRadius error it must get.
// Each table's minimum is its size today: a spec change that shrinks one fails until the minimum is lowered on
// purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, operations, requestBodyMedia, type Json, type Operation } from '../support/spec.js';
import { buildValid, errorDescription, errorField, expectExample, namesField, send, startInProcessMock, violationsOf, type RawRequest } from './helpers.js';
import { checkTable } from './table.js';

let mock: { baseUrl: string; stop(): Promise<void> };
beforeAll(async () => {
  mock = await startInProcessMock();
});
afterAll(async () => {
  await mock?.stop();
});

const BODY_ERROR: Record<string, [string, number]> = {
  put: ['JSON_PUT_BODY_REQUIRED', 1079],
  patch: ['JSON_PUT_BODY_REQUIRED', 1079],
  post: ['POST_BODY_INVALID', 965],
  delete: ['DELETE_BODY_INVALID', 1084],
};

const pathParamCases = operations.flatMap((operation) =>
  operation.parameters.filter((p: Json) => p.in === 'path').map((p: Json) => ({ operation, name: p.name as string, enumerated: Array.isArray(deref(p.schema)?.enum) })),
);
const withPath = (operation: Operation, name: string, value: string): RawRequest => ({
  ...structuredClone(buildValid(operation)),
  path: operation.path.replace(/\{[^}]+\}/g, (m) => (m === `{${name}}` ? value : 'x')),
});
const bodyOps = operations.filter((o) => requestBodyMedia(o));
const label = (c: { operation: Operation }) => c.operation.operationId;

describe('invalid path parameters', () => {
  it(`a path parameter left empty gets a 4xx (${pathParamCases.length} cases)`, async () => {
    await checkTable('empty path parameter', pathParamCases, async ({ operation, name }) => {
      const response = await send(mock.baseUrl, withPath(operation, name, ''));
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
    }, { min: 4, name: (c) => `${label(c)} {${c.name}}` });
  });

  const enumCases = pathParamCases.filter((c) => c.enumerated);
  it(`an unknown value of an enumerated path parameter gets the documented 404 RESOURCE_NOT_FOUND (${enumCases.length} cases)`, async () => {
    await checkTable('unknown path enum value', enumCases, async ({ operation, name }) => {
      const response = await send(mock.baseUrl, withPath(operation, name, 'nosuchvalue'));
      expectExample(operation, response, 404, 'RESOURCE_NOT_FOUND', `${operation.operationId} {${name}}=nosuchvalue`);
    }, { min: 1, name: (c) => `${label(c)} {${c.name}}` });
  });
});

describe('malformed bodies', () => {
  it(`malformed JSON gets the method's documented body error, and the parse error in sl-violations (${bodyOps.length} cases)`, async () => {
    await checkTable('malformed JSON', bodyOps, async (operation) => {
      const valid = buildValid(operation);
      const response = await send(mock.baseUrl, { ...valid, rawBody: '{"oops": ', headers: { ...valid.headers, 'Content-Type': 'application/json' } });
      const [name, code] = BODY_ERROR[operation.method];
      expect({ status: response.status, ErrorCode: errorField(response.body, 'ErrorCode') }, `${name}: ${response.text}`).toEqual({ status: 400, ErrorCode: code });
      expect(violationsOf(response).some((v: Json) => /not valid JSON/.test(v.message)), response.text).toBe(true);
    }, { min: 50, name: (o) => o.operationId });
  });

  const contentTypeCases = bodyOps.flatMap((operation) =>
    [
      ['text/plain', (v: RawRequest) => JSON.stringify(v.body ?? {})],
      ['application/x-www-form-urlencoded', () => 'a=1&b=2'],
    ].map(([contentType, body]) => ({ operation, contentType: contentType as string, body: body as (v: RawRequest) => string })),
  );
  it(`a body in another content type (text/plain, form-encoded) gets 400 CONTENT_TYPE_INVALID 1083 (${contentTypeCases.length} cases)`, async () => {
    await checkTable('wrong content type', contentTypeCases, async ({ operation, contentType, body }) => {
      const valid = buildValid(operation);
      const response = await send(mock.baseUrl, { ...valid, rawBody: body(valid), headers: { ...valid.headers, 'Content-Type': contentType } });
      expect({ status: response.status, ErrorCode: errorField(response.body, 'ErrorCode') }, response.text).toEqual({ status: 400, ErrorCode: 1083 });
    }, { min: 100, name: (c) => `${label(c)} as ${c.contentType}` });
  });
});

describe('a wrong field that also breaks a oneOf', () => {
  // { email, password, username: [1, 2] } breaks "exactly one of email, username, phone" only because of the bad
  // username: the answer names username (found by the bad-input property test), not "the post body is invalid".
  const alternatives = operations.filter((o) => o.operationId === 'legacyMfaLogin' || o.operationId === 'loginWithPassword');
  it(`names the wrong-typed field, not the whole body (${alternatives.length} cases)`, async () => {
    await checkTable('wrong field in a oneOf', alternatives, async (operation) => {
      const valid = buildValid(operation);
      const response = await send(mock.baseUrl, { ...valid, body: { ...valid.body, username: [1, 2] } });
      expect(response.status, response.text).toBe(400);
      expect(namesField(response, 'username'), response.text).toBe(true);
    }, { min: 2, name: (o) => o.operationId });
  });
});

describe('requests that reach no operation', () => {
  const unknownPaths = ['/identity/v2/auth/account/2fa/nosuchthing', '/identity/v2/nosuch', '/', '/identity/v2/auth/account/2fa/%zz'];
  it(`an unknown path gets 404 RESOURCE_NOT_FOUND (${unknownPaths.length} cases)`, async () => {
    await checkTable('unknown path', unknownPaths, async (path) => {
      const response = await send(mock.baseUrl, { method: 'GET', path, query: { apikey: 'k' }, headers: {} });
      expect(response.status, response.text).toBe(404);
      expect(response.body, response.text).toMatchObject({ ErrorCode: 404, Message: 'Resource not found' });
    }, { min: 4, name: (p) => p });
  });

  // A concrete path (parameters filled with "x") and a method no template matching it has.
  const templates = [...new Set(operations.map((o) => o.path))];
  const matches = (template: string, path: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i').test(path);
  const wrongMethods = templates.flatMap((template) => {
    const concrete = template.replace(/\{[^}]+\}/g, 'x');
    const methods = new Set(operations.filter((o) => matches(o.path, concrete)).map((o) => o.method as string));
    const wrong = ['get', 'put', 'post', 'delete', 'patch'].find((m) => !methods.has(m));
    return wrong ? [{ method: wrong.toUpperCase(), path: concrete, allowed: [...methods].map((m) => m.toUpperCase()) }] : [];
  });
  it(`a method the path does not have gets 405 with Allow and an envelope naming the method (${wrongMethods.length} cases)`, async () => {
    await checkTable('wrong method', wrongMethods, async ({ method, path, allowed }) => {
      const response = await send(mock.baseUrl, { method, path, query: { apikey: 'k' }, headers: {}, body: method === 'GET' ? undefined : {} });
      expect(response.status, response.text).toBe(405);
      for (const m of allowed) expect(response.headers.get('allow')).toContain(m);
      expect(response.body.ErrorCode, response.text).toBe(405);
      expect(errorDescription(response.body)).toContain(method);
    }, { min: 77, name: (c) => `${c.method} ${c.path}` });
  });
});
