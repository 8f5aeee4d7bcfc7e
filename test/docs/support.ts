// What the docs tests share: the built page (generated/docs/index.html), the docs-only definition inlined in it,
// the spec's operations, and a local server for the page (scripts/docs-serve.mjs, the `npm run docs:serve` script).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The build output the docs tests read: generated/ (DOCS_TEST_OUT=<dir> points them at another build's output). */
export const outDir = path.resolve(repoRoot, process.env.DOCS_TEST_OUT ?? 'generated');
export const docsDir = path.join(outDir, 'docs');
export const pagePath = path.join(docsDir, 'index.html');
export const resultsDir = path.join(repoRoot, 'test-results', 'docs');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export function readPage(): string {
  if (!fs.existsSync(pagePath)) throw new Error(`${path.relative(repoRoot, pagePath)} is missing: run \`npm run build\` first.`);
  return fs.readFileSync(pagePath, 'utf8');
}

/** The definition Redoc renders, as build-docs inlined it in the page (`const __redoc_definition = {...};`). */
export function pageDefinition(html = readPage()): Json {
  const match = /^\s*const __redoc_definition = (.*);$/m.exec(html);
  if (!match) throw new Error('the built page holds no `const __redoc_definition = ...;` line');
  return JSON.parse(match[1]);
}

export interface DocOperation {
  method: string;
  path: string;
  operationId: string;
  op: Json;
}

export function operationsOf(spec: Json): DocOperation[] {
  return Object.entries(spec.paths as Record<string, Json>).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path: p, operationId: item[method].operationId, op: item[method] })),
  );
}

/** The plain bundle the page was built from (generated/openapi.json). */
export function bundle(): Json {
  return JSON.parse(fs.readFileSync(path.join(outDir, 'openapi.json'), 'utf8'));
}

/** Bytes of every file under generated/docs. */
export function docsSize(): { files: number; bytes: number } {
  const files = fs.readdirSync(docsDir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(docsDir, f)).isFile());
  return { files: files.length, bytes: files.reduce((sum, f) => sum + fs.statSync(path.join(docsDir, f)).size, 0) };
}

export interface DocsServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `node scripts/docs-serve.mjs` on a free port (PORT=0) and resolves with the URL it prints. */
export async function startDocsServer(timeoutMs = 15_000): Promise<DocsServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'docs-serve.mjs'), docsDir], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`docs:serve printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (d: Buffer) => {
      output += d;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`docs:serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
