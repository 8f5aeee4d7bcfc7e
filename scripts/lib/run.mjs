// Runs a locally installed CLI (node_modules/.bin) and fails loudly with its output when it fails.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Redocly CLI prints a boxed Node 20 deprecation banner on every call; it is noise in our logs.
const BANNER_LINE = /^\s*[╔║╚]/;

export function bin(name) {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

function filterOutput(text) {
  return text
    .split('\n')
    .filter((line) => !BANNER_LINE.test(line) && !line.includes('Unknown user config'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Run `cmd args`, streaming filtered output; throw with the tool's name and exit code on failure. */
export function run(cmd, args, { cwd = repoRoot, quiet = false, env = {} } = {}) {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${path.basename(cmd)} could not start: ${result.error.message}`);
  const output = filterOutput(`${result.stdout}${result.stderr}`);
  if (result.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${result.status}:\n${output.trim()}`);
  }
  if (!quiet && output.trim()) process.stdout.write(`${output.trim()}\n`);
  return output;
}

/** `run`, without blocking: resolves with the filtered output, rejects like `run` throws. For steps run side by side. */
export function runAsync(cmd, args, { cwd = repoRoot, quiet = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env } });
    let raw = '';
    child.stdout.on('data', (d) => (raw += d));
    child.stderr.on('data', (d) => (raw += d));
    child.on('error', (error) => reject(new Error(`${path.basename(cmd)} could not start: ${error.message}`)));
    child.on('close', (status) => {
      const output = filterOutput(raw);
      if (status !== 0) return reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${status}:\n${output.trim()}`));
      if (!quiet && output.trim()) process.stdout.write(`${output.trim()}\n`);
      resolve(output);
    });
  });
}
