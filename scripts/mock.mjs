// `npm run mock`: the Prism mock of the bundled spec on 127.0.0.1:${PORT:-4010}.
// Prism's validator and mocker run in-process (scripts/mock/), behind a front that reads requests the
// way the live LoginRadius API does (case-insensitive names, SDK quirks) and answers invalid ones with
// the documented LoginRadius error envelope. `npm run mock -- --help` lists the options.
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';
import { parseArgs, usage } from './mock/cli.mjs';

const started = performance.now();
const args = parseArgs(process.argv.slice(2), { defaultPort: 4010 });
if (args.error) {
  console.error(`mock: ${args.error}\n\n${usage('mock')}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage('mock'));
  process.exit(0);
}
const specPath = args.spec ? path.resolve(args.spec) : path.join(repoRoot, 'generated', 'openapi.json');

if (args.list) {
  const { buildIndex, listTable, readSpecDocument } = await import('./mock/spec.mjs');
  try {
    const { doc } = await readSpecDocument(specPath);
    console.log(listTable(buildIndex(doc)));
    process.exit(0);
  } catch (error) {
    console.error(`mock: ${error.message}`);
    process.exit(1);
  }
}

const { createMockServer } = await import('./mock/server.mjs');
let mock;
let address;
try {
  mock = await createMockServer({ specPath, verbose: args.verbose, quiet: args.quiet, dynamic: args.dynamic });
  address = await mock.listen(args.port, args.host);
} catch (error) {
  console.error(`mock: ${error.code === 'EADDRINUSE' ? `port ${args.port} is in use (set PORT)` : error.message}`);
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
console.log(
  `mock: ${mock.index.operations.length} operations of ${path.relative(process.cwd(), specPath) || specPath} on http://${address.address}:${address.port} (ready in ${ms} ms)`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await mock.close();
    process.exit(0);
  });
}
