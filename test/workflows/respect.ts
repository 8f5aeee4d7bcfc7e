// Helpers for the Arazzo workflow tests: list the workflow files, run `redocly respect` on one, write a
// deliberately broken copy of one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot, type Json } from '../support/spec.js';

export const SOURCE_NAME = 'loginradius';
export const arazzoDir = path.join(repoRoot, 'openapi', 'arazzo');
export const bundledSpec = path.join(repoRoot, 'generated', 'openapi.yaml');
export const mockInputs: Record<string, string> = JSON.parse(fs.readFileSync(path.join(arazzoDir, 'inputs.mock.json'), 'utf8'));

export const arazzoFiles = fs
  .readdirSync(arazzoDir)
  .filter((f) => f.endsWith('.arazzo.yaml'))
  .sort();

export function readArazzo(file: string): Json {
  return YAML.parse(fs.readFileSync(path.resolve(arazzoDir, file), 'utf8'));
}

const redocly = path.join(repoRoot, 'node_modules', '.bin', 'redocly');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const noise = (line: string) => /^\s*[╔║╚]/.test(line) || line.includes('Unknown user config');

export interface CliResult {
  code: number | null;
  output: string;
}

export function redoclyCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(redocly, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, output: output.split('\n').filter((l) => !noise(l)).join('\n').replace(/\n{3,}/g, '\n\n').trim() }),
    );
  });
}

export interface RespectRun extends CliResult {
  /** The `-J` report: { status, files: { [file]: { executedWorkflows: [{ workflowId, status, executedSteps }] } } } */
  report: Json | undefined;
  workflows: Json[];
}

/**
 * `redocly respect FILE -S loginradius=SERVER -i INPUTS -J REPORT --no-secrets-masking`, with the report
 * parsed. The inputs are mock values, so the report may show them (masked, a password reads `********`).
 */
export async function respect(file: string, serverUrl: string, reportPath: string, inputs = mockInputs): Promise<RespectRun> {
  fs.rmSync(reportPath, { force: true });
  const result = await redoclyCli([
    'respect', file,
    '-S', `${SOURCE_NAME}=${serverUrl}`,
    '-i', JSON.stringify(inputs),
    '-J', reportPath,
    '--no-secrets-masking',
  ]);
  const report = fs.existsSync(reportPath) ? JSON.parse(fs.readFileSync(reportPath, 'utf8')) : undefined;
  const workflows = report ? Object.values(report.files as Record<string, Json>).flatMap((f) => f.executedWorkflows) : [];
  return { ...result, report, workflows };
}

/** Writes a mutated copy of an Arazzo file to `dir`, its source description re-pointed at the bundle. */
export function writeVariant(file: string, dir: string, suffix: string, mutate: (doc: Json) => void): string {
  const doc = readArazzo(file);
  for (const source of doc.sourceDescriptions) source.url = path.relative(dir, bundledSpec);
  mutate(doc);
  const out = path.join(dir, file.replace(/\.arazzo\.yaml$/, `.${suffix}.arazzo.yaml`));
  fs.writeFileSync(out, YAML.stringify(doc));
  return out;
}

/** The value a runtime expression `$response.body#/a/b` picks from a JSON body. */
export function fromBody(expression: string, body: Json): Json {
  const match = /^\$response\.body#(\/.*)?$/.exec(expression);
  if (!match) return undefined;
  return (match[1] ?? '')
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc: Json, key) => acc?.[key], body);
}
