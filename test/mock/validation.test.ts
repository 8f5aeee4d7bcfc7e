// Invalid requests get a clear 4xx: for every operation, every required parameter, credential and
// body field (at any depth) omitted in turn is answered 4xx naming it, in the LoginRadius envelope the
// spec documents for that status; malformed JSON, a wrong content type, an unknown path and a wrong
// method get their LoginRadius errors too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { ajv, deref, operations, pointer, requestBodyMedia, responseValidator, spec, type Json, type Operation } from '../support/spec.js';
import { buildValid, errorDescription, namesField, send, violationsOf, type RawRequest, type RawResponse } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock?.stop();
});

const schemes: Record<string, Json> = spec.components?.securitySchemes ?? {};

/** The body is invalid per the spec (so a field we removed was really required). */
function bodySchemaValidator(operation: Operation) {
  const requestBody = operation.op.requestBody;
  const base = typeof requestBody?.$ref === 'string' ? requestBody.$ref.slice(1) : pointer('paths', operation.path, operation.method, 'requestBody');
  return ajv.compile({ $ref: `spec#${base}${pointer('content', 'application/json', 'schema')}` });
}

/** Required properties present in `value`, at any depth, following the schema: [path segments]. */
function requiredFields(schema: Json, value: Json, at: string[] = [], seen = new Set<Json>()): string[][] {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || value === null || typeof value !== 'object' || seen.has(s)) return [];
  seen.add(s);
  const out: string[][] = [];
  if (Array.isArray(value)) {
    if (s.items && value.length > 0) out.push(...requiredFields(s.items, value[0], [...at, '0'], seen));
  } else {
    for (const name of (s.required ?? []) as string[]) if (name in value) out.push([...at, name]);
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
      if (name in value) out.push(...requiredFields(sub, value[name], [...at, name], seen));
    }
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) for (const branch of s[key] ?? []) out.push(...requiredFields(branch, value, at, seen));
  seen.delete(s);
  const unique = new Map(out.map((p) => [p.join('/'), p]));
  return [...unique.values()];
}

function without(value: Json, path: string[]): Json {
  const copy = structuredClone(value);
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment];
  delete node[path[path.length - 1]];
  return copy;
}

/** The answer is a 4xx in the documented envelope (valid against the operation's schema for that status). */
function expectDocumentedError(operation: Operation, response: RawResponse, context: string) {
  expect(response.status, `${context}: ${response.text}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${context}: ${response.text}`).toBeLessThan(500);
  const status = String(response.status);
  if (operation.op.responses[status]) {
    const validate = responseValidator(operation, status);
    expect(validate(response.body), `${context}: body not valid against the ${status} schema: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  expect(errorDescription(response.body), `${context}: no LoginRadius Description`).not.toBe('');
}

const withBody = operations.filter((o) => requestBodyMedia(o));

describe.each(operations.map((o) => [o.operationId, o] as const))('%s', (_id, operation) => {
  const valid = buildValid(operation);

  const requiredParams = operation.parameters.filter((p: Json) => p.required && p.in !== 'path');
  it.each(requiredParams.map((p: Json) => [`${p.in} ${p.name}`, p] as const))('without required %s: 4xx naming it', async (_label, param) => {
    const request: RawRequest = structuredClone(valid);
    if (param.in === 'query') delete request.query[param.name];
    if (param.in === 'header') for (const h of Object.keys(request.headers)) if (h.toLowerCase() === param.name.toLowerCase()) delete request.headers[h];
    const response = await send(mock.baseUrl, request);
    expectDocumentedError(operation, response, `without ${param.name}`);
    expect(namesField(response, param.name), `the answer does not name ${param.name}: ${response.text}`).toBe(true);
  });

  const pathParams = operation.parameters.filter((p: Json) => p.in === 'path');
  it.each(pathParams.map((p: Json) => [p.name] as const))('with path parameter %s left empty: 4xx', async (name) => {
    const request: RawRequest = { ...structuredClone(valid), path: operation.path.replace(/\{[^}]+\}/g, (m) => (m === `{${name}}` ? '' : 'x')) };
    const response = await send(mock.baseUrl, request);
    expect(response.status, response.text).toBeGreaterThanOrEqual(400);
    expect(response.status, response.text).toBeLessThan(500);
  });

  const enumPathParams = pathParams.filter((p: Json) => Array.isArray(deref(p.schema)?.enum));
  it.each(enumPathParams.map((p: Json) => [p.name] as const))('with an unknown {%s}: 4xx (404 where documented)', async (name) => {
    const request: RawRequest = { ...structuredClone(valid), path: operation.path.replace(/\{[^}]+\}/g, (m) => (m === `{${name}}` ? 'nosuchvalue' : 'x')) };
    const response = await send(mock.baseUrl, request);
    if (operation.op.responses['404']) expect(response.status, response.text).toBe(404);
    else expectDocumentedError(operation, response, `unknown ${name}`);
  });

  const credentialNames = Object.keys(operation.security[0] ?? {});
  it.each(credentialNames.map((n) => [n] as const))('without credential %s: 4xx naming it', async (key) => {
    const scheme = deref(schemes[key]);
    const request: RawRequest = structuredClone(valid);
    let names: string[];
    if (scheme.type === 'http') {
      delete request.headers.Authorization;
      names = ['access_token', 'Authorization'];
    } else if (scheme.in === 'query') {
      delete request.query[scheme.name];
      names = [scheme.name];
    } else {
      for (const h of Object.keys(request.headers)) if (h.toLowerCase() === scheme.name.toLowerCase()) delete request.headers[h];
      names = [scheme.name, scheme.name.replace(/^x-[a-z0-9]+-/i, '')];
    }
    const response = await send(mock.baseUrl, request);
    expectDocumentedError(operation, response, `without ${key}`);
    expect(names.some((n) => namesField(response, n)), `the answer names none of ${names.join(', ')}: ${response.text}`).toBe(true);
  });

  if (!requestBodyMedia(operation) || valid.body === undefined) return;
  const validateBody = bodySchemaValidator(operation);
  const fields = requiredFields(requestBodyMedia(operation).schema, valid.body).filter((path) => !validateBody(without(valid.body, path)));

  it.each(fields.map((p) => [p.join('.'), p] as const))('without required body field %s: 4xx naming it', async (_label, path) => {
    const response = await send(mock.baseUrl, { ...valid, body: without(valid.body, path) });
    expectDocumentedError(operation, response, `without body ${path.join('.')}`);
    const field = path[path.length - 1];
    expect(namesField(response, field), `the answer does not name ${field}: ${response.text}`).toBe(true);
  });

  if (operation.op.requestBody && deref(operation.op.requestBody).required) {
    it('without a body: 400 body-required error', async () => {
      const response = await send(mock.baseUrl, { ...valid, body: undefined });
      expectDocumentedError(operation, response, 'without body');
      expect(response.body.ErrorCode, response.text).toBe(bodyErrorCode(operation.method));
    });
  }
});

function bodyErrorCode(method: string): number {
  return method === 'put' || method === 'patch' ? 1079 : method === 'delete' ? 1084 : 965;
}

describe.each(withBody.map((o) => [o.operationId, o] as const))('%s body format', (_id, operation) => {
  const valid = buildValid(operation);

  it('malformed JSON: 400 with the LoginRadius body error and the parse violation', async () => {
    const response = await send(mock.baseUrl, { ...valid, rawBody: '{"oops": ', headers: { ...valid.headers, 'Content-Type': 'application/json' } });
    expect(response.status, response.text).toBe(400);
    expect(response.body.ErrorCode, response.text).toBe(bodyErrorCode(operation.method));
    expect(violationsOf(response).some((v: Json) => /not valid JSON/.test(v.message)), response.text).toBe(true);
  });

  it('wrong content type: 400 CONTENT_TYPE_INVALID', async () => {
    const response = await send(mock.baseUrl, { ...valid, rawBody: JSON.stringify(valid.body ?? {}), headers: { ...valid.headers, 'Content-Type': 'text/plain' } });
    expect(response.status, response.text).toBe(400);
    expect(response.body.ErrorCode, response.text).toBe(1083);
  });

  it('form-encoded body: 400 CONTENT_TYPE_INVALID', async () => {
    const response = await send(mock.baseUrl, { ...valid, rawBody: 'a=1&b=2', headers: { ...valid.headers, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(response.status, response.text).toBe(400);
    expect(response.body.ErrorCode, response.text).toBe(1083);
  });
});

describe('requests that reach no operation', () => {
  it.each([
    ['/identity/v2/auth/account/2fa/nosuchthing'],
    ['/identity/v2/nosuch'],
    ['/'],
    ['/identity/v2/auth/account/2fa/%zz'],
  ])('unknown path %s: 404 RESOURCE_NOT_FOUND', async (path) => {
    const response = await send(mock.baseUrl, { method: 'GET', path, query: { apikey: 'k' }, headers: {} });
    expect(response.status, response.text).toBe(404);
    expect(response.body, response.text).toMatchObject({ ErrorCode: 404, Message: 'Resource not found' });
  });

  // A concrete path (parameters filled with "x") and a method no template matching it has.
  const templates = [...new Set(operations.map((o) => o.path))];
  const matches = (template: string, path: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i').test(path);
  const wrongMethods = templates.flatMap((template) => {
    const concrete = template.replace(/\{[^}]+\}/g, 'x');
    const methods = new Set(operations.filter((o) => matches(o.path, concrete)).map((o) => o.method as string));
    const wrong = ['get', 'put', 'post', 'delete', 'patch'].find((m) => !methods.has(m));
    return wrong ? [[wrong.toUpperCase(), concrete, [...methods].map((m) => m.toUpperCase())] as const] : [];
  });
  it.each(wrongMethods)('%s %s: 405 with Allow and an envelope', async (method, path, allowed) => {
    const response = await send(mock.baseUrl, { method, path, query: { apikey: 'k' }, headers: {}, body: method === 'GET' ? undefined : {} });
    expect(response.status, response.text).toBe(405);
    for (const m of allowed) expect(response.headers.get('allow')).toContain(m);
    expect(response.body.ErrorCode, response.text).toBe(405);
    expect(errorDescription(response.body)).toContain(method);
  });
});
