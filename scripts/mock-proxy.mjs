// `npm run mock:proxy`: a validating proxy in front of a real LoginRadius API (or anything speaking it).
//   UPSTREAM_URL=https://api.loginradius.com PORT=4011 npm run mock:proxy
// Prism's proxy (prism-core factory + prism-http forwarder, in-process): every request is validated
// against the spec (read leniently, as the mock reads it: case-insensitive names, SDK quirks) and
// forwarded unchanged; every upstream response is validated against the spec. Violations go to the
// `sl-violations` header and the log; a response that does not conform is replaced by a 502
// problem+json listing them and quoting the upstream answer (Prism's `--errors`), unless --no-errors.
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';
import { parseArgs, usage } from './mock/cli.mjs';

const started = performance.now();
const args = parseArgs(process.argv.slice(2), { defaultPort: 4011 });
if (args.error) {
  console.error(`mock:proxy: ${args.error}\n\n${usage('proxy')}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage('proxy'));
  process.exit(0);
}
if (args.list || args.dynamic) {
  console.error(`mock:proxy: ${args.list ? '--list' : '--dynamic'} is a mock option (npm run mock)\n\n${usage('proxy')}`);
  process.exit(2);
}

const raw = process.env.UPSTREAM_URL;
if (!raw) {
  console.error(`mock:proxy: set UPSTREAM_URL to the API to proxy, e.g. UPSTREAM_URL=https://api.loginradius.com\n\n${usage('proxy')}`);
  process.exit(2);
}
let upstream;
try {
  upstream = new URL(raw);
} catch {
  console.error(`mock:proxy: UPSTREAM_URL is not a URL: "${raw}" (expected e.g. https://api.loginradius.com)`);
  process.exit(2);
}
if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
  console.error(`mock:proxy: UPSTREAM_URL must be http: or https:, got "${upstream.protocol}" in "${raw}"`);
  process.exit(2);
}
if (upstream.search || upstream.hash) {
  console.error(`mock:proxy: UPSTREAM_URL must not have a query or fragment: "${raw}"`);
  process.exit(2);
}

const specPath = args.spec ? path.resolve(args.spec) : path.join(repoRoot, 'generated', 'openapi.json');
const { createMockServer } = await import('./mock/server.mjs');
let proxy;
let address;
try {
  proxy = await createMockServer({ specPath, mode: 'proxy', upstream, verbose: args.verbose, quiet: args.quiet, errors: args.errors });
  address = await proxy.listen(args.port, args.host);
} catch (error) {
  console.error(`mock:proxy: ${error.code === 'EADDRINUSE' ? `port ${args.port} is in use (set PORT)` : error.message}`);
  process.exit(1);
}
console.log(
  `mock:proxy: validating ${proxy.index.operations.length} operations, http://${address.address}:${address.port} -> ${upstream.href}` +
    ` (${args.errors ? 'non-conforming responses become 502' : 'violations reported in sl-violations only'}; ready in ${Math.round(performance.now() - started)} ms)`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await proxy.close();
    process.exit(0);
  });
}
