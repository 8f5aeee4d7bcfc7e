// Builds the publishable mock package (loginradius-mfa-mock) into <out>/mock, the folder that gets
// `npm pack`ed: mock/src compiled file by file with the TypeScript compiler's own emitters
// (transpileModule for the ESM, transpileDeclaration for the .d.ts: the same output as tsc, in a fraction
// of the time, since mock/tsconfig.json holds the code to isolatedDeclarations), the bundled spec as
// openapi.json (the package serves it by default), and mock/{package.json,README.md,LICENSE}.
// The type check of mock/src is the `typecheck` step of `npm test` (the root tsconfig.json includes it).
//   node scripts/build-mock.mjs [outDir]      (outDir defaults to generated/; it must hold openapi.json)
// Builds in a private scratch folder and swaps the result in at the end, so concurrent builds (and
// running mocks) never see a half-written package.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';
import { repoRoot } from './lib/run.mjs';

const srcDir = path.join(repoRoot, 'mock', 'src');

/** mock/tsconfig.json's compiler options, as the TypeScript API takes them. */
function compilerOptions() {
  const file = path.join(repoRoot, 'mock', 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(file));
  if (errors.length) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  return options;
}

function describe(diagnostics) {
  return diagnostics
    .map((d) => {
      const where = d.file && d.start !== undefined ? `${path.relative(repoRoot, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    })
    .join('\n');
}

/** Compiles every mock/src/**.ts (not the ambient .d.ts) into `outDist`. */
function compile(outDist) {
  const options = compilerOptions();
  // transpileModule emits no declarations, and rejects isolatedDeclarations without them.
  const jsOptions = { ...options, declaration: false, isolatedDeclarations: false, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  // (ESNext: the package is ESM; transpileModule cannot read package.json's "type" as NodeNext needs.)
  const problems = [];
  const files = fs.readdirSync(srcDir, { recursive: true }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  for (const rel of files) {
    const fileName = path.join(srcDir, rel);
    const source = fs.readFileSync(fileName, 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: jsOptions, fileName, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(source, { compilerOptions: options, fileName, reportDiagnostics: true });
    problems.push(...(js.diagnostics ?? []), ...(dts.diagnostics ?? []));
    const out = path.join(outDist, rel.replace(/\.ts$/, ''));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.js`, js.outputText);
    fs.writeFileSync(`${out}.d.ts`, dts.outputText);
  }
  if (problems.length) throw new Error(`mock/src does not compile:\n${describe(problems)}`);
}

export async function buildMock(outDir) {
  const tmpRoot = path.join(repoRoot, '.tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpRoot, 'mock-build-'));
  const stagedPkg = path.join(stage, 'package');
  try {
    compile(path.join(stagedPkg, 'dist'));
    fs.chmodSync(path.join(stagedPkg, 'dist', 'bin.js'), 0o755);
    fs.copyFileSync(path.join(outDir, 'openapi.json'), path.join(stagedPkg, 'openapi.json'));
    // The flows' admin API (/__mock/), described in its own small OpenAPI file: users of the package read it there.
    fs.copyFileSync(path.join(repoRoot, 'openapi', 'mock-admin.yaml'), path.join(stagedPkg, 'mock-admin.yaml'));
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

/** Moves any old package aside (deleted with the stage), then moves the new one in. */
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
