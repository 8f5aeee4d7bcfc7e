// `npm test`: lint (sources and bundle), the generated/ drift check, the type check and the breaking-change gate,
// side by side (each step's output is printed whole when it ends, in this order), then vitest.
// Ends with the plain summary line "tests: N passed, N failed" that CI reads; any failed step fails the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/run.mjs';

const steps = [
  ['lint', process.execPath, [path.join(repoRoot, 'scripts', 'lint.mjs')]],
  ['drift', process.execPath, [path.join(repoRoot, 'scripts', 'check-drift.mjs')]],
  ['typecheck', bin('tsc'), ['-p', path.join(repoRoot, 'tsconfig.json')]],
  ['breaking-change gate', process.execPath, [path.join(repoRoot, 'scripts', 'diff.mjs')]],
];

function runStep([name, cmd, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ name, status: 1, output: `${output}${error.message}\n`, ms: Date.now() - started }));
    child.on('close', (status) => resolve({ name, status, output, ms: Date.now() - started }));
  });
}

const started = Date.now();
const results = await Promise.all(steps.map(runStep));
for (const { name, status, output, ms } of results) {
  console.log(`\n== ${name} (${(ms / 1000).toFixed(1)} s)${status === 0 ? '' : ' FAILED'}`);
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
}
const failedSteps = results.filter((r) => r.status !== 0).map((r) => r.name);
if (failedSteps.length) {
  console.error(`npm test: ${failedSteps.join(', ')} failed`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`\nchecks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

console.log('\n== vitest');
const report = path.join(repoRoot, '.tmp', 'vitest-report.json');
fs.rmSync(report, { force: true });
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
});
let passed = 0;
let failed = vitest.status === 0 ? 0 : 1;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (vitest.status !== 0 && results.numFailedTests === 0 ? 1 : 0);
  const skipped = results.numPendingTests + results.numTodoTests;
  // A skip is never a pass: name each one (each prints its reason above).
  if (skipped) {
    const names = results.testResults.flatMap((file) => file.assertionResults.filter((t) => t.status !== 'passed' && t.status !== 'failed').map((t) => t.fullName));
    console.log(`skipped (${skipped}): ${names.join('; ')}`);
  }
}
console.log(`npm test: ${((Date.now() - started) / 1000).toFixed(1)} s wall`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && passed > 0 ? 0 : 1);
