// Builds the hosted API docs into <out>/docs/index.html: one self-contained static page (Redoc 3 via
// `redocly build-docs --inlineBundle`, with our template) that loads nothing from any other host.
//
// The page renders a docs-only copy of the bundle (<out>/openapi.json stays the plain bundle):
//   - x-codeSamples on every operation: curl and TypeScript with our client   (scripts/docs/code-samples.mjs)
//   - "What changed": each release of openapi/releases/ against the one before,
//     and the sources against the newest, by `redocly diff`          (scripts/docs/what-changed.mjs)
//   - an error catalogue and the legacy-to-current mapping, generated from
//     the bundle, as an extra "Reference" tag group; operationIds named in
//     descriptions become links, so deprecated operations link their successor
//                                                                           (scripts/docs/reference-pages.mjs)
// then the page is patched so that it fetches nothing remote                (scripts/docs/offline.mjs)
// and so that its headings and landmarks meet WCAG 2.1 AA          (scripts/docs/accessibility.mjs).
// Colours, the header with the spec version and the footer are in the template (scripts/docs/template.hbs).
// Redoc options (code-sample languages, ...) live in redocly.yaml under `openapi:`.
// Deterministic: the same bundle and releases give the same bytes (release dates are recorded, not read from git).
//   node scripts/build-docs.mjs [outDir] [--releases DIR]     (DIR: another releases folder, for tests)
import fs from 'node:fs';
import path from 'node:path';
import { bin, repoRoot, runAsync } from './lib/run.mjs';
import { addCodeSamples } from './docs/code-samples.mjs';
import { addReferencePages } from './docs/reference-pages.mjs';
import { makeOffline } from './docs/offline.mjs';
import { makeAccessible } from './docs/accessibility.mjs';
import { addWhatChangedPage, whatChangedMarkdown } from './docs/what-changed.mjs';
import { releasesDir as defaultReleasesDir } from './lib/releases.mjs';

export const DOCS_TITLE = 'LoginRadius MFA, step-up and passwordless API';
const TEMPLATE = path.join(repoRoot, 'scripts', 'docs', 'template.hbs');

/** The docs-only copy of a bundle: the plain spec plus samples and the generated reference pages. */
export function docsDefinition(bundle, { whatChanged } = {}) {
  const spec = structuredClone(bundle);
  addReferencePages(spec);
  if (whatChanged !== undefined) addWhatChangedPage(spec, whatChanged);
  addCodeSamples(spec);
  return spec;
}

export async function buildDocs(outDir, { releasesDir = defaultReleasesDir } = {}) {
  const bundle = JSON.parse(fs.readFileSync(path.join(outDir, 'openapi.json'), 'utf8'));
  const docsDir = path.join(outDir, 'docs');
  // Scratch space of this build only: others may build at the same time.
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'docs-build-'));
  try {
    const definition = path.join(scratch, 'openapi.docs.json');
    const whatChanged = whatChangedMarkdown({ releasesDir, currentFile: path.join(outDir, 'openapi.json'), scratch });
    fs.writeFileSync(definition, `${JSON.stringify(docsDefinition(bundle, { whatChanged }), null, 2)}\n`);
    const page = path.join(scratch, 'index.html');
    await runAsync(bin('redocly'), [
      'build-docs', definition, '--lint-config=error', '--inlineBundle',
      '--template', TEMPLATE, '--title', DOCS_TITLE, `--templateOptions.version=${bundle.info.version}`, '-o', page,
    ], { quiet: true });
    const html = makeAccessible(makeOffline(fs.readFileSync(page, 'utf8')));
    fs.rmSync(docsDir, { recursive: true, force: true });
    fs.mkdirSync(docsDir, { recursive: true });
    fs.writeFileSync(path.join(docsDir, 'index.html'), html);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--releases');
  const releasesDir = at >= 0 ? path.resolve(args.splice(at, 2)[1] ?? '') : defaultReleasesDir;
  await buildDocs(path.resolve(repoRoot, args[0] ?? 'generated'), { releasesDir });
}
