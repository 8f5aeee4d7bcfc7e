// What `npm test`'s vitest run checked, from its JSON report (.tmp/vitest-report.json, written by scripts/test.mjs):
// tests (each one behaviour), the table tests among them and the cases they ran (the "(N cases)" in their names),
// per folder; and the operations the inventory pins. `node scripts/test-census.mjs` after `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { readInventory } from './inventory.mjs';
import { repoRoot } from './lib/run.mjs';

const reportFile = path.join(repoRoot, '.tmp', 'vitest-report.json');
if (!fs.existsSync(reportFile)) {
  console.error(`test-census: no ${path.relative(repoRoot, reportFile)}; run npm test first`);
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const byFolder = new Map();
for (const file of report.testResults) {
  const folder = path.relative(repoRoot, path.dirname(file.name));
  const row = byFolder.get(folder) ?? { tests: 0, passed: 0, tables: 0, cases: 0 };
  for (const test of file.assertionResults) {
    row.tests++;
    if (test.status === 'passed') row.passed++;
    const cases = /\((\d+) (?:cases|statuses)/.exec(test.title);
    if (cases) {
      row.tables++;
      row.cases += Number(cases[1]);
    }
  }
  byFolder.set(folder, row);
}
const total = [...byFolder.values()].reduce((t, r) => ({ tests: t.tests + r.tests, passed: t.passed + r.passed, tables: t.tables + r.tables, cases: t.cases + r.cases }), { tests: 0, passed: 0, tables: 0, cases: 0 });
console.log('folder                     tests  passed  table tests  their cases');
for (const [folder, r] of [...byFolder].sort()) console.log(`${folder.padEnd(26)} ${String(r.tests).padStart(5)}  ${String(r.passed).padStart(6)}  ${String(r.tables).padStart(11)}  ${String(r.cases).padStart(11)}`);
console.log(`${'total'.padEnd(26)} ${String(total.tests).padStart(5)}  ${String(total.passed).padStart(6)}  ${String(total.tables).padStart(11)}  ${String(total.cases).padStart(11)}`);
const operations = Object.keys(readInventory().operations).length;
console.log(`test-census: ${total.tests} tests (one behaviour each), ${total.tables} of them tables running ${total.cases} cases; ${operations} operations pinned by test/inventory/operations.json`);
