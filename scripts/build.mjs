// The main job: regenerates every artifact in generated/ (or the folder given) from openapi/.
//   node scripts/build.mjs [outDir]
import path from 'node:path';
import { bundle } from './bundle.mjs';
import { buildTypes } from './build-types.mjs';
import { buildClient } from './build-client.mjs';
import { buildDocs } from './build-docs.mjs';
import { repoRoot } from './lib/run.mjs';

const outDir = path.resolve(repoRoot, process.argv[2] ?? 'generated');
const steps = [
  ['bundle (openapi.yaml, openapi.json)', () => bundle(outDir)],
  ['types (schema.d.ts)', () => buildTypes(outDir)],
  ['client package (client/)', () => buildClient(outDir)],
  ['docs (docs/index.html)', () => buildDocs(outDir)],
];
for (const [name, step] of steps) {
  const started = Date.now();
  try {
    await step();
  } catch (error) {
    console.error(`build failed at ${name}:\n${error.message}`);
    process.exit(1);
  }
  console.log(`✓ ${name} in ${Date.now() - started} ms`);
}
console.log(`build: every artifact written to ${path.relative(repoRoot, outDir) || '.'}/`);
