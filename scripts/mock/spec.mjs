// Reads the bundled spec and builds, once at startup, everything the mock needs per request:
// the route table (literal path segments matched case-insensitively), per operation the canonical
// query-name map, the body-name tree (JSON property names at any depth, following the schema), the
// security alternatives, the example index (name -> statuses) and the documented error examples.
// Generic over the spec: nothing here names an operation.
import fs from 'node:fs';
import path from 'node:path';

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Reads JSON or YAML; retries briefly when a concurrent `npm run build` is rewriting the file. */
export async function readSpecDocument(file) {
  let lastError;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const text = fs.readFileSync(file, 'utf8');
      if (/\.json$/i.test(file)) return { doc: JSON.parse(text), text };
      const { parse } = await import('yaml');
      return { doc: parse(text, { maxAliasCount: -1 }), text };
    } catch (error) {
      if (error.code === 'ENOENT') throw new Error(`spec not found: ${file} (run \`npm run build\` first)`);
      lastError = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`cannot read spec ${file}: ${lastError.message}`);
}

export function createResolver(doc) {
  const cache = new Map();
  function lookup(ref) {
    if (cache.has(ref)) return cache.get(ref);
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported in the bundled spec, got ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => (node == null ? undefined : node[key]), doc);
    cache.set(ref, target);
    return target;
  }
  /** Follows $ref chains (OpenAPI 3.1 allows siblings; they are ignored, as Prism's bundler does). */
  return function deref(node) {
    let current = node;
    for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) current = lookup(current.$ref);
    return current;
  };
}

const lower = (s) => String(s).toLowerCase();

// ---------- body-name tree ----------
// A node describes one JSON position: the properties that may appear there (union over allOf / oneOf /
// anyOf / if-then-else branches), what array items and additional properties look like.
function createBodyTreeBuilder(deref) {
  let nextId = 1;
  const ids = new WeakMap();
  const idOf = (o) => {
    let id = ids.get(o);
    if (!id) ids.set(o, (id = nextId++));
    return id;
  };
  const memo = new Map();

  function flatten(schema, out = [], seen = new Set()) {
    const s = deref(schema);
    if (!s || typeof s !== 'object' || seen.has(s)) return out;
    seen.add(s);
    out.push(s);
    for (const key of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(s[key])) s[key].forEach((b) => flatten(b, out, seen));
    for (const key of ['then', 'else']) if (s[key] && typeof s[key] === 'object') flatten(s[key], out, seen);
    if (s.dependentSchemas) Object.values(s.dependentSchemas).forEach((b) => flatten(b, out, seen));
    return out;
  }

  function node(schemas) {
    const flat = [];
    const seen = new Set();
    for (const s of schemas) flatten(s, flat, seen);
    if (flat.length === 0) return null;
    const key = flat.map(idOf).sort((a, b) => a - b).join(',');
    if (memo.has(key)) return memo.get(key);
    const n = { exact: new Map(), byLower: new Map(), items: null, additional: null, additionalWriteOnly: false, hasWriteOnly: false };
    memo.set(key, n);
    const propSchemas = new Map();
    const itemSchemas = [];
    const additionalSchemas = [];
    for (const s of flat) {
      if (s.properties && typeof s.properties === 'object') {
        for (const [name, sub] of Object.entries(s.properties)) {
          if (!propSchemas.has(name)) propSchemas.set(name, []);
          propSchemas.get(name).push(sub);
        }
      }
      if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) itemSchemas.push(s.items);
      if (Array.isArray(s.items)) itemSchemas.push(...s.items);
      if (Array.isArray(s.prefixItems)) itemSchemas.push(...s.prefixItems);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') additionalSchemas.push(s.additionalProperties);
      if (s.patternProperties) additionalSchemas.push(...Object.values(s.patternProperties));
    }
    const isWriteOnly = (subs) => {
      const all = [];
      const seenHere = new Set();
      for (const sub of subs) flatten(sub, all, seenHere);
      return all.some((x) => x.writeOnly === true);
    };
    for (const [name, subs] of propSchemas) {
      const entry = { name, schemas: subs, node: undefined, writeOnly: isWriteOnly(subs) };
      n.exact.set(name, entry);
      const l = lower(name);
      // Two declared spellings of one name: the first wins for other casings; exact spellings still match.
      if (!n.byLower.has(l)) n.byLower.set(l, entry);
    }
    for (const entry of n.exact.values()) entry.node = node(entry.schemas);
    n.items = itemSchemas.length ? node(itemSchemas) : null;
    n.additional = additionalSchemas.length ? node(additionalSchemas) : null;
    n.additionalWriteOnly = additionalSchemas.length > 0 && isWriteOnly(additionalSchemas);
    return n;
  }
  return node;
}

/** `array.map(fn)`, or `array` itself when `fn` returned every element unchanged (no copy per request). */
function mapIfChanged(array, fn) {
  let changed = false;
  const out = array.map((v, i) => {
    const c = fn(v, i);
    if (c !== v) changed = true;
    return c;
  });
  return changed ? out : array;
}

/**
 * Renames JSON properties spelled in another casing to the spec's spelling, at any depth, following
 * the body tree. Returns the same value when nothing changed; records renames in `renamed`.
 */
export function canonicalizeBody(value, n, renamed, at = '') {
  if (!n || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return n.items ? mapIfChanged(value, (v, i) => canonicalizeBody(v, n.items, renamed, `${at}/${i}`)) : value;
  }
  let out = null;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let name = key;
    let entry = n.exact.get(key);
    if (!entry) {
      const candidate = n.byLower.get(lower(key));
      if (candidate && !Object.prototype.hasOwnProperty.call(value, candidate.name)) {
        entry = candidate;
        name = candidate.name;
        renamed?.push(`${at}/${key} -> ${name}`);
      }
    }
    const child = entry ? entry.node : n.additional;
    const v = value[key];
    const cv = child ? canonicalizeBody(v, child, renamed, `${at}/${name}`) : v;
    if (name !== key || cv !== v) {
      if (!out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = value[keys[j]];
      }
    }
    if (out) out[name] = cv;
  }
  return out ?? value;
}

/**
 * Removes writeOnly properties (at any depth, following the response schema's tree) from a generated
 * response. Prism strips them only at the top level of a dynamic response; nested ones (a Profile's
 * Password, PIN) would leak. Returns the same value when nothing was removed.
 */
export function stripWriteOnly(value, n, seen = new Set()) {
  if (!n || value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    return n.items ? mapIfChanged(value, (v) => stripWriteOnly(v, n.items, seen)) : value;
  }
  let out = null;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const entry = n.exact.get(key);
    const drop = entry ? entry.writeOnly : n.additionalWriteOnly;
    const child = entry ? entry.node : n.additional;
    const v = value[key];
    const cv = drop ? undefined : stripWriteOnly(v, child, seen);
    if ((drop || cv !== v) && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]] = value[keys[j]];
    }
    if (out && !drop) out[key] = cv;
  }
  return out ?? value;
}

// ---------- error-example matching ----------
const WORD = /[A-Za-z0-9_]+/g;
/** Normalised words of a Description, plus joins of 2-4 neighbours ("access token" ~ access_token). */
function descriptionTerms(text) {
  const words = (String(text).match(WORD) ?? []).map((w) => w.toLowerCase().replace(/_/g, ''));
  const terms = new Set(words);
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= words.length; i++) terms.add(words.slice(i, i + n).join(''));
  return terms;
}
export const normalizeName = (s) => lower(s).replace(/[^a-z0-9]/g, '');

function errorFields(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const pick = (...names) => {
    for (const n of names) for (const k of Object.keys(value)) if (lower(k) === n) return value[k];
    return undefined;
  };
  const description = pick('description');
  if (typeof description !== 'string') return null;
  return { description, code: pick('errorcode') };
}

/** Does the response schema accept an extra `violations` property (no additional/unevaluated: false)? */
function acceptsExtraProperties(schema, deref, seen = new Set()) {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return true;
  seen.add(s);
  if (s.additionalProperties === false || s.unevaluatedProperties === false) return false;
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    if (Array.isArray(s[key]) && !s[key].every((b) => acceptsExtraProperties(b, deref, seen))) return false;
  return true;
}

const statusOrder = (a, b) => {
  const rank = (s) => (/^2/.test(s) ? 0 : 1);
  return rank(a) - rank(b) || String(a).localeCompare(String(b));
};
const ERROR_STATUS_ORDER = ['400', '422', '401', '403', '404'];
const errorStatusRank = (s) => {
  const i = ERROR_STATUS_ORDER.indexOf(s);
  return i === -1 ? ERROR_STATUS_ORDER.length + Number(s) : i;
};

// ---------- the index ----------
export function buildIndex(doc) {
  const deref = createResolver(doc);
  const bodyNode = createBodyTreeBuilder(deref);
  const schemes = doc.components?.securitySchemes ?? {};
  const queryCredentialNames = Object.values(schemes)
    .map(deref)
    .filter((s) => s?.type === 'apiKey' && s.in === 'query')
    .map((s) => s.name);
  const globalSecurity = doc.security;

  const operations = [];
  for (const [template, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const byKey = new Map();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) if (p?.name && p.in) byKey.set(`${p.in}:${p.name}`, p);
      const parameters = [...byKey.values()];

      const queryNames = new Map();
      for (const name of queryCredentialNames) queryNames.set(lower(name), name);
      for (const p of parameters) if (p.in === 'query') queryNames.set(lower(p.name), p.name);
      const declaredQuery = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));

      const pathEnums = new Map();
      for (const p of parameters) {
        const schema = deref(p.schema);
        if (p.in === 'path' && Array.isArray(schema?.enum)) {
          pathEnums.set(p.name, new Map(schema.enum.filter((v) => typeof v === 'string').map((v) => [lower(v), v])));
        }
      }

      const requestBody = deref(op.requestBody);
      const requestMedia = requestBody?.content ? Object.keys(requestBody.content) : [];
      const jsonMedia = requestMedia.find((m) => /json/i.test(m));
      const bodyTree = jsonMedia ? bodyNode([requestBody.content[jsonMedia].schema].filter(Boolean)) : null;

      const security = (op.security ?? globalSecurity ?? []).map((requirement) =>
        Object.keys(requirement).map((name) => ({ key: name, ...(deref(schemes[name]) ?? {}) })),
      );

      const responses = {};
      const exampleStatuses = new Map();
      const errorExamples = [];
      const statuses = Object.keys(op.responses ?? {}).sort(statusOrder);
      for (const status of statuses) {
        const response = deref(op.responses[status]);
        const content = response?.content ?? {};
        const mediaTypes = Object.keys(content);
        const media = content[mediaTypes.find((m) => /json/i.test(m)) ?? mediaTypes[0]];
        const names = Object.keys(media?.examples ?? {});
        const examples = new Map(names.map((n) => [n, deref(media.examples[n])?.value]));
        responses[status] = {
          examples,
          // For generated (dynamic or schema-sampled) bodies only; examples are served verbatim.
          tree: media?.schema ? bodyNode([media.schema]) : null,
          acceptsViolations: media?.schema ? acceptsExtraProperties(media.schema, deref) : true,
        };
        for (const name of names) {
          if (!exampleStatuses.has(name)) exampleStatuses.set(name, []);
          exampleStatuses.get(name).push(status);
          if (/^4/.test(status)) {
            const fields = errorFields(examples.get(name));
            if (fields) {
              errorExamples.push({
                status,
                name,
                terms: descriptionTerms(fields.description),
                required: /\brequired\b/i.test(fields.description),
                // Says the field is absent ("required", "missing", "null or empty"): the only examples that may
                // answer a missing field (a Description that merely contains the word, "content type", does not).
                absent: /\brequired\b|\bmissing\b|\bempty\b/i.test(fields.description),
                invalid: /invalid|not valid|well-formatted|format/i.test(fields.description),
              });
            }
          }
        }
      }
      errorExamples.sort((a, b) => errorStatusRank(a.status) - errorStatusRank(b.status));

      operations.push({
        method,
        path: template,
        operationId: op.operationId ?? `${method} ${template}`,
        deprecated: !!op.deprecated,
        segments: template.split('/').slice(1),
        literalCount: template.split('/').filter((s) => s && !/^\{.*\}$/.test(s)).length,
        parameters,
        queryNames,
        declaredQuery,
        pathEnums,
        requestBody,
        requestMedia,
        bodyRequired: !!requestBody?.required,
        bodyTree,
        security,
        responses,
        statuses,
        exampleStatuses,
        errorExamples,
        resource: null, // Prism's operation, attached later
      });
    }
  }

  // Route table: exact (lower-cased) templates without parameters, then templates by segment count.
  const staticRoutes = new Map();
  const bySegments = new Map();
  const pathGroups = new Map();
  for (const op of operations) {
    if (!pathGroups.has(op.path)) {
      const segments = op.path.split('/').slice(1);
      const group = {
        path: op.path,
        segments,
        lowerSegments: segments.map((s) => (/^\{.*\}$/.test(s) ? null : lower(s))),
        paramNames: segments.map((s) => (/^\{(.*)\}$/.test(s) ? s.slice(1, -1) : null)),
        literalCount: segments.filter((s) => !/^\{.*\}$/.test(s)).length,
        methods: new Map(),
      };
      pathGroups.set(op.path, group);
      if (group.paramNames.every((p) => p === null)) staticRoutes.set(lower(op.path), group);
      if (!bySegments.has(segments.length)) bySegments.set(segments.length, []);
      bySegments.get(segments.length).push(group);
    }
    pathGroups.get(op.path).methods.set(op.method, op);
  }
  for (const list of bySegments.values()) list.sort((a, b) => b.literalCount - a.literalCount);

  const componentExamples = {};
  for (const [name, ex] of Object.entries(doc.components?.examples ?? {})) componentExamples[name] = deref(ex)?.value;

  return { doc, deref, operations, staticRoutes, bySegments, componentExamples };
}

/**
 * Finds the operation for a method and raw path, matching literal segments case-insensitively.
 * Returns { op, canonicalPath } | { allowed: [...methods] } (path known, method not) | null.
 */
export function route(index, method, rawPath) {
  let p = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const staticGroup = index.staticRoutes.get(lower(p));
  const candidates = [];
  const segments = p.split('/').slice(1);
  for (const group of index.bySegments.get(segments.length) ?? []) {
    if (group === staticGroup) continue;
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const l = group.lowerSegments[i];
      if (l === null ? segments[i] === '' : l !== lower(segments[i])) {
        ok = false;
        break;
      }
    }
    if (ok) candidates.push(group);
  }
  if (staticGroup) candidates.unshift(staticGroup);
  if (candidates.length === 0) return null;
  for (const group of candidates) {
    const op = group.methods.get(method) ?? (method === 'head' ? group.methods.get('get') : undefined);
    if (!op) continue;
    const parts = group.segments.map((s, i) => {
      const name = group.paramNames[i];
      if (name === null) return s;
      const canonical = op.pathEnums.get(name)?.get(lower(safeDecode(segments[i])));
      return canonical ?? segments[i];
    });
    return { op, canonicalPath: `/${parts.join('/')}` };
  }
  const allowed = new Set();
  for (const group of candidates) for (const m of group.methods.keys()) allowed.add(m.toUpperCase());
  return { allowed: [...allowed] };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `npm run mock -- --list`: operation -> status -> example names. */
export function listTable(index) {
  const rows = [['operation', 'method path', 'status', 'examples (Prefer: example=NAME)']];
  for (const op of index.operations) {
    op.statuses.forEach((status, i) => {
      rows.push([
        i === 0 ? op.operationId : '',
        i === 0 ? `${op.method.toUpperCase()} ${op.path}` : '',
        status,
        [...op.responses[status].examples.keys()].join(', ') || '(schema only)',
      ]);
    });
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (c === 3 ? 0 : r[c].length))));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 3 ? cell : cell.padEnd(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${'-'.repeat(Math.min(160, line.length + 20))}` : line;
    })
    .join('\n');
}

export function defaultSpecPath(repoRoot) {
  return path.join(repoRoot, 'generated', 'openapi.json');
}
