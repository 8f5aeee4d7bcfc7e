// The bundled spec as test data: its operations, their examples, and Ajv 2020 validators for its schemas.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import {
  deref as derefIn,
  listOperations,
  loadSpec,
  validRequest as validRequestIn,
  type SpecOperation,
} from '../../scripts/lib/spec-requests.mjs';

// ajv-formats is CommonJS with a default export that NodeNext types do not expose as callable.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => Ajv2020;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const spec: Json = loadSpec();

export type Method = SpecOperation['method'];
export type Operation = SpecOperation;

/** Follows local `#/components/...` refs. */
export const deref = (node: Json): Json => derefIn(spec, node);

export const operations: Operation[] = listOperations(spec);

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
export const validRequest = (operation: Operation, options: { allParameters?: boolean } = {}) =>
  validRequestIn(spec, operation, options);
