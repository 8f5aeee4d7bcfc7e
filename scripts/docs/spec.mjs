// Helpers over a bundled OpenAPI document (local `#/...` refs only): operations, refs, example values, slugs.
// Pure functions of the document, so the docs build stays generic over whatever the spec holds.

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

import { deref } from '../lib/spec-requests.mjs';

export { deref };

/** The last segment of a local ref (`#/components/examples/FOO` → `FOO`), or undefined. */
export function refName(node) {
  return typeof node?.$ref === 'string' ? node.$ref.split('/').pop().replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Every operation, in document order: { path, method, op, pathItem, parameters (path-level + operation-level, resolved) }. */
export function operations(spec) {
  const result = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const pathItem = deref(spec, rawItem);
    for (const method of METHODS) {
      const op = pathItem?.[method];
      if (!op) continue;
      const byKey = new Map();
      for (const raw of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(spec, raw);
        byKey.set(`${p.in}:${p.name}`, p); // operation-level parameters override path-level ones
      }
      result.push({ path, method, op, pathItem, operationId: op.operationId, parameters: [...byKey.values()] });
    }
  }
  return result;
}

/** A value for a parameter, from its own example(s), its schema's example/default/enum, or a typed placeholder. */
export function parameterValue(spec, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {}).map((e) => deref(spec, e)?.value).find((v) => v !== undefined);
  if (named !== undefined) return named;
  return schemaValue(spec, parameter.schema, parameter.name);
}

/** A plausible value for a schema: example, examples[0], default, const, enum[0], else a typed placeholder. */
export function schemaValue(spec, rawSchema, name = 'value', depth = 0) {
  const schema = deref(spec, rawSchema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(schema[key]) && schema[key].length && depth < 8) return schemaValue(spec, schema[key][0], name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      if (depth >= 8) return {};
      const out = {};
      for (const key of schema.required ?? []) out[key] = schemaValue(spec, schema.properties?.[key], key, depth + 1);
      return out;
    }
    default:
      return `<${name}>`;
  }
}

/** The JSON request body of an operation: { mediaType, value, exampleName } or undefined. */
export function requestBodyExample(spec, op) {
  const body = deref(spec, op.requestBody);
  if (!body?.content) return undefined;
  const mediaType = Object.keys(body.content).find((m) => /json/i.test(m)) ?? Object.keys(body.content)[0];
  const media = body.content[mediaType] ?? {};
  for (const [exampleName, raw] of Object.entries(media.examples ?? {})) {
    const example = deref(spec, raw);
    if (example?.value !== undefined) return { mediaType, value: example.value, exampleName, required: !!body.required };
  }
  if (media.example !== undefined) return { mediaType, value: media.example, required: !!body.required };
  return { mediaType, value: schemaValue(spec, media.schema, 'body'), required: !!body.required };
}

/** `x-successor` as a list of operationIds (it may be one string or a list). */
export function successors(op) {
  const value = op['x-successor'];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * The route segment Redoc 3 gives a tag: the `slugify` package's rules for ASCII names (a few symbols spelled
 * out, `-` treated as a space, characters outside [\w\s$*_+~.()'"!:@] dropped, whitespace runs turned into
 * one `-`), lower-cased. The browser test checks that every link built from it resolves to a rendered item.
 */
const SLUG_CHARS = { $: 'dollar', '%': 'percent', '&': 'and', '<': 'less', '>': 'greater', '|': 'or' };
export function slug(name) {
  return [...String(name).normalize()]
    .map((c) => SLUG_CHARS[c] ?? (c === '-' ? ' ' : c))
    .join('')
    .replace(/[^\w\s$*_+~.()'"!\-:@]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
}

/** The in-page link (hash route) of an operation in the built page: `#/<tag>/<operationid>`. */
export function operationLink(operation) {
  const tag = operation.op.tags?.[0];
  const id = operation.operationId.replace(/\\/g, '%5C').toLowerCase();
  return tag ? `#/${slug(tag)}/${id}` : `#/other/${id}`;
}

export function tagLink(tagName) {
  return `#/${slug(tagName)}`;
}
