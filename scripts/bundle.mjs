// Bundles the split spec into generated/openapi.yaml and generated/openapi.json (one file each, local $refs only).
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, run } from './lib/run.mjs';

export function bundle(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const ext of ['yaml', 'json']) {
    const out = path.join(outDir, `openapi.${ext}`);
    run(bin('redocly'), ['bundle', 'main', '--lint-config=error', '--ext', ext, '-o', out], { quiet: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) bundle(path.join(repoRoot, process.argv[2] ?? 'generated'));
