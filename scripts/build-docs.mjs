// Builds the static API docs (Redoc, script inlined) into <out>/docs/index.html.
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, run } from './lib/run.mjs';

export function buildDocs(outDir) {
  const docsDir = path.join(outDir, 'docs');
  fs.mkdirSync(docsDir, { recursive: true });
  run(bin('redocly'), [
    'build-docs', path.join(outDir, 'openapi.yaml'), '--lint-config=error', '--inlineBundle',
    '--title', 'LoginRadius MFA, step-up and passwordless API', '-o', path.join(docsDir, 'index.html'),
  ], { quiet: true });
}

if (import.meta.url === `file://${process.argv[1]}`) buildDocs(path.join(repoRoot, process.argv[2] ?? 'generated'));
