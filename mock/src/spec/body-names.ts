// The body-name tree: for one JSON position, the properties that may appear there (the union over
// allOf / oneOf / anyOf / if-then-else branches) and what array items and additional properties look
// like. Built once per schema at startup; used per request to rename JSON properties sent in another
// casing to the spec's spelling, and to strip writeOnly values from generated responses.
import type { Deref, Schema } from './load.js';

export interface BodyNode {
  exact: Map<string, BodyEntry>;
  byLower: Map<string, BodyEntry>;
  items: BodyNode | null;
  additional: BodyNode | null;
  additionalWriteOnly: boolean;
}
interface BodyEntry {
  name: string;
  schemas: Schema[];
  node: BodyNode | null;
  writeOnly: boolean;
}

export function createBodyTreeBuilder(deref: Deref): (schemas: Schema[]) => BodyNode | null {
  let nextId = 1;
  const ids = new WeakMap<object, number>();
  const idOf = (o: object) => {
    let id = ids.get(o);
    if (!id) ids.set(o, (id = nextId++));
    return id;
  };
  const memo = new Map<string, BodyNode>();

  function flatten(schema: Schema | undefined, out: Schema[], seen: Set<Schema>): Schema[] {
    const s = deref(schema);
    if (!s || typeof s !== 'object' || seen.has(s)) return out;
    seen.add(s);
    out.push(s);
    for (const branches of [s.allOf, s.oneOf, s.anyOf]) if (Array.isArray(branches)) for (const b of branches) flatten(b, out, seen);
    for (const b of [s.then, s.else]) if (b && typeof b === 'object') flatten(b, out, seen);
    if (s.dependentSchemas) for (const b of Object.values(s.dependentSchemas)) flatten(b, out, seen);
    return out;
  }
  const isWriteOnly = (subs: Schema[]) => {
    const all: Schema[] = [];
    const seen = new Set<Schema>();
    for (const sub of subs) flatten(sub, all, seen);
    return all.some((x) => x.writeOnly === true);
  };

  function node(schemas: Schema[]): BodyNode | null {
    const flat: Schema[] = [];
    const seen = new Set<Schema>();
    for (const s of schemas) flatten(s, flat, seen);
    if (flat.length === 0) return null;
    const key = flat.map(idOf).sort((a, b) => a - b).join(',');
    const known = memo.get(key);
    if (known) return known;
    const n: BodyNode = { exact: new Map(), byLower: new Map(), items: null, additional: null, additionalWriteOnly: false };
    memo.set(key, n);
    const propSchemas = new Map<string, Schema[]>();
    const itemSchemas: Schema[] = [];
    const additionalSchemas: Schema[] = [];
    for (const s of flat) {
      if (s.properties && typeof s.properties === 'object') {
        for (const [name, sub] of Object.entries(s.properties)) {
          if (!propSchemas.has(name)) propSchemas.set(name, []);
          propSchemas.get(name)!.push(sub);
        }
      }
      if (Array.isArray(s.items)) itemSchemas.push(...s.items);
      else if (s.items && typeof s.items === 'object') itemSchemas.push(s.items);
      if (Array.isArray(s.prefixItems)) itemSchemas.push(...s.prefixItems);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') additionalSchemas.push(s.additionalProperties);
      if (s.patternProperties) additionalSchemas.push(...Object.values(s.patternProperties));
    }
    for (const [name, subs] of propSchemas) {
      const entry: BodyEntry = { name, schemas: subs, node: null, writeOnly: isWriteOnly(subs) };
      n.exact.set(name, entry);
      // Two declared spellings of one name: the first wins for other casings; exact spellings still match.
      const lower = name.toLowerCase();
      if (!n.byLower.has(lower)) n.byLower.set(lower, entry);
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
function mapIfChanged(array: unknown[], fn: (v: unknown, i: number) => unknown): unknown[] {
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
export function canonicalizeBody(value: unknown, n: BodyNode | null, renamed: string[] | null, at = ''): unknown {
  if (!n || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = n.items;
    return items ? mapIfChanged(value, (v, i) => canonicalizeBody(v, items, renamed, `${at}/${i}`)) : value;
  }
  const object = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let name = key;
    let entry = n.exact.get(key);
    if (!entry) {
      const candidate = n.byLower.get(key.toLowerCase());
      if (candidate && !Object.prototype.hasOwnProperty.call(object, candidate.name)) {
        entry = candidate;
        name = candidate.name;
        renamed?.push(`${at}/${key} -> ${name}`);
      }
    }
    const child = entry ? entry.node : n.additional;
    const v = object[key];
    const cv = child ? canonicalizeBody(v, child, renamed, `${at}/${name}`) : v;
    if ((name !== key || cv !== v) && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]] = object[keys[j]];
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
export function stripWriteOnly(value: unknown, n: BodyNode | null, seen: Set<unknown> = new Set()): unknown {
  if (!n || value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    const items = n.items;
    return items ? mapIfChanged(value, (v) => stripWriteOnly(v, items, seen)) : value;
  }
  const object = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const entry = n.exact.get(key);
    const drop = entry ? entry.writeOnly : n.additionalWriteOnly;
    const child = entry ? entry.node : n.additional;
    const v = object[key];
    const cv = drop ? undefined : stripWriteOnly(v, child, seen);
    if ((drop || cv !== v) && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]] = object[keys[j]];
    }
    if (out && !drop) out[key] = cv;
  }
  return out ?? value;
}
