// Lints the sources and the bundle with Redocly and Spectral; fails on any error.
import path from 'node:path';
import { bin, repoRoot, run } from './lib/run.mjs';

const failures = [];
const step = (name, fn) => {
  try {
    fn();
    console.log(`✓ ${name}`);
  } catch (error) {
    failures.push(name);
    console.error(`✗ ${name}\n${error.message}\n`);
  }
};

step('redocly lint (sources and bundle)', () =>
  run(bin('redocly'), ['lint', 'main', 'bundle', '--lint-config=error', '--format=codeframe'], { quiet: true }),
);
for (const [target, ruleset] of [['openapi/openapi.yaml', '.spectral-sources.yaml'], ['generated/openapi.yaml', '.spectral.yaml']]) {
  step(`spectral lint ${target}`, () =>
    run(bin('spectral'), ['lint', target, '--ruleset', path.join(repoRoot, ruleset), '--fail-severity=error', '--format=text'], {
      quiet: true,
    }),
  );
}
// The mock's flows-mode admin API (its own small OpenAPI file; the LoginRadius house rules do not apply to it).
step('redocly lint openapi/mock-admin.yaml', () => run(bin('redocly'), ['lint', 'openapi/mock-admin.yaml', '--lint-config=error', '--format=codeframe'], { quiet: true }));
step('spectral lint openapi/mock-admin.yaml', () =>
  run(bin('spectral'), ['lint', 'openapi/mock-admin.yaml', '--ruleset', path.join(repoRoot, '.spectral-mock-admin.yaml'), '--fail-severity=error', '--format=text'], { quiet: true }),
);
if (failures.length) {
  console.error(`lint failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('lint: zero errors on sources and bundle.');
