// Releases the spec: freezes the current bundle as openapi/releases/<info.version>.yaml, the baseline that the
// breaking-change gate (scripts/diff.mjs) compares every later change with. Refuses to overwrite a release,
// to release a version not above the last one, or a bundle that differs from the sources.
//   npm run release      (after `npm run build`; commit the new file)
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { bundle } from './bundle.mjs';
import { compareVersions, recordReleaseDate, releasedVersions, releasesDir } from './lib/releases.mjs';
import { repoRoot } from './lib/run.mjs';

const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

const committed = path.join(repoRoot, 'generated', 'openapi.yaml');
if (!fs.existsSync(committed)) fail('generated/openapi.yaml is missing: run `npm run build` first');
const scratch = path.join(repoRoot, '.tmp', 'release');
await bundle(scratch);
const fresh = fs.readFileSync(path.join(scratch, 'openapi.yaml'), 'utf8');
if (fresh !== fs.readFileSync(committed, 'utf8')) fail('generated/openapi.yaml is out of date with openapi/: run `npm run build` first');

const version = String(YAML.parse(fresh).info.version);
if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`info.version ${JSON.stringify(version)} is not MAJOR.MINOR.PATCH`);
const released = releasedVersions();
if (released.includes(version)) fail(`${version} is already released (openapi/releases/${version}.yaml); raise info.version first`);
const latest = released.at(-1);
if (latest && compareVersions(version, latest) <= 0) fail(`info.version ${version} is not above the last release ${latest}`);

fs.mkdirSync(releasesDir, { recursive: true });
fs.writeFileSync(path.join(releasesDir, `${version}.yaml`), fresh);
recordReleaseDate(version); // today (UTC), for the docs' "What changed" page
console.log(`release: wrote openapi/releases/${version}.yaml${latest ? ` (previous: ${latest})` : ''} and its date in openapi/releases/dates.yaml; commit both, then \`npm run build\`.`);
