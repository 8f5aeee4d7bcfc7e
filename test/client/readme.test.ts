// client/README.md's examples are code users copy: every ```ts block must type-check against the client.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.js';

const readme = fs.readFileSync(path.join(repoRoot, 'client', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)].map((m) =>
  m[2]
    .split('\n')
    .map((line) => line.slice(m[1].length))
    .join('\n'),
);
const dir = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'client-readme-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('has the examples the issue asks for (configure, three flows, errors, per-call credentials)', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  expect(readme).toMatch(/MFA login, second step/);
  expect(readme).toMatch(/Step-up before a sensitive action/);
  expect(readme).toMatch(/support reset by UID/);
});

it('the MFA login example narrows the answer and uses retry and timeout (issue 14)', () => {
  const login = blocks.find((code) => code.includes("lr.POST('/identity/v2/auth/login'") && code.includes('isMfaRequired(first.data)'));
  expect(login, 'a block with the MFA login').toBeDefined();
  expect(login).toMatch(/withResilience\(/);
  expect(login).toMatch(/timeout: \d/);
  expect(login).toMatch(/retry: \{ attempts: \d/);
});

it('every ```ts block type-checks against the client (strict)', () => {
  const entry = path.join(repoRoot, 'client', 'src', 'index.js');
  const resilience = path.join(repoRoot, 'client', 'src', 'resilience.js');
  const files = blocks.map((code, i) => {
    const file = path.join(dir, `block-${i + 1}.ts`);
    const source = code.replaceAll("'loginradius-mfa-client'", JSON.stringify(entry)).replaceAll("'loginradius-mfa-client/resilience'", JSON.stringify(resilience));
    fs.writeFileSync(file, `${source}\nexport {};\n`);
    return file;
  });
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files,
    }),
  );
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', dir], { encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
