// Runs every Arazzo workflow of openapi/arazzo/ with `redocly respect` against the mock of the bundled spec.
//   node scripts/workflows.mjs [--server=URL] [--inputs=FILE] [--verbose] [file.arazzo.yaml ...]
//
// 1. Checks that every operationId the workflows use exists in generated/openapi.json (`npm run build`).
// 2. Lints the Arazzo files with `redocly lint --lint-config=error`.
// 3. Starts `node scripts/mock.mjs` on a free loopback port (unless --server names a running API).
// 4. Runs `redocly respect FILE -S loginradius=URL -i INPUTS -J REPORT` for each file. Respect 2.77 has
//    no --lint-config option (it rejects it), so the config check is the lint of step 2; the option is
//    passed to respect too as soon as `respect --help` lists it.
// 5. Stops the mock and prints one line per file; exits 1 when any workflow failed.
// Inputs default to openapi/arazzo/inputs.mock.json (sample values that match the spec's examples).
// --flows runs openapi/arazzo/flows/*.arazzo.yaml against the mock in flows mode (`--flows --seed=arazzo`), with
// the inputs of openapi/arazzo/flows/inputs.json for that file (its "defaults" plus the file's own), an API key of
// its own (`arazzo-<file>`), and `authenticatorCode` computed from `authenticatorSecret` (RFC 6238, otplib).
// Reports and the mock log go to .tmp/workflows-run-PID/, kept when something failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import YAML from 'yaml';
import { startServerScript } from './lib/processes.mjs';
import { bin, repoRoot } from './lib/run.mjs';

const SOURCE_NAME = 'loginradius';
const arazzoDir = path.join(repoRoot, 'openapi', 'arazzo');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
// Redocly CLI prints a boxed Node 20 deprecation banner on every call, and npm a config warning.
const noise = (line) => /^\s*[╔║╚]/.test(line) || line.includes('Unknown user config');
const clean = (text) => text.split('\n').filter((l) => !noise(l)).join('\n').replace(/\n{3,}/g, '\n\n').trim();

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const verbose = args.includes('--verbose');
const flows = args.includes('--flows');
const serverOverride = option('server');
const workflowDir = flows ? path.join(arazzoDir, 'flows') : arazzoDir;
const inputsFile = path.resolve(option('inputs') ?? path.join(workflowDir, flows ? 'inputs.json' : 'inputs.mock.json'));
const named = args.filter((a) => !a.startsWith('--'));
const files = (named.length ? named.map((f) => path.resolve(f)) : fs.readdirSync(workflowDir).filter((f) => f.endsWith('.arazzo.yaml')).sort().map((f) => path.join(workflowDir, f)));
if (!files.length) fail(`no *.arazzo.yaml in ${path.relative(repoRoot, arazzoDir)}/`);

function fail(message) {
  console.error(`workflows: ${message}`);
  process.exit(1);
}

// 1. Every operationId must be in the bundle, or respect fails with a less helpful message.
const bundlePath = path.join(repoRoot, 'generated', 'openapi.json');
if (!fs.existsSync(bundlePath)) fail('generated/openapi.json is missing; run `npm run build` first');
const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
const known = new Set(Object.values(bundle.paths ?? {}).flatMap((item) => Object.values(item).map((op) => op?.operationId).filter(Boolean)));
const missing = [];
for (const file of files) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  for (const workflow of doc.workflows ?? [])
    for (const step of workflow.steps ?? []) {
      const [, source = SOURCE_NAME, id] = /^(?:\$sourceDescriptions\.([^.]+)\.)?(.+)$/.exec(step.operationId ?? '') ?? [];
      // Other sources (the mock's admin API in flows mode) are checked by respect against their own file.
      if (id && source === SOURCE_NAME && !known.has(id)) missing.push(`${path.basename(file)}: step ${step.stepId} uses ${id}`);
    }
}
if (missing.length) fail(`operations missing from generated/openapi.yaml (run \`npm run build\` once they exist):\n  ${missing.join('\n  ')}`);

const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
/** The inputs of one file: in flows mode its own key, its entry of inputs.json and a fresh authenticator code. */
function inputsFor(file) {
  if (!flows) return inputs;
  const name = path.basename(file, '.arazzo.yaml');
  const own = { ...inputs.defaults, ...inputs[name], apiKey: `arazzo-${name}` };
  if (own.authenticatorSecret) own.authenticatorCode = generateSync({ secret: own.authenticatorSecret });
  return own;
}
/** Every OpenAPI source description of a file is served by the same server (the mock serves /__mock/ too). */
const sourceNames = (file) => (YAML.parse(fs.readFileSync(file, 'utf8')).sourceDescriptions ?? []).filter((s) => s.type === 'openapi').map((s) => s.name);
const scratch = path.join(repoRoot, '.tmp', `workflows-run-${process.pid}`);
fs.mkdirSync(scratch, { recursive: true });

// 2. Lint, with config problems fatal.
const lint = spawnSync(bin('redocly'), ['lint', '--lint-config=error', ...files], { cwd: repoRoot, env, encoding: 'utf8' });
if (lint.status !== 0) fail(`redocly lint failed:\n${clean(`${lint.stdout}${lint.stderr}`)}`);
console.log(`✓ redocly lint --lint-config=error (${files.length} Arazzo files)`);
const respectHelp = spawnSync(bin('redocly'), ['respect', '--help'], { cwd: repoRoot, env, encoding: 'utf8' });
const lintConfigArgs = `${respectHelp.stdout}`.includes('--lint-config') ? ['--lint-config=error'] : [];

function respect(file, serverUrl, report) {
  const respectArgs = [
    'respect', file, ...lintConfigArgs,
    ...(flows ? sourceNames(file) : [SOURCE_NAME]).flatMap((name) => ['-S', `${name}=${serverUrl}`]),
    '-i', JSON.stringify(inputsFor(file)),
    '-J', report,
    ...(verbose ? ['--verbose'] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn(bin('redocly'), respectArgs, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output: clean(output) }));
  });
}

let mock;
const results = [];
const stopAndExit = async (code) => {
  await mock?.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAndExit(130));
try {
  // 3. The mock on a free port; what it logged goes to the scratch folder once it stops.
  mock = serverOverride ? undefined : await startServerScript('mock.mjs', { timeoutMs: 30_000, args: flows ? ['--flows', '--seed=arazzo'] : [] });
  const serverUrl = serverOverride ?? mock.baseUrl;
  console.log(serverOverride ? `server: ${serverUrl}` : `mock${flows ? ' (flows mode)' : ''}: ${serverUrl} (generated/openapi.yaml)`);
  // 4. One respect run per file, one after the other (the mock's log stays readable).
  for (const file of files) {
    const name = path.basename(file, '.arazzo.yaml');
    const report = path.join(scratch, `${name}.json`);
    const started = Date.now();
    const { code, output } = await respect(file, serverUrl, report);
    const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : undefined;
    const workflows = summary ? Object.values(summary.files).flatMap((f) => f.executedWorkflows) : [];
    const ok = code === 0 && summary?.status === 'success' && workflows.length > 0 && workflows.every((w) => w.status === 'success');
    results.push({ file, ok });
    if (!ok || verbose) console.log(output);
    const steps = workflows.reduce((n, w) => n + w.executedSteps.length, 0);
    console.log(`${ok ? '✓' : '✗'} ${path.relative(repoRoot, file)}: ${workflows.length} workflow(s), ${steps} step(s), respect exit ${code}, ${Date.now() - started} ms`);
  }
} catch (error) {
  console.error(`workflows: ${error.message}`);
  results.push({ file: '(runner)', ok: false });
}
await mock?.stop();
if (mock) fs.writeFileSync(path.join(scratch, 'mock.log'), mock.output());

// 5. Summary.
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.error(`workflows: ${failed.length} of ${results.length} failed; reports and mock log in ${path.relative(repoRoot, scratch)}/`);
  process.exit(1);
}
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`workflows: ${results.length} Arazzo files passed`);
