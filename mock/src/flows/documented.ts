// The spec's documented answers, indexed once: for each operation, every named example of every response with
// the status it is documented under. Flows answer errors only with these bodies, so a state-driven error is
// always one the API reference documents for that operation, at its documented status.
import type { MockResponse } from '../pipeline/types.js';

interface DocumentedExample {
  status: number;
  value: unknown;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `#/...` reference (as the bundled spec uses for shared responses and examples). */
function resolve(spec: JsonObject, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 16; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`flows: only local references are supported, found ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), spec);
  }
  return current;
}

export class DocumentedAnswers {
  private readonly byOperation = new Map<string, Map<string, DocumentedExample>>();

  constructor(spec: unknown) {
    if (!isObject(spec) || !isObject(spec.paths)) throw new Error('flows: the spec has no paths object');
    for (const pathItem of Object.values(spec.paths)) {
      if (!isObject(pathItem)) continue;
      for (const operation of Object.values(pathItem)) {
        if (!isObject(operation) || typeof operation.operationId !== 'string' || !isObject(operation.responses)) continue;
        const examples = new Map<string, DocumentedExample>();
        for (const [status, response] of Object.entries(operation.responses)) {
          const media = (resolve(spec, response) as JsonObject | undefined)?.content;
          const json = isObject(media) ? media['application/json'] : undefined;
          if (!isObject(json) || !isObject(json.examples)) continue;
          for (const [name, example] of Object.entries(json.examples)) {
            const resolved = resolve(spec, example);
            if (isObject(resolved) && 'value' in resolved && !examples.has(name)) examples.set(name, { status: Number(status), value: resolved.value });
          }
        }
        this.byOperation.set(operation.operationId, examples);
      }
    }
  }

  has(operationId: string): boolean {
    return this.byOperation.has(operationId);
  }

  documents(operationId: string, name: string): boolean {
    return this.byOperation.get(operationId)?.has(name) ?? false;
  }

  /**
   * The first of `names` that the operation documents, as a response with its documented status and body.
   * Throws when none is documented: that is a bug in a journey, and the unit tests exercise every error path.
   */
  error(operationId: string, names: readonly string[]): MockResponse {
    const examples = this.byOperation.get(operationId);
    for (const name of names) {
      const example = examples?.get(name);
      if (example) return { status: example.status, body: example.value };
    }
    throw new Error(`flows: ${operationId} documents none of ${names.join(', ')}`);
  }
}
