#!/usr/bin/env node
// `npx loginradius-mfa-mock --port 4010`: see `--help`.
import { runCli } from './cli/main.js';
await runCli(process.argv.slice(2));
