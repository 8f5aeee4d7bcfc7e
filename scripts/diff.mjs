// Breaking-change gate: compares the spec with the last released baseline (openapi/releases/<version>.yaml)
// using `redocly diff` with the diff-recommended rules (extended in redocly.yaml). Fails on a major
// change unless info.version's major was raised above the baseline's, or the change is listed, with its reason,
// in openapi/releases/accepted-changes.yaml for that baseline (an entry that matches nothing fails the gate too).
// Fidelity gate: a request constraint loosened since the baseline (a required parameter or body field made
// optional or removed, a credential alternative or enum value added; scripts/inventory.mjs compares) is not
// breaking for clients, but the spec then accepts what the live API may refuse; it fails unless
// test/inventory/fidelity-changes.json records it with a reason.
//   node scripts/diff.mjs [--base FILE] [--fidelity FILE] [--accepted FILE] [REVISION_FILE]    (default revision: a fresh bundle of openapi/)
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { bundle } from './bundle.mjs';
import { compareInventories, inventoryOf } from './inventory.mjs';
import { releasedVersions, releasesDir, semver } from './lib/releases.mjs';
import { bin, repoRoot, run } from './lib/run.mjs';

let fidelityFile = path.join(repoRoot, 'test', 'inventory', 'fidelity-changes.json');

const args = process.argv.slice(2);
let base;
let revision;
let acceptedFile;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base') base = args[++i];
  else if (args[i] === '--fidelity') fidelityFile = path.resolve(args[++i]);
  else if (args[i] === '--accepted') acceptedFile = path.resolve(args[++i]);
  else if (args[i].startsWith('-')) fail(`unknown option ${args[i]} (usage: node scripts/diff.mjs [--base FILE] [--fidelity FILE] [--accepted FILE] [REVISION_FILE])`);
  else revision = args[i];
}

function fail(message) {
  console.error(`diff: ${message}`);
  process.exit(2);
}

const recorded = readRecordedFidelityChanges();

if (!base) {
  const releases = releasedVersions();
  if (!releases.length) fail(`no released baseline in ${path.relative(repoRoot, releasesDir)}/ (expected <version>.yaml)`);
  base = path.join(releasesDir, `${releases.at(-1)}.yaml`);
}
if (!fs.existsSync(base)) fail(`baseline ${base} does not exist`);
if (!revision) {
  const scratch = path.join(repoRoot, '.tmp', 'diff');
  await bundle(scratch);
  revision = path.join(scratch, 'openapi.yaml');
} else if (!fs.existsSync(revision)) fail(`revision ${revision} does not exist`);

// --fail-on none: we decide from the JSON report, because a major change is allowed with a major bump.
const reportFile = path.join(repoRoot, '.tmp', 'diff-report.json');
fs.mkdirSync(path.dirname(reportFile), { recursive: true });
run(bin('redocly'), ['diff', base, revision, '--lint-config=error', '--format=json', '--fail-on=none', '-o', reportFile], { quiet: true });
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const { summary, infoVersions } = report;
console.log(`diff: ${path.relative(repoRoot, base)} (${infoVersions.base}) → ${path.relative(repoRoot, path.resolve(revision))} (${infoVersions.revision})`);
acceptedFile ??= path.join(releasesDir, 'accepted-changes.yaml');
/** The accepted changes for this baseline: entries of the form { base, ruleId, path, reason }. */
function acceptedChanges(file) {
  if (!fs.existsSync(file)) return [];
  let entries;
  try {
    entries = YAML.parse(fs.readFileSync(file, 'utf8')) ?? [];
  } catch (error) {
    fail(`cannot read ${path.relative(repoRoot, file)}: ${error.message}`);
  }
  if (!Array.isArray(entries) || entries.some((e) => !e?.base || !e.ruleId || !e.path || !e.reason)) {
    fail(`${path.relative(repoRoot, file)} must be a list of { base, ruleId, path, reason } entries`);
  }
  return entries.filter((entry) => String(entry.base) === infoVersions.base);
}
const accepted = acceptedChanges(acceptedFile);
const used = new Set();
let unaccepted = 0;
for (const change of report.changes.filter((c) => c.impact === 'major')) {
  for (const verdict of change.verdicts.filter((v) => v.impact === 'major')) {
    const entry = accepted.find((a) => a.ruleId === verdict.ruleId && a.path === change.path);
    if (entry) used.add(entry);
    else unaccepted++;
    console.log(`  major${entry ? ` (accepted in ${path.relative(repoRoot, acceptedFile)}: ${entry.reason.split('.')[0]})` : ''}: ${verdict.message} (${verdict.ruleId}) at ${change.path}`);
  }
}
const acceptedMajor = summary.major - unaccepted;
console.log(
  `diff: ${unaccepted} major${acceptedMajor ? ` (+${acceptedMajor} accepted)` : ''}, ${summary.minor} minor, ${summary.patch} patch change(s); ` +
    `required bump: ${unaccepted ? 'major' : summary.minor ? 'minor' : summary.patch ? 'patch' : 'none'}`,
);
const stale = accepted.filter((entry) => !used.has(entry));
if (stale.length) {
  console.error(`diff: ${stale.length} accepted change(s) match no change of the diff; remove them from ${path.relative(repoRoot, acceptedFile)}:`);
  for (const entry of stale) console.error(`  ${entry.ruleId} at ${entry.path}`);
  process.exit(1);
}
const unexplained = fidelityChanges(base, revision);
if (unaccepted > 0 && semver(infoVersions.revision)[0] <= semver(infoVersions.base)[0]) {
  console.error(
    `diff: breaking change(s) without a major version bump: raise info.version in openapi/openapi.yaml to ` +
      `${semver(infoVersions.base)[0] + 1}.0.0 (and release it, see README) or undo the change.`,
  );
  process.exit(1);
}
if (unexplained.length) {
  for (const c of unexplained) console.error(`  fidelity: ${c.operationId}: ${c.change}`);
  console.error(
    `diff: ${unexplained.length} loosened request constraint(s) without a reason: the spec would accept requests the live ` +
      `API may refuse. Undo the change, or record each in ${path.relative(repoRoot, fidelityFile)} as ` +
      `{ "operationId", "change" (the line above), "reason" (the source showing the live API accepts it) }.`,
  );
  process.exit(1);
}
console.log('diff: no unannounced breaking change, no unexplained fidelity change.');

/** Loosened request constraints between the two bundles that fidelity-changes.json gives no reason for. */
function fidelityChanges(baseFile, revisionFile) {
  const read = (file) => YAML.parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: -1 });
  const loosened = compareInventories(inventoryOf(read(baseFile)), inventoryOf(read(revisionFile))).filter((c) => c.loosens);
  const explained = (c) => recorded.some((r) => r.operationId === c.operationId && r.change === c.change);
  for (const c of loosened.filter(explained)) console.log(`  fidelity (recorded): ${c.operationId}: ${c.change}`);
  console.log(`diff: ${loosened.length} loosened request constraint(s), ${loosened.filter(explained).length} with a recorded reason`);
  return loosened.filter((c) => !explained(c));
}

/** The reasons file, checked before anything slow runs: every entry names the operation, the change and a reason. */
function readRecordedFidelityChanges() {
  if (!fs.existsSync(fidelityFile)) return [];
  let changes;
  try {
    changes = JSON.parse(fs.readFileSync(fidelityFile, 'utf8')).changes ?? [];
  } catch (error) {
    fail(`${path.relative(repoRoot, fidelityFile)} is not valid JSON: ${error.message}`);
  }
  for (const r of changes) {
    if (!r.operationId || !r.change || !String(r.reason ?? '').trim()) fail(`${path.relative(repoRoot, fidelityFile)}: every entry needs operationId, change and a reason; got ${JSON.stringify(r)}`);
  }
  return changes;
}
