// Builds the publishable client package (loginradius-mfa-client) into <out>/client, the folder that gets
// `npm pack`ed: compiled ESM + declarations from client/src, the generated schema types copied in so the
// package is self-contained, and client/{package.json,README.md,LICENSE}.
//   node scripts/build-client.mjs [outDir]      (outDir defaults to generated/; it must hold schema.d.ts)
// Builds in a private scratch folder and swaps the result in at the end, so concurrent builds (and tests
// packing generated/client) never see a half-written package.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { bin, repoRoot, runAsync } from './lib/run.mjs';

export async function buildClient(outDir) {
  const tmpRoot = path.join(repoRoot, '.tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpRoot, 'client-build-'));
  const pkgDir = path.join(outDir, 'client');
  const stagedPkg = path.join(stage, 'package');
  try {
    fs.cpSync(path.join(repoRoot, 'client', 'src'), path.join(stage, 'src'), { recursive: true });
    fs.copyFileSync(path.join(outDir, 'schema.d.ts'), path.join(stage, 'src', 'schema.d.ts'));
    const tsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'client', 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.outDir = path.join(stagedPkg, 'dist');
    tsconfig.compilerOptions.typeRoots = [path.join(repoRoot, 'node_modules', '@types')];
    // The 571 kB generated schema.d.ts is type-checked once, where users meet it: the packed-consumer test
    // (test/client/consumer.test.ts, skipLibCheck false). Checking it here too doubled the build's longest step.
    tsconfig.compilerOptions.skipLibCheck = true;
    fs.writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    // openapi-fetch resolves from the repo's node_modules.
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    await runAsync(bin('tsc'), ['-p', path.join(stage, 'tsconfig.json')]);
    // tsc does not emit .d.ts inputs; the generated schema types ship as they are.
    fs.copyFileSync(path.join(outDir, 'schema.d.ts'), path.join(stagedPkg, 'dist', 'schema.d.ts'));
    // The client ships under the spec's version: its types are the spec's, so a breaking spec change is a
    // breaking client change (the gate in scripts/diff.mjs forces the major bump).
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'client', 'package.json'), 'utf8'));
    manifest.version = YAML.parse(fs.readFileSync(path.join(repoRoot, 'openapi', 'openapi.yaml'), 'utf8')).info.version;
    fs.writeFileSync(path.join(stagedPkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const file of ['README.md', 'LICENSE']) {
      const from = path.join(repoRoot, 'client', file);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(stagedPkg, file));
    }
    fs.mkdirSync(outDir, { recursive: true });
    // Swap: move any old package aside, move the new one in, then delete the old one.
    const old = path.join(stage, 'old');
    try {
      fs.renameSync(pkgDir, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    fs.renameSync(stagedPkg, pkgDir);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildClient(path.resolve(repoRoot, process.argv[2] ?? 'generated'));
