// The "What changed" page of the docs, generated at build time from openapi/releases/: for each release, its
// date (openapi/releases/dates.yaml) and what `redocly diff` (JSON report, the diff-recommended rules of
// redocly.yaml, as the breaking-change gate uses) finds between it and the release before; then the same for
// the unreleased sources against the newest release. Each change is told in a reader's words, breaking ones
// first: operations added, removed or deprecated, parameters and fields added or removed, constraints changed.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { compareVersions, releaseDates, releasedVersionsIn, RELEASE_DATES_FILE } from '../lib/releases.mjs';
import { bin, repoRoot, run } from '../lib/run.mjs';
import { METHODS, deref, operationLink, operations } from './spec.mjs';

export const WHAT_CHANGED_TAG = 'What changed';

/** The `redocly diff` JSON report between two spec files. */
export function diffReport(base, revision, scratch) {
  const out = path.join(scratch, `diff-${path.basename(base)}-${path.basename(revision)}.json`);
  run(bin('redocly'), ['diff', base, revision, '--lint-config=error', '--format=json', '--fail-on=none', '-o', out], { quiet: true });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const unescape = (segment) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~'));
const code = (text) => `\`${String(text).replace(/`/g, "'")}\``;
const CONSTRAINTS = new Set([
  'type', 'format', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'nullable',
]);

/** `#/paths/<path>/<method>/...` → { path, method, rest[] } (rest unescaped), or undefined outside an operation. */
function splitPointer(pointer) {
  const [, root, rawPath, method, ...rest] = pointer.split('/');
  if (root !== 'paths' || rawPath === undefined) return undefined;
  return { path: unescape(rawPath), method: METHODS.includes(method) ? method : undefined, rest: rest.map(unescape) };
}

/** Where inside an operation a pointer's tail lands, in words: "request body field `A.b`", "the 200 response". */
function placeIn(rest) {
  const field = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === 'properties' && rest[i + 1] !== undefined) field.push(rest[++i]);
    else if (rest[i] === 'items') field.push('[]');
  }
  const name = field.join('.').replace(/\.\[\]/g, '[]');
  if (rest[0] === 'requestBody') return name ? `request body field ${code(name)}` : 'the request body';
  if (rest[0] === 'responses') return name ? `field ${code(name)} of the ${rest[1]} response` : `the ${rest[1]} response`;
  if (rest[0] === 'parameters') return 'a parameter';
  return name ? `field ${code(name)}` : rest.join('/') || 'the operation';
}

/**
 * Reads a diff report into reader facts, each { group, text, breaking }. `labelOf(path, method, side)` names an
 * operation (`side`: 'base' or 'revision', the spec it is found in).
 */
export function describeChanges(report, labelOf) {
  const facts = [];
  const add = (group, text, change) => {
    const breaking = change.impact === 'major';
    const why = breaking ? change.verdicts.filter((v) => v.impact === 'major').map((v) => v.message) : [];
    facts.push({ group: breaking ? 'breaking' : group, text: why.length ? `${text} (${why.join(' ')})` : text, breaking });
  };
  for (const change of report.changes ?? []) {
    if (change.path === '#/info' && change.property === 'version') continue; // the heading says it
    const at = splitPointer(change.path);
    const value = change.kind === 'removed' ? change.base?.value : change.revision?.value;
    const side = change.kind === 'removed' ? 'base' : 'revision';
    if (at && change.typeName === 'PathItem' && (change.kind === 'added' || change.kind === 'removed')) {
      for (const method of METHODS.filter((m) => value?.[m])) {
        add(change.kind === 'added' ? 'added' : 'removed', `${change.kind === 'added' ? 'New operation' : 'Operation removed:'} ${labelOf(at.path, method, side)}`, change);
      }
      continue;
    }
    if (!at?.method) {
      add('other', `${change.typeName} ${change.kind}${change.property ? ` (${code(change.property)})` : ''} at ${code(change.path.slice(2))}`, change);
      continue;
    }
    const op = labelOf(at.path, at.method, side);
    if (change.typeName === 'Operation' && !at.rest.length && change.kind !== 'modified') {
      add(change.kind === 'added' ? 'added' : 'removed', `${change.kind === 'added' ? 'New operation' : 'Operation removed:'} ${op}`, change);
    } else if (change.typeName === 'Operation' && change.property === 'deprecated') {
      add(change.revision?.value ? 'deprecated' : 'other', `${op} is ${change.revision?.value ? 'now deprecated' : 'no longer deprecated'}`, change);
    } else if (change.typeName === 'Parameter' && change.kind !== 'modified') {
      const p = value ?? {};
      const what = `${code(p.name ?? '?')} (${p.in ?? 'parameter'}, ${p.required ? 'required' : 'optional'})`;
      add(change.kind === 'added' ? 'fields' : 'removed', `${change.kind === 'added' ? 'New parameter' : 'Parameter removed:'} ${what} on ${op}`, change);
    } else if (change.typeName === 'Schema' && change.kind === 'added') {
      add('fields', `New ${placeIn(at.rest)} on ${op}`, change);
    } else if (change.typeName === 'Schema' && change.kind === 'removed') {
      add('removed', `Removed ${placeIn(at.rest)} on ${op}`, change);
    } else if (change.kind === 'modified' && change.property === 'required' && Array.isArray(change.revision?.value ?? change.base?.value)) {
      const before = new Set(change.base?.value ?? []);
      const after = new Set(change.revision?.value ?? []);
      const now = [...after].filter((n) => !before.has(n));
      const no = [...before].filter((n) => !after.has(n));
      const where = placeIn(at.rest);
      if (now.length) add('constraints', `Now required in ${where} on ${op}: ${now.map(code).join(', ')}`, change);
      if (no.length) add('constraints', `No longer required in ${where} on ${op}: ${no.map(code).join(', ')}`, change);
    } else if (change.kind === 'modified' && (CONSTRAINTS.has(change.property) || change.typeName === 'Parameter')) {
      const from = JSON.stringify(change.base?.value);
      const to = JSON.stringify(change.revision?.value);
      add('constraints', `${code(change.property)} of ${placeIn(at.rest)} on ${op} changed${from && to ? ` from ${code(from)} to ${code(to)}` : ''}`, change);
    } else {
      const what = change.property ? `${code(change.property)} of ${placeIn(at.rest)}` : placeIn(at.rest);
      add('other', `${what} on ${op} ${change.kind === 'modified' ? 'changed' : change.kind}`, change);
    }
  }
  return facts;
}

const GROUPS = [
  ['breaking', 'Breaking'],
  ['added', 'Operations added'],
  ['deprecated', 'Operations deprecated'],
  ['removed', 'Removed'],
  ['fields', 'Parameters and fields added'],
  ['constraints', 'Constraints changed'],
  ['other', 'Other changes'],
];

function factsMarkdown(facts) {
  const lines = [];
  for (const [group, title] of GROUPS) {
    const ofGroup = [...new Set(facts.filter((f) => f.group === group).map((f) => f.text))];
    if (!ofGroup.length) continue;
    lines.push(`**${title}** (${ofGroup.length})`, '', ...ofGroup.map((t) => `- ${t}`), '');
  }
  return lines.length ? lines : ['No change to operations, parameters or schemas.', ''];
}

/** Names an operation by its operationId (linked when the docs hold it), method and path. */
function operationLabeller(specs, current) {
  const currentById = new Map(operations(current).map((o) => [o.operationId, o]));
  return (apiPath, method, side) => {
    const op = deref(specs[side], deref(specs[side], specs[side]?.paths?.[apiPath])?.[method]);
    const id = op?.operationId;
    const where = code(`${method.toUpperCase()} ${apiPath}`);
    if (!id) return where;
    const here = currentById.get(id);
    return `${here ? `[${code(id)}](${operationLink(here)})` : code(id)} ${where}${op.summary ? ` (${String(op.summary).trim()})` : ''}`;
  };
}

const readSpec = (file) => YAML.parse(fs.readFileSync(file, 'utf8'));

/**
 * The page's Markdown. `releasesDir` holds <version>.yaml files and dates.yaml; `currentFile` is the bundle of
 * the sources (YAML or JSON). Warns (and says so on the page) when a release has no recorded date.
 */
export function whatChangedMarkdown({ releasesDir, currentFile, scratch }) {
  const versions = releasedVersionsIn(releasesDir);
  const dates = releaseDates(releasesDir);
  const current = readSpec(currentFile);
  const specs = new Map(versions.map((v) => [v, readSpec(path.join(releasesDir, `${v}.yaml`))]));
  const dated = (v) => {
    if (dates[v]) return dates[v];
    console.warn(`docs: no date for release ${v} in ${path.relative(repoRoot, path.join(releasesDir, RELEASE_DATES_FILE))}; add "${v}: YYYY-MM-DD".`);
    return 'date not recorded';
  };
  const lines = [
    'What each release of this API description changed, newest first, with anything breaking stated first. This page is',
    'generated when the docs are built: each release in `openapi/releases/` is compared with the one before by',
    '`redocly diff`, with the same rules as the breaking-change gate; "breaking" is what those rules rate a major change.',
    '',
  ];
  const sections = [];
  const newest = versions.at(-1);
  if (newest) {
    const report = diffReport(path.join(releasesDir, `${newest}.yaml`), currentFile, scratch);
    const facts = describeChanges(report, operationLabeller({ base: specs.get(newest), revision: current }, current));
    const version = String(current.info?.version ?? '');
    const title = version && compareVersions(version, newest) > 0 ? `Unreleased: ${version}` : 'Unreleased';
    sections.push([`### ${title}`, '', `The sources as they stand, compared with release ${newest}:`, '', ...(facts.length ? factsMarkdown(facts) : [`No change.`, ''])]);
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    const heading = `### ${version}\n\nReleased ${dated(version)}.`;
    if (i === 0) {
      sections.push([heading, '', `The first release: ${operations(specs.get(version)).length} operations.`, '']);
      continue;
    }
    const previous = versions[i - 1];
    const report = diffReport(path.join(releasesDir, `${previous}.yaml`), path.join(releasesDir, `${version}.yaml`), scratch);
    const facts = describeChanges(report, operationLabeller({ base: specs.get(previous), revision: specs.get(version) }, current));
    sections.push([heading, `Compared with ${previous}:`, '', ...factsMarkdown(facts)]);
  }
  if (!versions.length) sections.push(['No release yet: `npm run release` records the first one.', '']);
  return [...lines, ...sections.flat()].join('\n').trimEnd();
}

/** Adds the page to a docs-only copy of the bundle as a tag of the Reference group (see reference-pages.mjs). */
export function addWhatChangedPage(spec, markdown) {
  spec.tags = [...(spec.tags ?? []), { name: WHAT_CHANGED_TAG, description: markdown }];
  const group = spec['x-tagGroups']?.find((g) => g.name === 'Reference');
  if (group) group.tags = [WHAT_CHANGED_TAG, ...group.tags];
  return spec;
}
