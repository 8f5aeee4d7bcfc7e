// `npm run mutate [target...]`: StrykerJS over each target of scripts/mutate-targets.mjs in turn (default: all),
// each with only its own tests (vitest.mutate.config.ts), then one line per target with its mutation score.
// Slow (minutes per target on 2 cores), so it is not part of `npm test`. MUTATE_CONCURRENCY (default 2) sets the
// test runners per target; MUTATE_LINES=file:from-to,... re-runs only those lines of one target.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MUTATE_TARGETS } from './mutate-targets.mjs';
import { bin, repoRoot } from './lib/run.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(MUTATE_TARGETS);
for (const name of names) {
  if (!MUTATE_TARGETS[name]) {
    console.error(`mutate: unknown target ${name} (one of ${Object.keys(MUTATE_TARGETS).join(', ')})`);
    process.exit(2);
  }
}

const summary = [];
let failed = false;
for (const name of names) {
  console.log(`\n== mutate ${name}`);
  const started = Date.now();
  const run = spawnSync(bin('stryker'), ['run', 'stryker.config.mjs'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, MUTATE_TARGET: name } });
  const report = path.join(repoRoot, 'reports', 'mutation', `${name}.json`);
  if (run.status !== 0 || !fs.existsSync(report)) {
    summary.push(`${name}: Stryker failed (exit ${run.status})`);
    failed = true;
    continue;
  }
  const mutants = Object.values(JSON.parse(fs.readFileSync(report, 'utf8')).files).flatMap((f) => f.mutants);
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = detected + count('Survived', 'NoCoverage');
  const score = valid ? (100 * detected) / valid : 0;
  summary.push(
    `${name}: mutation score ${score.toFixed(2)} % (${detected} of ${valid} killed or timed out; ${count('Survived')} survived, ` +
      `${count('NoCoverage')} not covered; ${count('CompileError')} compile errors excluded) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (score < 80) failed = true;
}
console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
