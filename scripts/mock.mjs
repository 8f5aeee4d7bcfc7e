// `npm run mock`: the mock package (generated/mock, built from mock/) on 127.0.0.1:${PORT:-4010}.
// The same CLI as `npx loginradius-mfa-mock`; `npm run mock -- --help` lists the options, and
// mock/README.md describes them.
import { loadMockCli } from './lib/mock-package.mjs';

const runCli = await loadMockCli('mock');
await runCli(process.argv.slice(2), process.env, { name: 'mock', defaultPort: 4010 });
