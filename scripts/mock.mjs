// Starts the Prism mock of the bundled spec on 127.0.0.1:${PORT:-4010}.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bin, repoRoot } from './lib/run.mjs';

const port = process.env.PORT ?? '4010';
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`mock: PORT must be a number from 1 to 65535, got "${port}"`);
  process.exit(2);
}
const child = spawn(
  bin('prism'),
  ['mock', path.join(repoRoot, 'generated', 'openapi.yaml'), '--host', '127.0.0.1', '--port', port, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
