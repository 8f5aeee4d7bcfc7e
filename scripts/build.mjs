// The main job: regenerates every artifact in generated/ (or the folder given) from openapi/ and mock/.
//   node scripts/build.mjs [outDir]
// The bundle comes first (everything reads it); then the docs (redocly, a child process) run beside the
// types (in this process), then the client package (tsc, a child process) beside the mock package (the
// TypeScript emitters, in this process, which is idle by then).
import path from 'node:path';
import { bundle } from './bundle.mjs';
import { buildTypes } from './build-types.mjs';
import { buildClient } from './build-client.mjs';
import { buildMock } from './build-mock.mjs';
import { buildDocs } from './build-docs.mjs';
import { repoRoot } from './lib/run.mjs';

const outDir = path.resolve(repoRoot, process.argv[2] ?? 'generated');
const started = Date.now();

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (error) {
    console.error(`build failed at ${name}:\n${error.message}`);
    process.exit(1);
  }
  console.log(`✓ ${name} in ${Date.now() - t0} ms`);
}

await step('bundle (openapi.yaml, openapi.json)', () => bundle(outDir));
await Promise.all([
  step('docs (docs/index.html)', () => buildDocs(outDir)),
  (async () => {
    await step('types (schema.d.ts)', () => buildTypes(outDir));
    await Promise.all([step('client package (client/)', () => buildClient(outDir)), step('mock package (mock/)', () => buildMock(outDir))]);
  })(),
]);
console.log(`build: every artifact written to ${path.relative(repoRoot, outDir) || '.'}/ in ${Date.now() - started} ms`);
