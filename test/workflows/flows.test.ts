// The flows-mode Arazzo workflows (openapi/arazzo/flows/), run by `node scripts/workflows.mjs --flows`: the mock
// starts in flows mode and `redocly respect` runs every file with no Prefer header, the codes read from the
// outbox or computed from a fixture secret. A broken copy (a backup code expected to work twice) must fail.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, type Json } from '../support/spec.js';

const flowsDir = path.join(repoRoot, 'openapi', 'arazzo', 'flows');
const files = fs.readdirSync(flowsDir).filter((f) => f.endsWith('.arazzo.yaml')).sort();
const read = (file: string): Json => YAML.parse(fs.readFileSync(path.join(flowsDir, file), 'utf8'));
const scratch = path.join(repoRoot, '.tmp', `flows-workflows-test-${process.pid}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function runner(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'workflows.mjs'), '--flows', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const steps = (doc: Json): Json[] => doc.workflows.flatMap((w: Json) => w.steps);

describe('flows-mode workflows', () => {
  it('cover the journeys of the issue', () => {
    const ids = files.flatMap((f) => read(f).workflows.map((w: Json) => w.workflowId));
    expect(ids.sort()).toEqual(['backupCodeTwice', 'mfaLoginByAuthenticator', 'mfaLoginBySms', 'passwordlessByEmailLink', 'passwordlessByPhoneOtp', 'stepUpTokenOnce', 'wrongCodesThenLockout']);
  });

  it.each(files)('%s sends no Prefer header, and takes its codes from the outbox or the authenticator secret', (file) => {
    const doc = read(file);
    for (const step of steps(doc)) expect((step.parameters ?? []).map((p: Json) => p.name.toLowerCase()), step.stepId).not.toContain('prefer');
    const codes = steps(doc).flatMap((s: Json) => Object.entries(s.requestBody?.payload ?? {}).filter(([k]) => /^(otp|authenticatorcode)$/i.test(k)).map(([, v]) => String(v)));
    for (const code of codes) expect(code).toMatch(/^\$steps\.read\w+\.outputs\.code$|^\$inputs\.(authenticatorCode|wrongCode)$/);
    const outboxReads = steps(doc).filter((s: Json) => s.operationId === '$sourceDescriptions.mockAdmin.listOutbox');
    for (const read of outboxReads) expect(read.outputs, read.stepId).toBeDefined();
  });

  it('all pass against the mock in flows mode', async () => {
    const run = await runner([]);
    expect(run.code, run.output).toBe(0);
    for (const file of files) expect(run.output).toMatch(new RegExp(`✓ openapi/arazzo/flows/${file.replace(/\./g, '\\.')}: 1 workflow\\(s\\)`));
  }, 600_000);

  it('a copy that expects a backup code to work twice fails, on that step', async () => {
    fs.mkdirSync(scratch, { recursive: true });
    const doc = read('backup-code-twice.arazzo.yaml');
    for (const source of doc.sourceDescriptions) source.url = path.relative(scratch, path.resolve(flowsDir, source.url));
    const second = doc.workflows[0].steps.find((s: Json) => s.stepId === 'secondUse');
    second.successCriteria = [{ condition: '$statusCode == 200' }, { condition: '$response.body#/access_token != null' }];
    const copy = path.join(scratch, 'backup-code-twice.arazzo.yaml');
    fs.writeFileSync(copy, YAML.stringify(doc));
    const run = await runner([copy]);
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toMatch(/✗ .*step secondUse/);
    expect(run.output).toMatch(/✗ success criteria check - \$statusCode == 200/);
  }, 300_000);
});
