// The breaking-change gate's accepted changes (openapi/releases/accepted-changes.yaml): a change redocly rates
// major passes only when an entry for the same baseline names its rule and exact pointer; an entry that matches
// nothing fails the gate, so no acceptance outlives its reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.js';

const scratch = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'accepted-changes-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const revision = path.join(repoRoot, 'generated', 'openapi.yaml');
const gate = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'diff.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const real = YAML.parse(fs.readFileSync(path.join(repoRoot, 'openapi', 'releases', 'accepted-changes.yaml'), 'utf8'));

function acceptedFile(name: string, entries: unknown[]) {
  const file = path.join(scratch, `${name}.yaml`);
  fs.writeFileSync(file, YAML.stringify(entries));
  return file;
}

describe('accepted changes', () => {
  it('each entry names a baseline, a rule, a pointer and a reason', () => {
    for (const entry of real) expect(Object.keys(entry).sort()).toEqual(['base', 'path', 'reason', 'ruleId']);
  });

  it('the step-up body constraint passes the gate as an accepted change, with no major bump', () => {
    const result = gate(revision);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/major \(accepted in .*accepted-changes\.yaml: .*\): `oneOf` was added/);
    expect(result.stdout).toMatch(/diff: 0 major \(\+1 accepted\), \d+ minor/);
  });

  it('without the entry the same change fails the gate', () => {
    const result = gate('--accepted', acceptedFile('none', []), revision);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('without a major version bump');
  });

  it('an entry for another baseline does not apply', () => {
    const result = gate('--accepted', acceptedFile('other-base', real.map((e: object) => ({ ...e, base: '0.9.0' }))), revision);
    expect(result.status).toBe(1);
  });

  it('an entry that matches no change fails the gate, naming it', () => {
    const stale = { base: '1.0.0', ruleId: 'property-removed', path: '#/paths/~1nowhere', reason: 'test' };
    const result = gate('--accepted', acceptedFile('stale', [...real, stale]), revision);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/1 accepted change\(s\) match no change.*\n.*property-removed at #\/paths\/~1nowhere/);
  });

  it('a malformed file gets a clear error, not a crash', () => {
    const file = path.join(scratch, 'malformed.yaml');
    fs.writeFileSync(file, '- base: 1.0.0\n  ruleId: schema-combinator-changed\n');
    const result = gate('--accepted', file, revision);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/must be a list of \{ base, ruleId, path, reason \} entries/);
  });
});
