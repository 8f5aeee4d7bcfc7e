// Command-line options: parsed into MockOptions & ListenOptions, or an error naming the problem.
import { FAULT_KINDS, parseLatency } from '../pipeline/faults.js';
export function usage(name, defaultPort) {
    return [
        `usage: ${name} [options]`,
        '',
        'A mock of the LoginRadius MFA, step-up and passwordless API (Prism, in-process), or with --proxy a',
        'validating proxy in front of a real tenant.',
        '',
        `  --port, -p <n>        port (default ${defaultPort}; 0 = any free port; PORT=<n> does the same)`,
        '  --host <addr>         interface to bind (default 127.0.0.1; any other prints a warning)',
        '  --spec <file>         spec to serve (default: the bundled spec; JSON or YAML)',
        '  --verbose, -v         log the normalised query, headers and body (secrets redacted) and violations',
        '  --quiet, -q           no per-request log line',
        '  --list                print operation -> status -> example names, then exit',
        '  --dynamic, -d         generate responses from the schemas instead of serving examples',
        '  --proxy <url>         validate and relay to this upstream instead of mocking (e.g. https://api.loginradius.com)',
        '  --no-errors           proxy: relay non-conforming upstream responses (violations only in sl-violations)',
        '  --latency <dist>      added latency per request: fixed:MS, uniform:MIN-MAX or normal:MEAN,SD',
        '  --fault-rate <p>      probability (0..1) that a request gets an injected fault',
        `  --faults <list>       which faults --fault-rate draws from (default ${FAULT_KINDS.join(',')})`,
        '  --seed <text>         seeds the latency and fault draws (and flows), so a run repeats',
        '  --flows               stateful flows (OTP sent -> verified...), when this build includes them',
        '  --admin-token <text>  flows: the token /__mock/ demands (else it answers only on a loopback --host;',
        '                        LOGINRADIUS_MFA_MOCK_ADMIN_TOKEN=<text> does the same)',
        '  --help, -h            this text',
        '',
        'Per request: `Prefer: code=<status>`, `example=<name>`, `dynamic=true`, `delay=<ms>`,',
        '`fault=reset|truncate|drip` (`drip-ms=<ms>`), `code=429` or `code=503` (with `retry-after=<s>`).',
    ].join('\n');
}
export function parseArgs(argv, env, defaultPort) {
    let port = env.PORT || String(defaultPort);
    const out = { help: false, list: false, host: '127.0.0.1' };
    if (env.LOGINRADIUS_MFA_MOCK_ADMIN_TOKEN)
        out.adminToken = env.LOGINRADIUS_MFA_MOCK_ADMIN_TOKEN;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const flag = eq === -1 ? arg : arg.slice(0, eq);
        const value = () => {
            if (eq !== -1)
                return arg.slice(eq + 1);
            const next = argv[++i];
            if (next === undefined)
                throw new Error(`${flag} needs a value`);
            return next;
        };
        try {
            switch (flag) {
                case '--verbose':
                case '-v':
                    out.verbose = true;
                    break;
                case '--quiet':
                case '-q':
                    out.quiet = true;
                    break;
                case '--dynamic':
                case '-d':
                    out.dynamic = true;
                    break;
                case '--list':
                    out.list = true;
                    break;
                case '--flows':
                    out.flows = true;
                    break;
                case '--no-errors':
                    out.errors = false;
                    break;
                case '--errors':
                    out.errors = true;
                    break;
                case '--help':
                case '-h':
                    out.help = true;
                    break;
                case '--port':
                case '-p':
                    port = value();
                    break;
                case '--host':
                    out.host = value();
                    break;
                case '--spec':
                    out.spec = value();
                    break;
                case '--proxy':
                    out.proxy = value();
                    break;
                case '--seed':
                    out.seed = value();
                    break;
                case '--admin-token':
                    out.adminToken = value();
                    break;
                case '--latency':
                    out.latency = parseLatency(value());
                    break;
                case '--fault-rate': {
                    const text = value();
                    const rate = Number(text);
                    if (text.trim() === '' || !(rate >= 0 && rate <= 1))
                        return { error: `--fault-rate must be a probability from 0 to 1, got "${text}"` };
                    out.faultRate = rate;
                    break;
                }
                case '--faults': {
                    const list = value().split(',').map((s) => s.trim()).filter(Boolean);
                    const unknown = list.filter((f) => !FAULT_KINDS.includes(f));
                    if (unknown.length || list.length === 0)
                        return { error: `--faults takes a comma-separated list of ${FAULT_KINDS.join(', ')}; got "${list.join(',')}"` };
                    out.faults = list;
                    break;
                }
                default:
                    return { error: `unknown option ${arg}` };
            }
        }
        catch (error) {
            return { error: error.message };
        }
    }
    if (!/^\d+$/.test(port) || Number(port) > 65535)
        return { error: `the port must be a number from 0 to 65535, got "${port}"` };
    out.port = Number(port);
    if (out.verbose && out.quiet)
        return { error: '--verbose and --quiet exclude each other' };
    if (out.proxy !== undefined && (out.list || out.dynamic))
        return { error: `${out.list ? '--list' : '--dynamic'} is a mock option; it does not apply with --proxy` };
    return out;
}
