// Fails when generated/ is not what the sources produce: rebuilds into a scratch folder and compares
// every file byte for byte with generated/ (so it works on a clean clone and on a working tree alike).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';

const scratch = path.join(repoRoot, '.tmp', 'drift');
fs.rmSync(scratch, { recursive: true, force: true });
const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), scratch], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const list = (dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];
const committed = path.join(repoRoot, 'generated');
const expected = list(scratch);
const actual = list(committed);
const problems = [];
for (const file of expected) {
  if (!actual.includes(file)) problems.push(`missing: generated/${file}`);
  else if (!fs.readFileSync(path.join(scratch, file)).equals(fs.readFileSync(path.join(committed, file))))
    problems.push(`stale:   generated/${file}`);
}
for (const file of actual) if (!expected.includes(file)) problems.push(`extra:   generated/${file}`);

if (problems.length) {
  console.error(`drift: generated/ does not match the sources (${problems.length} files):\n  ${problems.join('\n  ')}`);
  console.error('Run `npm run build` and commit generated/.');
  process.exit(1);
}
console.log(`drift: generated/ matches the sources (${expected.length} files).`);
