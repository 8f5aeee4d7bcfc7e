// Releases the spec: freezes the current bundle as openapi/releases/<info.version>.yaml, the baseline that the
// breaking-change gate (scripts/diff.mjs) compares every later change with. Refuses to overwrite a release,
// to release a version not above the last one, or a bundle that differs from the sources.
//   npm run release      (after `npm run build`; commit the new file)
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { bundle } from './bundle.mjs';
import { repoRoot } from './lib/run.mjs';

const releasesDir = path.join(repoRoot, 'openapi', 'releases');
const semver = (v) => String(v).split('.').map((n) => Number.parseInt(n, 10) || 0);
const newer = (a, b) => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

const committed = path.join(repoRoot, 'generated', 'openapi.yaml');
if (!fs.existsSync(committed)) fail('generated/openapi.yaml is missing: run `npm run build` first');
const scratch = path.join(repoRoot, '.tmp', 'release');
bundle(scratch);
const fresh = fs.readFileSync(path.join(scratch, 'openapi.yaml'), 'utf8');
if (fresh !== fs.readFileSync(committed, 'utf8')) fail('generated/openapi.yaml is out of date with openapi/: run `npm run build` first');

const version = String(YAML.parse(fresh).info.version);
if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`info.version ${JSON.stringify(version)} is not MAJOR.MINOR.PATCH`);
const released = fs.existsSync(releasesDir) ? fs.readdirSync(releasesDir).filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f)).map((f) => f.slice(0, -5)) : [];
if (released.includes(version)) fail(`${version} is already released (openapi/releases/${version}.yaml); raise info.version first`);
const latest = released.sort(newer).at(-1);
if (latest && newer(version, latest) <= 0) fail(`info.version ${version} is not above the last release ${latest}`);

fs.mkdirSync(releasesDir, { recursive: true });
fs.writeFileSync(path.join(releasesDir, `${version}.yaml`), fresh);
console.log(`release: wrote openapi/releases/${version}.yaml${latest ? ` (previous: ${latest})` : ''}; commit it.`);
