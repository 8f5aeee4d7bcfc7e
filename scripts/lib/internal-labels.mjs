// Finds the team's internal labels for its source documents ("seed 003", "the seeds", "seeds/", the copies'
// file names) in text that readers and contributors see. Sources are cited by their public names instead:
// "the API reference page for <title>", "LoginRadius's older MFA guide", "the official OpenAPI file",
// "the Node SDK v11". Used by scripts/lint.mjs over every shipped text file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const INTERNAL_LABELS = [
  /\bseed[\s_-]?0\d\d\b/i, // seed 003, seed_000, seed000
  /\bseeds?\s+(?:pages?|files?|folder|docs?)\b/i, // "the seed pages"
  /\bthe\s+seeds\b/i, // "the seeds" (not "the seed" of a random draw)
  /\bseeds\//i, // a path into the folder of copies
  /\b00\d_[0-9a-f]{16}\.txt\b/, // the copies' file names
];

/**
 * Files that may hold a label, each with the reason. `lines` limits the exception to the lines that match it.
 */
export const EXCEPTIONS = [
  // The extraction script reads the team's copies of the pages from this folder; its output names the pages publicly.
  { file: 'scripts/extract-documentation-samples.mjs', lines: /'\.\.\/shared\/seeds'/, reason: 'input path of the copies' },
  // Released bundles are frozen: the breaking-change gate compares against exactly what users received.
  { file: /^openapi\/releases\//, reason: 'a released bundle is never rewritten' },
  // npm package metadata, not our prose.
  { file: 'package-lock.json', reason: 'npm metadata' },
  // This file defines the patterns, and its test feeds them labels.
  { file: 'scripts/lib/internal-labels.mjs', reason: 'the patterns themselves' },
  { file: 'test/parity/internal-labels.test.ts', reason: "the rule's own test fixtures" },
];

/** Exceptions that only warn: files the lead edits (the root README), listed until the replacement text lands. */
export const PENDING = [];

const TEXT = /\.(md|ya?ml|json|m?[jt]s|d\.m?ts|cjs|hbs|html|txt)$/i;

/** Every text file of the working tree that git would ship (tracked or new, not ignored). */
export function shippedTextFiles(root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return out
    .split('\0')
    .filter((f) => f && TEXT.test(f) && fs.existsSync(path.join(root, f)));
}

const matchesFile = (rule, file) => (typeof rule === 'string' ? rule === file : rule.test(file));

/** Each label found in `text` (a file's content), as { line, column, text }, less the excepted ones. */
export function findInternalLabels(text, file = '') {
  const exceptions = EXCEPTIONS.filter((e) => matchesFile(e.file, file));
  if (exceptions.some((e) => !e.lines)) return [];
  const found = [];
  text.split('\n').forEach((line, index) => {
    if (exceptions.some((e) => e.lines.test(line))) return;
    for (const pattern of INTERNAL_LABELS) {
      const match = pattern.exec(line);
      if (match) found.push({ line: index + 1, column: match.index + 1, text: match[0] });
    }
  });
  return found;
}
