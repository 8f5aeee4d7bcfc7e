// The lint rule that keeps the team's internal labels for its source pages out of shipped text
// (scripts/lib/internal-labels.mjs, run by scripts/lint.mjs): it finds them, honours its narrow exceptions, and
// the repository has none outside those exceptions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInternalLabels, PENDING, shippedTextFiles } from '../../scripts/lib/internal-labels.mjs';
import { repoRoot } from '../support/spec.js';

type Found = Array<{ line: number; column: number; text: string }>;
const find = (text: string, file = 'openapi/paths/x.yaml'): Found => findInternalLabels(text, file);

describe('findInternalLabels', () => {
  it.each([
    ['seed 003', 'The older docs (seed 003) send it.'],
    ['Seed 000', 'Seed 000 shows this body.'],
    ['seed_004', 'see seed_004'],
    ['the seeds', 'The seeds do not always agree.'],
    ['the seed pages', "the seed pages' samples"],
    ['a path into seeds/', 'read ../shared/seeds/003.txt'],
    ['a copy file name', 'from 002_a333b5b193788aca.txt'],
  ])('finds %s', (_label, text) => {
    expect(find(text).length).toBeGreaterThan(0);
  });

  it.each([
    ['a public name', "LoginRadius's older MFA guide and the API reference page for Verify Password"],
    ["Prism's faker seed option", "const CONTROL_QUERY = ['__code', '__example', '__dynamic', '__seed'];"],
    ['a seeded random generator', 'fast-check runs with a fixed seed of 42'],
  ])('leaves %s alone', (_label, text) => {
    expect(find(text)).toEqual([]);
  });

  it('reports the line and column of each label', () => {
    expect(find('first line\nas seed 002 shows')).toEqual([{ line: 2, column: 4, text: 'seed 002' }]);
  });

  it("allows the extraction script's input path, and only that line of it", () => {
    const file = 'scripts/extract-documentation-samples.mjs';
    expect(findInternalLabels("const pagesDir = path.resolve(repoRoot, process.argv[2] ?? '../shared/seeds');", file)).toEqual([]);
    expect(findInternalLabels('// as seed 003 shows', file)).toHaveLength(1);
  });
});

describe('the repository', () => {
  it('has no internal label in a shipped text file outside the pending list', () => {
    const found = shippedTextFiles(repoRoot)
      .filter((file) => !PENDING.includes(file))
      .flatMap((file) => find(fs.readFileSync(path.join(repoRoot, file), 'utf8'), file).map((f) => `${file}:${f.line}: ${f.text}`));
    expect(found).toEqual([]);
  });
});
