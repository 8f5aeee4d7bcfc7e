// Bundles the split spec into generated/openapi.yaml and generated/openapi.json (one file each, local $refs only).
// The two formats are bundled side by side (two redocly processes).
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, runAsync } from './lib/run.mjs';

export async function bundle(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  await Promise.all(
    ['yaml', 'json'].map((ext) =>
      runAsync(bin('redocly'), ['bundle', 'main', '--lint-config=error', '--ext', ext, '-o', path.join(outDir, `openapi.${ext}`)], { quiet: true }),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle(path.join(repoRoot, process.argv[2] ?? 'generated'));
