// Command-line options shared by `npm run mock` and `npm run mock:proxy`.

export function usage(tool) {
  const proxy = tool === 'proxy';
  return [
    proxy
      ? 'usage: UPSTREAM_URL=https://api.loginradius.com npm run mock:proxy -- [options]'
      : 'usage: npm run mock -- [options]',
    '',
    `  PORT=<n>            port to listen on (default ${proxy ? 4011 : 4010}); --port <n> does the same`,
    '  --host <addr>       address to bind (default 127.0.0.1)',
    '  --spec <file>       spec to serve (default generated/openapi.json; JSON or YAML)',
    '  --verbose, -v       log query, body, renamed names and violations under each request line',
    '  --quiet, -q         no per-request log line',
    ...(proxy
      ? ['  --no-errors         relay non-conforming upstream responses (violations only in sl-violations)']
      : [
          '  --list              print operation -> status -> example names, then exit',
          '  --dynamic, -d       generate responses from the schemas instead of serving examples',
        ]),
    '  --help, -h          this text',
    '',
    'Requests choose responses with `Prefer: code=<status>`, `Prefer: example=<name>` or both.',
  ].join('\n');
}

export function parseArgs(argv, { defaultPort }) {
  const envPort = process.env.PORT;
  const out = { port: envPort ?? String(defaultPort), host: '127.0.0.1', verbose: false, quiet: false, dynamic: false, list: false, errors: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new Error(`${a} needs a value`);
      return next;
    };
    try {
      if (a === '--verbose' || a === '-v') out.verbose = true;
      else if (a === '--quiet' || a === '-q') out.quiet = true;
      else if (a === '--dynamic' || a === '-d') out.dynamic = true;
      else if (a === '--list') out.list = true;
      else if (a === '--no-errors') out.errors = false;
      else if (a === '--errors') out.errors = true;
      else if (a === '--help' || a === '-h') out.help = true;
      else if (a === '--port' || a === '-p' || a.startsWith('--port=')) out.port = value();
      else if (a === '--host' || a.startsWith('--host=')) out.host = value();
      else if (a === '--spec' || a.startsWith('--spec=')) out.spec = value();
      else return { error: `unknown option ${a}` };
    } catch (error) {
      return { error: error.message };
    }
  }
  if (!/^\d+$/.test(out.port) || Number(out.port) > 65535) return { error: `PORT must be a number from 0 to 65535, got "${out.port}"` };
  out.port = Number(out.port);
  if (out.verbose && out.quiet) return { error: '--verbose and --quiet exclude each other' };
  return out;
}
