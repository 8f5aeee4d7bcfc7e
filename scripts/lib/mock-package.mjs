// The built mock package (generated/mock, from mock/ by scripts/build-mock.mjs): what `npm run mock`,
// `npm run mock:proxy`, the tests and the benchmarks run. One code path: the package's own CLI.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run.mjs';

export const mockPackageDir = path.join(repoRoot, 'generated', 'mock');
export const mockBin = path.join(mockPackageDir, 'dist', 'bin.js');

/** The package's runCli(argv, env, context), or a clear exit when the package is not built. */
export async function loadMockCli(name) {
  if (!fs.existsSync(path.join(mockPackageDir, 'dist', 'cli', 'main.js'))) {
    console.error(`${name}: the mock package is not built (${path.relative(process.cwd(), mockPackageDir)}/): run \`npm run build\` first`);
    process.exit(1);
  }
  return (await import(path.join(mockPackageDir, 'dist', 'cli', 'main.js'))).runCli;
}
