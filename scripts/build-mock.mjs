// Builds the publishable mock package (loginradius-mfa-mock) into <out>/mock, the folder that gets
// `npm pack`ed: mock/src compiled by tsc (ESM + declarations), the bundled spec as openapi.json (the
// package serves it by default), and mock/{package.json,README.md,LICENSE}.
//   node scripts/build-mock.mjs [outDir]      (outDir defaults to generated/; it must hold openapi.json)
// Builds in a private scratch folder and swaps the result in at the end, so concurrent builds (and
// running mocks) never see a half-written package.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { bin, repoRoot, runAsync } from './lib/run.mjs';

export async function buildMock(outDir) {
  const tmpRoot = path.join(repoRoot, '.tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpRoot, 'mock-build-'));
  const stagedPkg = path.join(stage, 'package');
  try {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'mock', 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.rootDir = path.join(repoRoot, 'mock', 'src');
    tsconfig.compilerOptions.outDir = path.join(stagedPkg, 'dist');
    tsconfig.compilerOptions.typeRoots = [path.join(repoRoot, 'node_modules', '@types')];
    tsconfig.include = [path.join(repoRoot, 'mock', 'src')];
    fs.writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    await runAsync(bin('tsc'), ['-p', path.join(stage, 'tsconfig.json')]);
    fs.chmodSync(path.join(stagedPkg, 'dist', 'bin.js'), 0o755);
    fs.copyFileSync(path.join(outDir, 'openapi.json'), path.join(stagedPkg, 'openapi.json'));
    // The mock ships under the spec's version, like the client: it serves that spec.
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'mock', 'package.json'), 'utf8'));
    manifest.version = YAML.parse(fs.readFileSync(path.join(repoRoot, 'openapi', 'openapi.yaml'), 'utf8')).info.version;
    fs.writeFileSync(path.join(stagedPkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const file of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(repoRoot, 'mock', file), path.join(stagedPkg, file));
    swapIn(stage, stagedPkg, path.join(outDir, 'mock'));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Moves any old package aside, moves the new one in, then lets the caller delete the old one. */
function swapIn(stage, stagedPkg, pkgDir) {
  fs.mkdirSync(path.dirname(pkgDir), { recursive: true });
  try {
    fs.renameSync(pkgDir, path.join(stage, 'old'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  fs.renameSync(stagedPkg, pkgDir);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildMock(path.resolve(repoRoot, process.argv[2] ?? 'generated'));
