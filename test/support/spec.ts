// The bundled spec as test data: its operations, their examples, and Ajv 2020 validators for its schemas.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const spec: Json = JSON.parse(fs.readFileSync(path.join(repoRoot, 'generated', 'openapi.json'), 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type Method = (typeof METHODS)[number];

export interface Operation {
  method: Method;
  path: string;
  operationId: string;
  op: Json;
  parameters: Json[];
  security: Json[];
}

/** Follows local `#/components/...` refs. */
export function deref(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc: Json, key: string) => acc?.[key], spec);
  }
  return current;
}

export const operations: Operation[] = Object.entries(spec.paths as Record<string, Json>).flatMap(([p, item]) =>
  METHODS.filter((m) => item[m]).map((method) => {
    const op = item[method];
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    return { method, path: p, operationId: op.operationId, op, parameters, security: op.security ?? [] };
  }),
);

export const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'spec');

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
/** Validator for a schema node of the spec, by JSON pointer within it. */
export function validatorAt(at: string) {
  let validate = validators.get(at);
  if (!validate) {
    validate = ajv.compile({ $ref: `spec#${at}` });
    validators.set(at, validate);
  }
  return validate;
}

/** Validator for the JSON body of one response of an operation (following a $ref'd response). */
export function responseValidator(operation: Operation, status: string) {
  const response = operation.op.responses[status];
  const base = typeof response?.$ref === 'string' ? response.$ref.slice(1) : pointer('paths', operation.path, operation.method, 'responses', status);
  return validatorAt(`${base}${pointer('content', 'application/json', 'schema')}`);
}

export function pointer(...parts: string[]): string {
  return '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The named examples of a response (status) or of the request body, dereferenced. */
export function namedExamples(media: Json): Array<{ name: string; value: Json; example: Json }> {
  return Object.entries((media?.examples ?? {}) as Record<string, Json>).map(([name, ex]) => {
    const example = deref(ex);
    return { name, value: example.value, example };
  });
}

export function requestBodyMedia(operation: Operation): Json | undefined {
  return deref(operation.op.requestBody)?.content?.['application/json'];
}

export function responseMedia(operation: Operation, status: string): Json | undefined {
  return deref(operation.op.responses?.[status])?.content?.['application/json'];
}

export const needsSecret = (o: Operation) => o.security.some((s: Json) => 'ApiSecretHeader' in s);
export const needsToken = (o: Operation) => o.security.some((s: Json) => 'BearerToken' in s);

/** A valid request for the operation, built from the spec's own examples. */
export function validRequest(operation: Operation, { allParameters = false } = {}) {
  const pathParams: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const header: Record<string, string> = {};
  for (const p of operation.parameters) {
    if (!p.required && !allParameters) continue;
    const value = p.example ?? p.schema?.example ?? p.schema?.enum?.[0];
    if (value === undefined) throw new Error(`${operation.operationId}: parameter ${p.name} has no example`);
    if (p.in === 'path') pathParams[p.name] = String(value);
    else if (p.in === 'query') query[p.name] = value;
    else if (p.in === 'header') header[p.name] = String(value);
  }
  const bodyExamples = namedExamples(requestBodyMedia(operation));
  return { pathParams, query, header, body: bodyExamples[0]?.value };
}
