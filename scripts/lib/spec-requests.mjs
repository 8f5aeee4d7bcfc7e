// Valid requests for every operation of the bundled spec, built from the spec's own examples.
// Shared by the contract tests (test/support/spec.ts) and the load benchmark (scripts/bench-load.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function loadSpec(file = path.join(repoRoot, 'generated', 'openapi.json')) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Follows local `#/...` refs (JSON pointers) until a node without `$ref`. */
export function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc, key) => acc?.[key], spec);
  }
  return current;
}

export function listOperations(spec) {
  return Object.entries(spec.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method];
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => deref(spec, x));
      return { method, path: p, operationId: op.operationId, op, parameters, security: op.security ?? [] };
    }),
  );
}

/** Path parameters, query, headers and body of a valid request (required parameters only, unless asked). */
export function validRequest(spec, operation, { allParameters = false } = {}) {
  const pathParams = {};
  const query = {};
  const header = {};
  for (const p of operation.parameters) {
    if (!p.required && !allParameters) continue;
    const value = p.example ?? p.schema?.example ?? p.schema?.enum?.[0];
    if (value === undefined) throw new Error(`${operation.operationId}: parameter ${p.name} has no example`);
    if (p.in === 'path') pathParams[p.name] = String(value);
    else if (p.in === 'query') query[p.name] = value;
    else if (p.in === 'header') header[p.name] = String(value);
  }
  const media = deref(spec, operation.op.requestBody)?.content?.['application/json'];
  const first = Object.values(media?.examples ?? {})[0];
  return { pathParams, query, header, body: first ? deref(spec, first).value : undefined };
}

/** The same request as raw HTTP pieces, with credentials the way each operation wants them. */
export function rawRequest(spec, operation, credentials) {
  const { pathParams, query, header, body } = validRequest(spec, operation);
  const url = new URL(
    operation.path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(pathParams[name])),
    'http://mock.invalid',
  );
  url.searchParams.set('apikey', credentials.apiKey);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const headers = { ...header };
  const schemes = new Set(operation.security.flatMap((s) => Object.keys(s)));
  if (schemes.has('BearerToken')) headers.authorization = `Bearer ${credentials.accessToken}`;
  // The MFA configuration operations take an M2M token (any bearer value satisfies the mock).
  if (schemes.has('M2MBearerToken')) headers.authorization = `Bearer ${credentials.m2mToken ?? credentials.accessToken}`;
  if (schemes.has('ApiSecretHeader')) headers['x-loginradius-apisecret'] = credentials.apiSecret;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method: operation.method.toUpperCase(),
    path: `${url.pathname}${url.search}`,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
