// The spec's request contract is pinned by test/inventory/operations.json (reviewed, committed; written by
// `node scripts/inventory.mjs --write`). The spec may not drift from it in either direction: a field no longer
// required, a new required parameter, an enum value, a documented error, all fail here until both places change.
// The breaking-change gate also refuses a loosened request constraint unless fidelity-changes.json gives a reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareInventories, inventoryOf, readInventory, type Inventory } from '../../scripts/inventory.mjs';
import { deref, operations, repoRoot, spec, type Json } from '../support/spec.js';

const committed = readInventory();
const scratch = path.join(repoRoot, '.tmp', 'inventory-test');

/** A copy of the bundled spec with `edit` applied to the copy's operation `operationId` (and what it refers to). */
function editedSpec(edit: (copy: Json, operation: Json, pathItem: Json) => void, operationId: string): Json {
  const copy = structuredClone(spec);
  const found = operations.find((o) => o.operationId === operationId)!;
  edit(copy, copy.paths[found.path][found.method], copy.paths[found.path]);
  return copy;
}

/** The path enums of an operation (parameters declared on the operation or on its path item). */
function pathEnums(doc: Json, op: Json, item: Json): Json[] {
  return [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .map((x: Json) => derefIn(doc, x))
    .filter((p: Json) => p.in === 'path' && Array.isArray(derefIn(doc, p.schema)?.enum))
    .map((p: Json) => derefIn(doc, p.schema));
}

const derefIn = (doc: Json, node: Json): Json => {
  let current = node;
  while (current?.$ref) current = current.$ref.slice(2).split('/').reduce((n: Json, k: string) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return current;
};

/** Removes `field` from every `required` list of the operation's JSON body schema and its allOf parts. */
function dropRequiredBodyField(field: string) {
  return (doc: Json, op: Json) => {
    const visit = (node: Json) => {
      const s = derefIn(doc, node);
      if (!s || typeof s !== 'object') return;
      if (Array.isArray(s.required)) s.required = s.required.filter((n: string) => n !== field);
      for (const part of s.allOf ?? []) visit(part);
    };
    visit(derefIn(doc, op.requestBody).content['application/json'].schema);
  };
}

const VERIFY_SMS = 'mfaVerifySmsByAccessToken';

describe('test/inventory/operations.json', () => {
  it('matches the spec exactly: no request constraint, documented error or expected answer drifted', () => {
    const changes = compareInventories(committed, inventoryOf(spec));
    const lines = changes.map((c) => `  ${c.operationId}: ${c.change}${c.loosens ? ' (loosens the request contract)' : ''}`);
    expect(
      changes,
      `the spec and test/inventory/operations.json differ:\n${lines.join('\n')}\nIf the change is intended, update both places: ` +
        'edit the spec, run `node scripts/inventory.mjs --write`, and review the diff of the inventory in the same commit.',
    ).toEqual([]);
  });

  it(`covers every operation of the spec (${operations.length}) and lists its required inputs and documented errors`, () => {
    expect(Object.keys(committed.operations).sort()).toEqual(operations.map((o) => o.operationId).sort());
    const entries = Object.values(committed.operations);
    const count = (f: (e: Json) => number) => entries.reduce((n, e) => n + f(e), 0);
    const figures = {
      operations: entries.length,
      requiredParameters: count((e) => e.requiredParameters.length),
      requiredBodyFields: count((e) => e.body?.requiredFields.length ?? 0),
      alternatives: count((e) => e.body?.alternatives.length ?? 0),
      documentedErrors: count((e) => Object.values(e.errors as Record<string, string[]>).flat().length),
      missingInputCases: count((e) => Object.keys(e.whenMissing).length),
    };
    console.log(`inventory: ${JSON.stringify(figures)}`);
    // Floors, so that a regenerated file that lost its content cannot pass review unnoticed.
    expect(figures.operations).toBeGreaterThanOrEqual(88);
    expect(figures.requiredBodyFields).toBeGreaterThanOrEqual(80);
    expect(figures.missingInputCases).toBeGreaterThanOrEqual(300);
    expect(figures.alternatives).toBeGreaterThanOrEqual(5);
  });

  it('reports a verify body whose otp is no longer required as a loosening, naming the operation and field', () => {
    const changes = compareInventories(committed, inventoryOf(editedSpec(dropRequiredBodyField('otp'), VERIFY_SMS)));
    expect(changes).toContainEqual({ operationId: VERIFY_SMS, change: 'body field otp no longer required', loosens: true });
    // The error-layer case for it goes too, which is also reported, not silently dropped.
    expect(changes.some((c) => c.operationId === VERIFY_SMS && /^without body otp: .* -> no case$/.test(c.change))).toBe(true);
  });

  it('reports tightening too: a parameter made required, an enum value removed', () => {
    const reauth = operations.find((o) => o.parameters.some((p: Json) => p.in === 'path' && Array.isArray(deref(p.schema)?.enum)))!;
    const edited = editedSpec((doc, op, item) => {
      op.parameters = [...(op.parameters ?? []), { name: 'newthing', in: 'query', required: true, schema: { type: 'string' }, example: 'x' }];
      for (const schema of pathEnums(doc, op, item)) schema.enum = schema.enum.slice(1);
    }, reauth.operationId);
    const changes = compareInventories(committed, inventoryOf(edited)).filter((c) => c.operationId === reauth.operationId);
    expect(changes).toContainEqual({ operationId: reauth.operationId, change: 'parameter query newthing now required', loosens: false });
    expect(changes.some((c) => /enum value .* removed/.test(c.change) && !c.loosens)).toBe(true);
  });

  it('reports a widened enum and an added credential alternative as loosenings', () => {
    const withEnum = operations.find((o) => o.parameters.some((p: Json) => p.in === 'path' && Array.isArray(deref(p.schema)?.enum)))!;
    const edited = editedSpec((doc, op, item) => {
      for (const schema of pathEnums(doc, op, item)) schema.enum = [...schema.enum, 'sms'];
      op.security = [...(op.security ?? []), { ApiKey: [] }];
    }, withEnum.operationId);
    const changes = compareInventories(committed, inventoryOf(edited)).filter((c) => c.operationId === withEnum.operationId);
    expect(changes.some((c) => /enum value "sms" added/.test(c.change) && c.loosens)).toBe(true);
    expect(changes).toContainEqual({ operationId: withEnum.operationId, change: 'credential alternative ApiKey added', loosens: true });
  });
});

describe('the breaking-change gate on loosened request constraints', () => {
  const gate = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'diff.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  const writeSpec = (name: string, doc: Json) => {
    fs.mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, name);
    fs.writeFileSync(file, YAML.stringify(doc, { aliasDuplicateObjects: false }));
    return file;
  };
  const loosened = () => writeSpec('otp-optional.yaml', editedSpec(dropRequiredBodyField('otp'), VERIFY_SMS));

  it('fails when a verify body no longer requires otp and no reason is recorded', () => {
    const result = gate(loosened());
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain(`fidelity: ${VERIFY_SMS}: body field otp no longer required`);
    expect(result.stderr).toMatch(/loosened request constraint\(s\) without a reason/);
  }, 120_000);

  it('passes the same change once fidelity-changes.json records it with a reason, and names it as recorded', () => {
    const revision = loosened();
    const reasons = path.join(scratch, 'fidelity-changes.json');
    const inventory: Inventory = inventoryOf(YAML.parse(fs.readFileSync(revision, 'utf8')));
    const changes = compareInventories(inventoryOf(YAML.parse(fs.readFileSync(latestRelease(), 'utf8'))), inventory).filter((c) => c.loosens);
    fs.writeFileSync(reasons, JSON.stringify({ changes: changes.map((c) => ({ ...c, reason: 'test: the live API accepts it (a source would be cited here)' })) }));
    const result = gate('--fidelity', reasons, revision);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`fidelity (recorded): ${VERIFY_SMS}: body field otp no longer required`);
  }, 120_000);

  it('refuses a recorded change without a reason', () => {
    const reasons = path.join(scratch, 'no-reason.json');
    fs.writeFileSync(reasons, JSON.stringify({ changes: [{ operationId: VERIFY_SMS, change: 'body field otp no longer required', reason: ' ' }] }));
    const result = gate('--fidelity', reasons, loosened());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/every entry needs operationId, change and a reason/);
  });
});

function latestRelease(): string {
  const dir = path.join(repoRoot, 'openapi', 'releases');
  const [newest] = fs.readdirSync(dir).filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f)).sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  return path.join(dir, newest);
}
