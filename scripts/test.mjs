// `npm test`: lint (sources and bundle), the generated/ drift check, the type check, then vitest.
// Ends with the plain summary line "tests: N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/run.mjs';

const steps = [
  ['lint', process.execPath, [path.join(repoRoot, 'scripts', 'lint.mjs')]],
  ['drift', process.execPath, [path.join(repoRoot, 'scripts', 'check-drift.mjs')]],
  ['typecheck', bin('tsc'), ['-p', path.join(repoRoot, 'tsconfig.json')]],
  ['breaking-change gate', process.execPath, [path.join(repoRoot, 'scripts', 'diff.mjs')]],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}`);
  const { status } = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`npm test: ${name} failed`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

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
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && passed > 0 ? 0 : 1);
