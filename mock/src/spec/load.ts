// Reads the spec the mock serves: the bundled one inside this package unless told otherwise.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled spec shipped in this package (openapi.json beside dist/). */
export const bundledSpecPath: string = fileURLToPath(new URL('../../openapi.json', import.meta.url));

export class SpecError extends Error {
  override name = 'SpecError';
}

/** Reads JSON or YAML; retries briefly when a concurrent build is rewriting the file. */
export async function readSpecDocument(file: string): Promise<{ doc: OpenApiDocument; text: string }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const text = fs.readFileSync(file, 'utf8');
      const doc: unknown = /\.json$/i.test(file) ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: -1 });
      if (!doc || typeof doc !== 'object' || !('paths' in doc)) throw new SpecError(`${file} is not an OpenAPI document (no "paths")`);
      return { doc: doc as OpenApiDocument, text };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new SpecError(`spec not found: ${file}`);
      if (code === 'EACCES' || code === 'EISDIR') throw new SpecError(`cannot read spec ${file}: ${(error as Error).message}`);
      if (error instanceof SpecError) throw error;
      lastError = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new SpecError(`cannot read spec ${file}: ${(lastError as Error).message}`);
}

// ---------- the parts of OpenAPI 3.1 the mock reads ----------

export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  additionalProperties?: boolean | Schema;
  unevaluatedProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  then?: Schema;
  else?: Schema;
  dependentSchemas?: Record<string, Schema>;
  writeOnly?: boolean;
}

export interface Parameter {
  $ref?: string;
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface MediaType {
  schema?: Schema;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}

export interface OperationObject {
  operationId?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { $ref?: string; content?: Record<string, MediaType> }>;
  security?: Array<Record<string, string[]>>;
}

export interface SecuritySchemeObject {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  security?: Array<Record<string, string[]>>;
  components?: {
    securitySchemes?: Record<string, SecuritySchemeObject>;
    examples?: Record<string, { value?: unknown }>;
  };
}

/** Follows local `$ref` chains (OpenAPI 3.1 allows siblings; they are ignored, as Prism's bundler does). */
export function createResolver(doc: object): <T>(node: T | undefined) => T | undefined {
  const cache = new Map<string, unknown>();
  function lookup(ref: string): unknown {
    if (cache.has(ref)) return cache.get(ref);
    if (!ref.startsWith('#/')) throw new SpecError(`only local $refs are supported in the bundled spec, got ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), doc);
    cache.set(ref, target);
    return target;
  }
  return function deref<T>(node: T | undefined): T | undefined {
    let current: unknown = node;
    for (let hops = 0; hops < 32 && current && typeof (current as { $ref?: unknown }).$ref === 'string'; hops++) {
      current = lookup((current as { $ref: string }).$ref);
    }
    return current as T | undefined;
  };
}
export type Deref = ReturnType<typeof createResolver>;
