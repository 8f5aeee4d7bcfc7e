// The spec's request contract as a reviewed, committed file (test/inventory/operations.json): per operation, its
// credentials, required parameters, required body fields (with the oneOf/anyOf alternatives), request enums, the
// documented error examples, and which documented error a request missing each required input must get.
// test/inventory/inventory.test.ts fails when the spec drifts from the file (looser or tighter); the mock's error
// tests (test/mock/error-layer.test.ts) take their cases from the file, so a loosened spec cannot shrink them.
//   node scripts/inventory.mjs            prints what differs between the spec and the committed file (exit 1 if any)
//   node scripts/inventory.mjs --write    rewrites the file from generated/openapi.json (then review the git diff)
//   node scripts/inventory.mjs --spec F   reads another bundle
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deref as derefIn, listOperations, loadSpec, validRequest } from './lib/spec-requests.mjs';
import { repoRoot } from './lib/run.mjs';

export const inventoryFile = path.join(repoRoot, 'test', 'inventory', 'operations.json');

const ERROR_STATUS_ORDER = ['400', '422', '401', '403', '404'];
const BODY_ERROR = { put: 'JSON_PUT_BODY_REQUIRED', patch: 'JSON_PUT_BODY_REQUIRED', post: 'POST_BODY_INVALID', delete: 'DELETE_BODY_INVALID' };
/** The generic LoginRadius answer when no documented example names a missing field. */
export const GENERIC_REQUIRED = { ErrorCode: 908, Message: 'A parameter is not formatted correctly.' };

const norm = (s) => String(s).toLowerCase().replace(/[^a-z0-9]/g, '');
const pick = (value, key) => {
  if (!value || typeof value !== 'object') return undefined;
  const k = Object.keys(value).find((x) => x.toLowerCase() === key);
  return k === undefined ? undefined : value[k];
};

/** Runs of 1-4 neighbouring words of a Description, joined ("access token" also reads as accesstoken). */
function wordRuns(text) {
  const words = (String(text).match(/[A-Za-z0-9_]+/g) ?? []).map(norm);
  const runs = new Set();
  for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(''));
  return runs;
}

/** The schemas that hold at one JSON position: the schema and its allOf parts (not the alternatives). */
function allOfParts(spec, schema, seen = new Set()) {
  const s = derefIn(spec, schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return [];
  seen.add(s);
  return [s, ...(s.allOf ?? []).flatMap((part) => allOfParts(spec, part, seen))];
}

/**
 * Required body fields (dotted paths, `[]` for array items) and the oneOf/anyOf alternatives of required fields,
 * at every depth of a request body schema; enums of body fields too.
 */
function bodyContract(spec, schema) {
  const required = [];
  const alternatives = [];
  const enums = {};
  const walk = (node, at, stack) => {
    const parts = allOfParts(spec, node);
    if (parts.some((p) => stack.has(p))) return;
    const inner = new Set([...stack, ...parts]);
    for (const p of parts) {
      for (const name of p.required ?? []) if (!required.includes(at + name)) required.push(at + name);
      for (const kind of ['oneOf', 'anyOf']) {
        if (!Array.isArray(p[kind])) continue;
        const options = p[kind].map((branch) => [...new Set(allOfParts(spec, branch).flatMap((b) => b.required ?? []))].sort());
        if (options.some((o) => o.length)) alternatives.push({ at: at.replace(/\.$/, ''), kind, options });
      }
      if (Array.isArray(p.enum) && at) enums[at.replace(/\.$/, '')] = [...p.enum].sort();
      for (const [name, sub] of Object.entries(p.properties ?? {})) walk(sub, `${at}${name}.`, inner);
      if (p.items && typeof p.items === 'object') walk(p.items, `${at.replace(/\.$/, '')}[].`, inner);
    }
  };
  walk(schema, '', new Set());
  return { required, alternatives, enums };
}

/** The documented error examples of an operation, in the order the mock prefers statuses (400 first). */
function errorExamples(spec, op) {
  const rank = (s) => (ERROR_STATUS_ORDER.includes(s) ? ERROR_STATUS_ORDER.indexOf(s) : ERROR_STATUS_ORDER.length + Number(s));
  const statuses = Object.keys(op.responses ?? {}).filter((s) => /^[45]/.test(s)).sort((a, b) => rank(a) - rank(b));
  return statuses.flatMap((status) => {
    const media = derefIn(spec, op.responses[status])?.content?.['application/json'];
    return Object.entries(media?.examples ?? {}).map(([name, ex]) => {
      const value = derefIn(spec, ex)?.value;
      return { status, name, code: pick(value, 'errorcode'), description: pick(value, 'description') ?? '' };
    });
  });
}

/** A Description that says a field is absent. */
const ABSENT = /\brequired\b|\bmissing\b|\bempty\b/i;
const INVALID = /invalid|not valid|well-formatted|format/i;

/**
 * What a request missing `terms[0]` (or leaving it empty) must get: the first documented 4xx example whose
 * Description names it (or, failing that, one of the parents in `terms`) and says it is required, missing or
 * empty; else the
 * generic 908 naming it.
 */
function documentedAnswer(examples, terms, field, { credential = false } = {}) {
  const absent = examples.filter((e) => /^4/.test(e.status) && ABSENT.test(e.description));
  // An example about an absent value comes before one that also speaks of an invalid one ("a valid email is required").
  const ranked = [...absent.filter((e) => !INVALID.test(e.description)), ...absent.filter((e) => INVALID.test(e.description))];
  for (const term of terms.map(norm).filter((t) => t.length >= 2)) {
    const hit = ranked.find((e) => wordRuns(e.description).has(term));
    if (hit) return { status: Number(hit.status), example: hit.name };
  }
  // A credential nothing names gets the operation's 401, as a failed authentication (see scripts/mock/README.md).
  const unauthorized = credential && examples.find((e) => e.status === '401');
  if (unauthorized) return { status: 401, example: unauthorized.name };
  return { status: 400, generic: `The ${field} is a required parameter.` };
}

function credentialTerms(scheme) {
  if (scheme.type === 'http') return { label: 'header Authorization', terms: ['access_token', 'accesstoken', 'Authorization'], field: 'access_token' };
  return { label: `${scheme.in} ${scheme.name}`, terms: [scheme.name, scheme.name.replace(/^x-[a-z0-9]+-/i, '')], field: scheme.name };
}

/** Does `body` have every parent object of the dotted path `field` (so the field can be removed from it)? */
function parentPresent(body, field) {
  let node = body;
  for (const segment of field.split('.').slice(0, -1)) {
    const [name, array] = /^(.*?)(\[\])?$/.exec(segment).slice(1);
    node = node?.[name];
    if (array) node = Array.isArray(node) ? node[0] : undefined;
    if (!node || typeof node !== 'object') return false;
  }
  return !!node && typeof node === 'object';
}

function operationInventory(spec, operation) {
  const { op } = operation;
  const schemes = spec.components?.securitySchemes ?? {};
  const examples = errorExamples(spec, op);
  const entry = { request: `${operation.method.toUpperCase()} ${operation.path}` };
  entry.credentials = operation.security.map((alt) => Object.keys(alt).sort().join(' + '));
  entry.requiredParameters = operation.parameters.filter((p) => p.required).map((p) => `${p.in} ${p.name}`).sort();
  entry.enums = {};
  for (const p of operation.parameters) {
    const schema = derefIn(spec, p.schema);
    if (Array.isArray(schema?.enum)) entry.enums[`${p.in} ${p.name}`] = [...schema.enum].sort();
  }
  const requestBody = derefIn(spec, op.requestBody);
  const bodySchema = requestBody?.content?.['application/json']?.schema;
  const exampleBody = validRequest(spec, operation).body;
  entry.body = null;
  if (requestBody) {
    const contract = bodySchema ? bodyContract(spec, bodySchema) : { required: [], alternatives: [], enums: {} };
    entry.body = { required: !!requestBody.required, requiredFields: contract.required, alternatives: contract.alternatives };
    for (const [at, values] of Object.entries(contract.enums)) entry.enums[`body ${at}`] = values;
  }
  entry.errors = {};
  for (const e of examples) (entry.errors[e.status] ??= []).push(`${e.name} ${e.code ?? '-'}`);

  // Which documented error each missing required input gets (the mock's error layer is tested against this).
  const whenMissing = {};
  for (const key of Object.keys(operation.security[0] ?? {})) {
    const { label, terms, field } = credentialTerms({ key, ...derefIn(spec, schemes[key]) });
    whenMissing[`credential ${label}`] = documentedAnswer(examples, terms, field, { credential: true });
  }
  for (const p of operation.parameters.filter((x) => x.required && x.in !== 'path')) {
    whenMissing[`${p.in} ${p.name}`] = documentedAnswer(examples, [p.name], p.name);
  }
  if (requestBody?.required) {
    const name = BODY_ERROR[operation.method] ?? 'POST_BODY_INVALID';
    const documented = examples.find((e) => e.name === name);
    whenMissing.body = documented ? { status: Number(documented.status), example: name } : { status: 400, example: name };
  }
  for (const field of entry.body?.requiredFields ?? []) {
    if (exampleBody === undefined || !parentPresent(exampleBody, field)) continue;
    const segments = field.split('.').map((s) => s.replace(/\[\]$/, ''));
    whenMissing[`body ${field}`] = documentedAnswer(examples, [...segments].reverse(), segments.at(-1));
  }
  entry.whenMissing = whenMissing;
  return entry;
}

/** The inventory of a bundled spec: { operations: { operationId: entry } }, sorted by operationId. */
export function inventoryOf(spec) {
  const operations = listOperations(spec).sort((a, b) => a.operationId.localeCompare(b.operationId));
  return { operations: Object.fromEntries(operations.map((o) => [o.operationId, operationInventory(spec, o)])) };
}

const setDiff = (a = [], b = []) => a.filter((x) => !b.includes(x));
const json = (v) => JSON.stringify(v);

/**
 * What changed from `before` to `after`, one line per change: { operationId, change, loosens }. `loosens` marks a
 * request constraint relaxed (a required input no longer required, a credential alternative or enum value added,
 * a required body turned optional): a fidelity change that needs a reason.
 */
export function compareInventories(before, after) {
  const changes = [];
  const ids = new Set([...Object.keys(before.operations), ...Object.keys(after.operations)]);
  for (const id of [...ids].sort()) {
    const a = before.operations[id];
    const b = after.operations[id];
    const add = (change, loosens = false) => changes.push({ operationId: id, change, loosens });
    if (!a) {
      add('operation added');
      continue;
    }
    if (!b) {
      add('operation removed', true);
      continue;
    }
    if (a.request !== b.request) add(`request line ${a.request} -> ${b.request}`);
    for (const x of setDiff(a.credentials, b.credentials)) add(`credential alternative ${x} removed`);
    for (const x of setDiff(b.credentials, a.credentials)) add(`credential alternative ${x} added`, true);
    for (const x of setDiff(a.requiredParameters, b.requiredParameters)) add(`parameter ${x} no longer required`, true);
    for (const x of setDiff(b.requiredParameters, a.requiredParameters)) add(`parameter ${x} now required`);
    for (const key of new Set([...Object.keys(a.enums), ...Object.keys(b.enums)])) {
      if (!b.enums[key]) add(`${key}: enum removed (any value accepted)`, true);
      else if (!a.enums[key]) add(`${key}: enum added`);
      else {
        for (const v of setDiff(b.enums[key], a.enums[key])) add(`${key}: enum value ${json(v)} added`, true);
        for (const v of setDiff(a.enums[key], b.enums[key])) add(`${key}: enum value ${json(v)} removed`);
      }
    }
    if (a.body?.required && !b.body?.required) add('request body no longer required', true);
    if (!a.body?.required && b.body?.required) add('request body now required');
    for (const f of setDiff(a.body?.requiredFields, b.body?.requiredFields)) add(`body field ${f} no longer required`, true);
    for (const f of setDiff(b.body?.requiredFields, a.body?.requiredFields)) add(`body field ${f} now required`);
    const alts = (e) => (e.body?.alternatives ?? []).map(json);
    for (const x of setDiff(alts(a), alts(b))) add(`body alternatives ${x} removed or changed`, true);
    for (const x of setDiff(alts(b), alts(a))) add(`body alternatives ${x} added`);
    for (const status of new Set([...Object.keys(a.errors), ...Object.keys(b.errors)])) {
      for (const x of setDiff(a.errors[status], b.errors[status])) add(`documented ${status} error ${x} removed`);
      for (const x of setDiff(b.errors[status], a.errors[status])) add(`documented ${status} error ${x} added`);
    }
    for (const key of new Set([...Object.keys(a.whenMissing), ...Object.keys(b.whenMissing)])) {
      if (json(a.whenMissing[key]) !== json(b.whenMissing[key])) {
        // A lost case follows from a change above (or from a changed example body): reported, not a loosening itself.
        add(`without ${key}: ${json(a.whenMissing[key]) ?? 'no case'} -> ${json(b.whenMissing[key]) ?? 'no case'}`);
      }
    }
  }
  return changes;
}

/** JSON with short arrays and small objects on one line, so that the reviewed file reads like a table. */
export function formatInventory(inventory) {
  const text = JSON.stringify(inventory, null, 2);
  return `${text.replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_m, inner) => `[${inner.split(/,\n\s+/).join(', ')}]`).replace(/\{\n\s+("[^"]+": [^{}\n]+)\n\s+\}/g, '{ $1 }').replace(/\{\n\s+("status": \d+),\n\s+("(?:example|generic)": "[^"\n]*")\n\s+\}/g, '{ $1, $2 }')}\n`;
}

export function readInventory(file = inventoryFile) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const specAt = args.indexOf('--spec');
  const spec = loadSpec(specAt === -1 ? undefined : path.resolve(args[specAt + 1]));
  const current = inventoryOf(spec);
  const counts = Object.values(current.operations).reduce(
    (n, e) => ({ operations: n.operations + 1, cases: n.cases + Object.keys(e.whenMissing).length }),
    { operations: 0, cases: 0 },
  );
  if (args.includes('--write')) {
    fs.mkdirSync(path.dirname(inventoryFile), { recursive: true });
    fs.writeFileSync(inventoryFile, formatInventory(current));
    console.log(`inventory: wrote ${path.relative(repoRoot, inventoryFile)}: ${counts.operations} operations, ${counts.cases} missing-input cases. Review \`git diff\` before committing.`);
  } else {
    const changes = fs.existsSync(inventoryFile) ? compareInventories(readInventory(), current) : [{ operationId: '-', change: 'no inventory file yet (run with --write)' }];
    for (const c of changes) console.log(`${c.operationId}: ${c.change}${c.loosens ? ' (loosens the request contract)' : ''}`);
    console.log(`inventory: ${changes.length} difference(s) between the spec and ${path.relative(repoRoot, inventoryFile)}`);
    process.exit(changes.length ? 1 : 0);
  }
}
