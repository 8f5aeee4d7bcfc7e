// Builds the publishable client package into <out>/client: compiled ESM + declarations, with the
// generated schema types copied in so the package is self-contained.
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, run } from './lib/run.mjs';

export function buildClient(outDir) {
  const stage = path.join(repoRoot, '.tmp', 'client-build');
  const pkgDir = path.join(outDir, 'client');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.rmSync(pkgDir, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'client', 'src'), path.join(stage, 'src'), { recursive: true });
  fs.copyFileSync(path.join(outDir, 'schema.d.ts'), path.join(stage, 'src', 'schema.d.ts'));
  const tsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'client', 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.outDir = path.join(pkgDir, 'dist');
  tsconfig.compilerOptions.typeRoots = [path.join(repoRoot, 'node_modules', '@types')];
  fs.writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  // openapi-fetch resolves from the repo's node_modules.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  run(bin('tsc'), ['-p', path.join(stage, 'tsconfig.json')]);
  // tsc does not emit .d.ts inputs; the generated schema types ship as they are.
  fs.copyFileSync(path.join(outDir, 'schema.d.ts'), path.join(pkgDir, 'dist', 'schema.d.ts'));
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    const from = path.join(repoRoot, 'client', file);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(pkgDir, file));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildClient(path.join(repoRoot, process.argv[2] ?? 'generated'));
