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

/**
 * The release dates, from openapi/releases/dates.yaml (`<version>: YYYY-MM-DD`, one line per release, written
 * by `npm run release`). Recorded rather than read from git so that the docs build is the same on every clone.
 */
export function releaseDates(dir = releasesDir) {
  const file = path.join(dir, RELEASE_DATES_FILE);
  if (!fs.existsSync(file)) return {};
  const dates = {};
  for (const [index, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    const text = line.replace(/#.*/, '').trim();
    if (!text) continue;
    const match = /^["']?(\d+\.\d+\.\d+)["']?\s*:\s*["']?(\d{4}-\d{2}-\d{2})["']?$/.exec(text);
    if (!match) throw new Error(`${path.relative(repoRoot, file)} line ${index + 1}: expected "<version>: YYYY-MM-DD", got ${JSON.stringify(line)}`);
    dates[match[1]] = match[2];
  }
  return dates;
}

export const RELEASE_DATES_FILE = 'dates.yaml';

/** Records the date of a release in openapi/releases/dates.yaml (UTC day), keeping the lines in version order. */
export function recordReleaseDate(version, date = new Date().toISOString().slice(0, 10), dir = releasesDir) {
  const dates = { ...releaseDates(dir), [version]: date };
  const lines = Object.keys(dates).sort(compareVersions).map((v) => `${v}: ${dates[v]}`);
  const header = '# Release dates, one line per openapi/releases/<version>.yaml (written by `npm run release`; read by the docs\' "What changed" page).\n';
  fs.writeFileSync(path.join(dir, RELEASE_DATES_FILE), `${header}${lines.join('\n')}\n`);
}

/** Every released version in a folder (like releasedVersions, for another folder, e.g. a test fixture). */
export function releasedVersionsIn(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort(compareVersions);
}
