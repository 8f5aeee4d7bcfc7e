// `npm run mock:proxy`: the mock package as a validating proxy in front of a real LoginRadius API.
//   UPSTREAM_URL=https://api.loginradius.com PORT=4011 npm run mock:proxy
// The same CLI as `npx loginradius-mfa-mock --proxy <UPSTREAM_URL>`: every request is validated against
// the spec (read leniently, as the mock reads it) and forwarded unchanged; every upstream response is
// validated. A response that does not conform becomes a 502 problem+json unless --no-errors.
import { loadMockCli } from './lib/mock-package.mjs';

const upstream = process.env.UPSTREAM_URL;
const args = process.argv.slice(2);
if (!upstream && !args.some((a) => a === '--help' || a === '-h')) {
  console.error('mock:proxy: set UPSTREAM_URL to the API to proxy, e.g. UPSTREAM_URL=https://api.loginradius.com npm run mock:proxy');
  process.exit(2);
}
const runCli = await loadMockCli('mock:proxy');
await runCli(upstream ? ['--proxy', upstream, ...args] : args, process.env, { name: 'mock:proxy', defaultPort: 4011 });
