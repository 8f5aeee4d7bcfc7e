// Lints the sources and the bundle with Redocly and Spectral, and every shipped text file for the team's internal
// labels of its source documents; fails on any error. The linters run side by side (each is one process).
import fs from 'node:fs';
import path from 'node:path';
import { findInternalLabels, PENDING, shippedTextFiles } from './lib/internal-labels.mjs';
import { bin, repoRoot, runAsync } from './lib/run.mjs';

const failures = [];
const steps = [];
const step = (name, fn) =>
  steps.push(
    (async () => fn())().then(
      () => console.log(`✓ ${name}`),
      (error) => {
        failures.push(name);
        console.error(`✗ ${name}\n${error.message}\n`);
      },
    ),
  );

step('redocly lint (sources and bundle)', () =>
  runAsync(bin('redocly'), ['lint', 'main', 'bundle', '--lint-config=error', '--format=codeframe'], { quiet: true }),
);
for (const [target, ruleset] of [['openapi/openapi.yaml', '.spectral-sources.yaml'], ['generated/openapi.yaml', '.spectral.yaml']]) {
  step(`spectral lint ${target}`, () =>
    runAsync(bin('spectral'), ['lint', target, '--ruleset', path.join(repoRoot, ruleset), '--fail-severity=error', '--format=text'], {
      quiet: true,
    }),
  );
}
// The mock's flows-mode admin API (its own small OpenAPI file; the LoginRadius house rules do not apply to it).
step('redocly lint openapi/mock-admin.yaml', () => runAsync(bin('redocly'), ['lint', 'openapi/mock-admin.yaml', '--lint-config=error', '--format=codeframe'], { quiet: true }));
step('spectral lint openapi/mock-admin.yaml', () =>
  runAsync(bin('spectral'), ['lint', 'openapi/mock-admin.yaml', '--ruleset', path.join(repoRoot, '.spectral-mock-admin.yaml'), '--fail-severity=error', '--format=text'], { quiet: true }),
);
step('no internal source labels in shipped files (cite sources by their public names)', () => {
  const problems = [];
  for (const file of shippedTextFiles(repoRoot)) {
    const found = findInternalLabels(fs.readFileSync(path.join(repoRoot, file), 'utf8'), file);
    if (!found.length) continue;
    const where = found.map((f) => `${file}:${f.line}:${f.column}: "${f.text}"`);
    if (PENDING.includes(file)) console.warn(`! ${where.length} label(s) in ${file}, pending its replacement text:\n  ${where.join('\n  ')}`);
    else problems.push(...where);
  }
  if (problems.length) {
    throw new Error(
      `${problems.join('\n')}\nCite the public source instead: "the API reference page for <title>", ` +
        `"LoginRadius's older MFA guide", "the official OpenAPI file", "the Node SDK v11".`,
    );
  }
});
await Promise.all(steps);
if (failures.length) {
  console.error(`lint failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('lint: zero errors on sources and bundle.');
