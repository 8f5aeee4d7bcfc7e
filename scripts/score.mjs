// `npm run score`: `redocly score` on the bundle, and why it lands where it does (a measurement, not a test).
//
// Redocly CLI's score (agent readiness) is 0.9 × the median operation's score + 0.1 × discoverability
// (1 − operations / 1000). So with N operations the median operation must reach (target − 10 × (1 − N/1000)) / 0.9.
// This prints that bar, how many operations clear it, and where the median operation loses its points. Then it
// scores a what-if copy of the bundle (written to .tmp/, never shipped): the error envelope flattened to one
// three-property object and the `access_token` query parameter (a duplicate of the AccessTokenQuery scheme)
// removed. That copy is generous (the flat envelope even drops the documented `Errors`, `Data` and `ExtraInfo`,
// and the 1409 and 982 casings), yet keeps every documented operation and parameter: what it scores is more than
// the spec can reach without deleting documented parameters or LoginRadius's user Profile.
//   node scripts/score.mjs        (after `npm run build`)
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, run } from './lib/run.mjs';

const TARGET = 95;
const bundle = path.join(repoRoot, 'generated', 'openapi.json');
if (!fs.existsSync(bundle)) {
  console.error('score: generated/openapi.json is missing; run `npm run build` first.');
  process.exit(1);
}

/** `redocly score --format=json` of one file, parsed. */
function score(file) {
  const out = run(bin('redocly'), ['score', file, '--format=json'], { quiet: true });
  try {
    return JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
  } catch {
    throw new Error(`redocly score printed no JSON report for ${path.relative(repoRoot, file)}:\n${out.trim()}`);
  }
}

/** Each subscore's weight, as @redocly/cli's scorer applies them (points out of 100 for an operation). */
const WEIGHTS = {
  parameterSimplicity: 10,
  schemaSimplicity: 10,
  documentationQuality: 18,
  constraintClarity: 12,
  exampleCoverage: 18,
  errorClarity: 12,
  dependencyClarity: 10,
  identifierClarity: 5,
  polymorphismClarity: 5,
};

function report(title, result) {
  const ops = Object.entries(result.operationScores).sort(([, a], [, b]) => a.agentReadiness - b.agentReadiness);
  const n = ops.length;
  const bar = (TARGET - 10 * (1 - n / 1000)) / 0.9;
  const clear = ops.filter(([, s]) => s.agentReadiness >= bar).length;
  // The median is reached when every operation from the lower middle one up clears the bar.
  const needed = n - Math.floor((n - 1) / 2);
  const [medianId, median] = ops[Math.floor((n - 1) / 2)];
  const metrics = result.rawMetrics.operations[medianId];
  console.log(`\n${title}: ${result.agentReadiness}/100 (${n} operations)`);
  console.log(`  ${TARGET} needs a median operation score of ${bar.toFixed(2)}; ${clear} of ${n} operations reach it (the median needs ${needed})`);
  console.log(`  lower median operation: ${medianId} ${median.agentReadiness} (${metrics.parameterCount} parameters, schema depth ${Math.max(metrics.maxRequestSchemaDepth, metrics.maxResponseSchemaDepth)}, ${metrics.polymorphismCount} oneOf/anyOf/allOf branches), points lost:`);
  for (const [name, weight] of Object.entries(WEIGHTS)) {
    const lost = (1 - median.subscores[name]) * weight;
    if (lost >= 0.05) console.log(`    ${name.padEnd(22)} ${lost.toFixed(2)}`);
  }
}

try {
  report('generated/openapi.json', score(bundle));
} catch (error) {
  console.error(`score: ${error.message}`);
  process.exit(1);
}

const whatIf = JSON.parse(fs.readFileSync(bundle, 'utf8'));
whatIf.components.schemas.ErrorResponse = {
  type: 'object',
  description: 'What-if: one flat envelope.',
  properties: {
    ErrorCode: { type: 'integer', minimum: 0, description: 'LoginRadius error code.' },
    Message: { type: 'string', maxLength: 4096, description: 'Summary.' },
    Description: { type: 'string', maxLength: 4096, description: 'Explanation.' },
  },
};
for (const item of Object.values(whatIf.paths)) {
  for (const op of Object.values(item)) {
    if (!Array.isArray(op.parameters)) continue;
    op.parameters = op.parameters.filter((p) => p.$ref !== '#/components/parameters/AccessToken');
  }
}
const scratch = path.join(repoRoot, '.tmp');
fs.mkdirSync(scratch, { recursive: true });
const whatIfFile = path.join(scratch, 'score-what-if.json');
fs.writeFileSync(whatIfFile, JSON.stringify(whatIf));
try {
  report('what-if (flat error envelope, no duplicate access_token parameter)', score(whatIfFile));
} catch (error) {
  console.error(`score: ${error.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(whatIfFile);
}
