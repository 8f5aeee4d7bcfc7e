// The released spec versions in openapi/releases/<MAJOR.MINOR.PATCH>.yaml, shared by the breaking-change gate
// (scripts/diff.mjs) and the release step (scripts/release.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run.mjs';

export const releasesDir = path.join(repoRoot, 'openapi', 'releases');

/** MAJOR.MINOR.PATCH as numbers (missing or non-numeric parts read as 0). */
export const semver = (version) => String(version).split('.').map((n) => Number.parseInt(n, 10) || 0);

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareVersions(a, b) {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Every released version, oldest first. */
export function releasedVersions() {
  if (!fs.existsSync(releasesDir)) return [];
  return fs
    .readdirSync(releasesDir)
    .filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort(compareVersions);
}
