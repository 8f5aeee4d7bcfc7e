// The breaking-change gate (`npm run diff`): a deliberately breaking edit of the bundled spec (a required
// response field removed) fails the gate, the same edit with a major version bump passes, and the
// current sources pass against the last release.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.js';

const scratch = path.join(repoRoot, '.tmp', 'diff-test');
const gate = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'diff.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });

function editedBundle(name: string, edit: (doc: YAML.Document.Parsed) => void): string {
  const doc = YAML.parseDocument(fs.readFileSync(path.join(repoRoot, 'generated', 'openapi.yaml'), 'utf8'));
  edit(doc);
  fs.mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, `${name}.yaml`);
  fs.writeFileSync(file, doc.toString());
  return file;
}

const removeRequiredResponseField = (doc: YAML.Document.Parsed) => {
  const required = doc.getIn(['components', 'schemas', 'ReAuthResponse', 'required']) as YAML.YAMLSeq;
  const index = required.items.findIndex((item) => (item as YAML.Scalar).value === 'ExpireIn');
  expect(index).toBeGreaterThanOrEqual(0);
  required.delete(index);
};

describe('npm run diff', () => {
  it('passes for the current sources against the last release', () => {
    const result = gate();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('no unannounced breaking change');
  });

  it('fails when a required response field is removed without a major bump', () => {
    const result = gate(editedBundle('breaking', removeRequiredResponseField));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/ReAuthResponse.*no longer required.*ExpireIn/);
    expect(result.stderr).toContain('without a major version bump');
  });

  it('accepts the same change once info.version has a new major', () => {
    const file = editedBundle('breaking-bumped', (doc) => {
      removeRequiredResponseField(doc);
      const [major] = String(doc.getIn(['info', 'version'])).split('.');
      doc.setIn(['info', 'version'], `${Number(major) + 1}.0.0`);
    });
    const result = gate(file);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 major');
  });

  it('names a missing revision file instead of crashing', () => {
    const result = gate(path.join(scratch, 'does-not-exist.yaml'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/revision .*does-not-exist\.yaml does not exist/);
  });
});
