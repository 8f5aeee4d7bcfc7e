// The code samples the built page shows (x-codeSamples in the definition inlined in generated/docs/index.html):
// every operation has a curl command and a TypeScript call; the curl commands are valid shell and carry the
// operation's credentials; and every TypeScript sample type-checks against the client package the build wrote
// to generated/client (imported by its package name, as a reader would).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, operationsOf, outDir, pageDefinition, repoRoot, type DocOperation } from './support.js';

interface Sample {
  lang: string;
  label?: string;
  source: string;
}

const specOperations = operationsOf(bundle());
const docOperations = operationsOf(pageDefinition());
const samplesOf = (o: DocOperation): Sample[] => o.op['x-codeSamples'] ?? [];
const sample = (o: DocOperation, lang: string) => samplesOf(o).find((s) => s.lang.toLowerCase() === lang.toLowerCase());

let scratch: string;
beforeAll(() => {
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'docs-samples-'));
});
afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('code samples in the built docs', () => {
  it('every operation of the spec has exactly a curl and a TypeScript sample', () => {
    expect(docOperations.map((o) => o.operationId).sort()).toEqual(specOperations.map((o) => o.operationId).sort());
    const wrong = docOperations.filter((o) => samplesOf(o).map((s) => s.lang).join(',') !== 'curl,TypeScript' || samplesOf(o).some((s) => !s.source.trim()));
    expect(wrong.map((o) => o.operationId)).toEqual([]);
  });

  it('the curl samples are valid shell, call the right method and path, and carry the credentials', () => {
    const problems: string[] = [];
    for (const o of docOperations) {
      const source = sample(o, 'curl')!.source;
      const check = spawnSync('bash', ['-n'], { input: source, encoding: 'utf8' });
      if (check.status !== 0) problems.push(`${o.operationId}: bash -n: ${check.stderr.trim()}`);
      if (!source.includes(`curl -X ${o.method.toUpperCase()} `)) problems.push(`${o.operationId}: not a ${o.method.toUpperCase()}`);
      const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      const pathPattern = new RegExp(o.path.split(/\{[^}]+\}/).map(escape).join('[^/?\'"]+'));
      if (!pathPattern.test(source)) problems.push(`${o.operationId}: path ${o.path} not in the URL`);
      // The first security alternative of the operation is the one the sample shows.
      const schemes = Object.keys(o.op.security?.[0] ?? {});
      if (schemes.includes('ApiKey') && !/[?&]apikey=/.test(source)) problems.push(`${o.operationId}: no apikey`);
      if (schemes.includes('BearerToken') && !source.includes('Authorization: Bearer ')) problems.push(`${o.operationId}: no Bearer token`);
      if (schemes.includes('ApiSecretHeader') && !source.includes('X-LoginRadius-ApiSecret: ')) problems.push(`${o.operationId}: no API secret`);
      if (o.op.requestBody && !source.includes('--data ')) problems.push(`${o.operationId}: no body`);
      if (o.op.deprecated && !source.startsWith('# Deprecated')) problems.push(`${o.operationId}: deprecated without a note`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the TypeScript samples type-check against the built client package (generated/client)', () => {
    const clientDir = path.join(outDir, 'client');
    expect(fs.existsSync(path.join(clientDir, 'dist', 'index.d.ts')), 'run `npm run build` first: generated/client/dist is missing').toBe(true);
    // The samples import 'loginradius-mfa-client' as a reader's project would; here it resolves to the build.
    const packageName = JSON.parse(fs.readFileSync(path.join(clientDir, 'package.json'), 'utf8')).name as string;
    fs.mkdirSync(path.join(scratch, 'node_modules'), { recursive: true });
    fs.symlinkSync(clientDir, path.join(scratch, 'node_modules', packageName), 'dir');
    const files: string[] = [];
    for (const o of docOperations) {
      const source = sample(o, 'TypeScript')!.source;
      expect(source, o.operationId).toContain(`from '${packageName}'`);
      const file = `${o.operationId}.mts`;
      fs.writeFileSync(path.join(scratch, file), `${source}\n`);
      files.push(file);
    }
    // A canary proves the check is not vacuous: a call to a path the client does not know must fail.
    fs.writeFileSync(
      path.join(scratch, '_canary.mts'),
      `import { createLoginRadiusClient } from '${packageName}';\nconst client = createLoginRadiusClient({ apiKey: 'k' });\nawait client.GET('/identity/v2/no/such/path', {});\n`,
    );
    fs.writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
            typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
          },
          include: ['*.mts'],
        },
        null,
        2,
      ),
    );
    const tsc = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', path.join(scratch, 'tsconfig.json')], {
      cwd: scratch,
      encoding: 'utf8',
    });
    const output = `${tsc.stdout}${tsc.stderr}`;
    const errorLines = output.split('\n').filter((line) => /error TS\d+/.test(line));
    const inSamples = errorLines.filter((line) => !line.startsWith('_canary.mts'));
    expect(inSamples, `TypeScript samples that do not type-check:\n${output}`).toEqual([]);
    expect(errorLines.some((line) => line.startsWith('_canary.mts')), `the canary type-checked, so the check proves nothing:\n${output}`).toBe(true);
    expect(files.length).toBe(specOperations.length);
  }, 180_000);
});
