// The "What changed" page is generated from openapi/releases/ at build time. Here the docs are built from a
// fixture releases folder: 1.0.0 (the real release) and a 1.1.0 that adds an operation, adds an optional query
// parameter to an existing one and deprecates another. The page must date each release, name what 1.1.0
// added in a reader's words, and state first that the sources (which lack the added operation) break it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasesDir } from '../../scripts/lib/releases.mjs';
import { outDir, pageDefinition, repoRoot, type Json } from './support.js';

const ADDED_ID = 'fixtureListTrustedDevices';
const ADDED_PATH = '/identity/v2/auth/account/2fa/trusteddevices';
const NEW_PARAMETER = 'fixturelocale';

let scratch: string;
let page: string;
let whatChanged: string;
let deprecatedId: string;
let parameterOpId: string;

/** The text of the page from a `### heading` to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}\n`);
  expect(start, `no "### ${heading}" in:\n${markdown}`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
}

beforeAll(() => {
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'docs-what-changed-'));
  const releases = path.join(scratch, 'releases');
  const out = path.join(scratch, 'out');
  fs.mkdirSync(releases);
  fs.mkdirSync(out);
  fs.copyFileSync(path.join(releasesDir, '1.0.0.yaml'), path.join(releases, '1.0.0.yaml'));
  const next: Json = YAML.parse(fs.readFileSync(path.join(releasesDir, '1.0.0.yaml'), 'utf8'));
  next.info.version = '1.1.0';
  const [firstPath, secondPath] = Object.keys(next.paths);
  const template = next.paths[firstPath].get;
  next.paths[ADDED_PATH] = { get: { ...template, operationId: ADDED_ID, summary: 'List the devices the user trusts' } };
  const withParameter = next.paths[firstPath].get;
  parameterOpId = withParameter.operationId;
  withParameter.parameters = [...(withParameter.parameters ?? []), { name: NEW_PARAMETER, in: 'query', required: false, description: 'Language of the messages.', schema: { type: 'string' } }];
  const method = Object.keys(next.paths[secondPath]).find((k) => ['get', 'put', 'post', 'delete'].includes(k))!;
  next.paths[secondPath][method].deprecated = true;
  deprecatedId = next.paths[secondPath][method].operationId;
  fs.writeFileSync(path.join(releases, '1.1.0.yaml'), YAML.stringify(next));
  fs.writeFileSync(path.join(releases, 'dates.yaml'), '1.0.0: 2026-11-22\n1.1.0: 2026-12-01\n');
  fs.copyFileSync(path.join(outDir, 'openapi.json'), path.join(out, 'openapi.json'));

  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-docs.mjs'), out, '--releases', releases], { encoding: 'utf8' });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  page = fs.readFileSync(path.join(out, 'docs', 'index.html'), 'utf8');
  whatChanged = pageDefinition(page).tags.find((t: Json) => t.name === 'What changed')?.description ?? '';
}, 180_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('"What changed", built from a fixture release', () => {
  it('is a page of the Reference group, and the header shows the version', () => {
    const definition = pageDefinition(page);
    expect(definition['x-tagGroups'].at(-1).tags[0]).toBe('What changed');
    expect(page).toContain(`<span data-docs-version>${definition.info.version}</span>`);
  });

  it('covers every release, newest first, each with its date', () => {
    const headings = [...whatChanged.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Unreleased', '1.1.0', '1.0.0']);
    expect(section(whatChanged, '1.1.0')).toContain('Released 2026-12-01.');
    expect(section(whatChanged, '1.0.0')).toMatch(/Released 2026-11-22\.[\s\S]*The first release: \d+ operations/);
  });

  it('names the operation 1.1.0 added, the parameter it added and the operation it deprecated', () => {
    const release = section(whatChanged, '1.1.0');
    expect(release).toMatch(new RegExp(`\\*\\*Operations added\\*\\* \\(1\\)\\n\\n- New operation \`${ADDED_ID}\` \`GET ${ADDED_PATH}\` \\(List the devices the user trusts\\)`));
    expect(release).toMatch(new RegExp(`- New parameter \`${NEW_PARAMETER}\` \\(query, optional\\) on \\[\`${parameterOpId}\`\\]\\(#/`));
    expect(release).toMatch(new RegExp(`\\[\`${deprecatedId}\`\\]\\(#/[^)]+\\) .* is now deprecated`));
    expect(release).not.toContain('**Breaking**');
  });

  it('states first that the sources remove that operation, a breaking change', () => {
    const unreleased = section(whatChanged, 'Unreleased');
    const groups = [...unreleased.matchAll(/^\*\*(.+?)\*\* \(\d+\)$/gm)].map((m) => m[1]);
    expect(groups[0]).toBe('Breaking');
    expect(unreleased).toMatch(new RegExp(`- Operation removed: \`${ADDED_ID}\``));
  });
});
