// Parity with LoginRadius's official OpenAPI file: how many of its MFA, step-up, passwordless and MFA-configuration
// operations, parameters and request-body fields the bundle describes, per family, and where the bundle's required
// fields are stricter than the file's. The file's facts are in openapi/parity/official-operations.json (see its
// `method`); names compare case-insensitively, as the live API reads them.
//   node scripts/parity.mjs [--spec generated/openapi.json] [--json] [--check]
// --check exits 1 when an operation, parameter, body field or stated constraint of the file is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows local `#/...` references (the bundle's only kind). */
function resolver(spec) {
  return function deref(node, seen = new Set()) {
    while (node && typeof node.$ref === 'string') {
      if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
      seen.add(node.$ref);
      node = node.$ref.slice(2).split('/').reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return node;
  };
}

/** Top-level property names, required names and oneOf-of-required alternatives of a schema, through allOf/oneOf/anyOf. */
function bodyShape(schema, deref) {
  const fields = new Set();
  const required = new Set();
  const alternatives = [];
  (function walk(node, inAlternative) {
    node = deref(node);
    if (!node || typeof node !== 'object') return;
    for (const name of Object.keys(node.properties ?? {})) fields.add(name.toLowerCase());
    if (!inAlternative) for (const name of node.required ?? []) required.add(name.toLowerCase());
    for (const part of node.allOf ?? []) walk(part, inAlternative);
    for (const key of ['oneOf', 'anyOf']) {
      if (!node[key]) continue;
      const sets = node[key].map((branch) => (deref(branch).required ?? []).map((n) => n.toLowerCase()).sort());
      if (sets.every((s) => s.length)) alternatives.push(sets);
      for (const branch of node[key]) walk(branch, true);
    }
  })(schema, false);
  return { fields, required, alternatives };
}

/** The bundle's operation for a method and path, matched case-insensitively (templates by position). */
function findOperation(spec, method, officialPath) {
  const key = (p) => p.toLowerCase().replace(/\{[^}]+\}/g, '{}');
  for (const [p, item] of Object.entries(spec.paths ?? {})) {
    if (key(p) === key(officialPath) && item[method.toLowerCase()]) return { path: p, item, op: item[method.toLowerCase()] };
  }
  return undefined;
}

/** Parameter names the operation accepts, as `in:name` lower-cased: declared ones and security schemes' apiKey names. */
function acceptedParameters(spec, found, deref) {
  const names = new Set();
  for (const p of [...(found.item.parameters ?? []), ...(found.op.parameters ?? [])].map((x) => deref(x))) {
    names.add(`${p.in}:${p.name.toLowerCase()}`);
  }
  for (const requirement of found.op.security ?? []) {
    for (const scheme of Object.keys(requirement).map((n) => spec.components?.securitySchemes?.[n])) {
      if (scheme?.type === 'apiKey') names.add(`${scheme.in}:${scheme.name.toLowerCase()}`);
    }
  }
  return names;
}

const sameAlternatives = (a, b) => JSON.stringify(a.map((s) => s.join()).sort()) === JSON.stringify(b.map((s) => s.join()).sort());

export function measure(spec, official) {
  const deref = resolver(spec);
  const families = Object.fromEntries(official.families.map((f) => [f, { operations: [0, 0], parameters: [0, 0], bodyFields: [0, 0] }]));
  const missing = { operations: [], parameters: [], bodyFields: [], required: [], compositions: [] };
  const stricter = [];
  for (const o of official.operations) {
    const tally = families[o.family];
    const name = `${o.method} ${o.path}`;
    const fields = o.body?.fields ?? [];
    tally.operations[1]++;
    tally.parameters[1] += o.parameters.length;
    tally.bodyFields[1] += fields.length;
    const found = findOperation(spec, o.method, o.path);
    if (!found) {
      missing.operations.push(name);
      missing.parameters.push(...o.parameters.map((p) => `${name}: ${p.in} ${p.name}`));
      missing.bodyFields.push(...fields.map((f) => `${name}: ${f}`));
      continue;
    }
    tally.operations[0]++;
    const accepted = acceptedParameters(spec, found, deref);
    for (const p of o.parameters) {
      if (accepted.has(`${p.in}:${p.name.toLowerCase()}`)) tally.parameters[0]++;
      else missing.parameters.push(`${name}: ${p.in} ${p.name}`);
    }
    if (!o.body) continue;
    const media = deref(found.op.requestBody)?.content?.['application/json'];
    const ours = media ? bodyShape(media.schema, deref) : { fields: new Set(), required: new Set(), alternatives: [] };
    for (const f of fields) {
      if (ours.fields.has(f.toLowerCase())) tally.bodyFields[0]++;
      else missing.bodyFields.push(`${name}: ${f}`);
    }
    const theirs = new Set((o.body.required ?? []).map((n) => n.toLowerCase()));
    for (const r of theirs) if (!ours.required.has(r)) missing.required.push(`${name}: ${r}`);
    for (const r of ours.required) if (!theirs.has(r)) stricter.push(`${name}: requires ${r}`);
    const wanted = (o.body.oneOfRequired ?? []).map((s) => s.map((n) => n.toLowerCase()).sort());
    if (wanted.length && !ours.alternatives.some((a) => sameAlternatives(a, wanted))) {
      missing.compositions.push(`${name}: oneOf of required ${wanted.map((s) => `[${s}]`).join(' | ')}`);
    }
    for (const alternatives of ours.alternatives) {
      if (!wanted.length || !sameAlternatives(alternatives, wanted)) stricter.push(`${name}: oneOf of required ${alternatives.map((s) => `[${s}]`).join(' | ')}`);
    }
  }
  const totals = { operations: [0, 0], parameters: [0, 0], bodyFields: [0, 0] };
  for (const t of Object.values(families)) for (const k of Object.keys(totals)) for (const i of [0, 1]) totals[k][i] += t[k][i];
  return { families, totals, missing, stricter };
}

function main() {
  const args = process.argv.slice(2);
  const option = (flag) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args[at + 1];
  };
  const specFile = path.resolve(repoRoot, option('--spec') ?? 'generated/openapi.json');
  const officialFile = path.join(repoRoot, 'openapi', 'parity', 'official-operations.json');
  for (const file of [specFile, officialFile]) {
    if (!fs.existsSync(file)) {
      console.error(`parity: ${path.relative(repoRoot, file)} does not exist${file === specFile ? ' (run npm run build)' : ''}`);
      process.exit(2);
    }
  }
  const result = measure(JSON.parse(fs.readFileSync(specFile, 'utf8')), JSON.parse(fs.readFileSync(officialFile, 'utf8')));
  if (args.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const cell = ([have, all]) => `${have}/${all}`.padStart(8);
    console.log(`${'family'.padEnd(24)}${'operations'.padStart(11)}${'parameters'.padStart(11)}${'body fields'.padStart(12)}`);
    for (const [family, t] of [...Object.entries(result.families), ['all', result.totals]]) {
      console.log(`${family.padEnd(24)}${cell(t.operations).padStart(11)}${cell(t.parameters).padStart(11)}${cell(t.bodyFields).padStart(12)}`);
    }
    for (const [kind, list] of Object.entries(result.missing)) if (list.length) console.log(`\nmissing ${kind} (${list.length}):\n  ${list.join('\n  ')}`);
    if (result.stricter.length) console.log(`\nwhere the bundle is stricter than the official file (${result.stricter.length}; each says why in its description):\n  ${result.stricter.join('\n  ')}`);
  }
  const gaps = Object.values(result.missing).reduce((n, list) => n + list.length, 0);
  if (args.includes('--check') && gaps) {
    console.error(`parity: ${gaps} gap(s) with the official file`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
