// The command line: `loginradius-mfa-mock [options]` (also what `npm run mock` and `npm run mock:proxy`
// run in the repository). Exit status: 0 after a clean shutdown (SIGINT / SIGTERM, in-flight requests
// finished), 1 when the mock cannot start (port in use, unreadable spec...), 2 for a usage error.
import path from 'node:path';
import { createMock, parseUpstream } from '../core.js';
import { startMock } from '../start.js';
import { parseArgs, usage } from './args.js';
export async function runCli(argv, env = process.env, context = {}) {
    const started = performance.now();
    const name = context.name ?? 'loginradius-mfa-mock';
    const defaultPort = context.defaultPort ?? 4010;
    const fail = (status, message, showUsage = false) => {
        process.stderr.write(`${name}: ${message}${showUsage ? `\n\n${usage(name, defaultPort)}` : ''}\n`);
        process.exit(status);
    };
    const args = parseArgs(argv, env, defaultPort);
    if ('error' in args)
        return fail(2, args.error, true);
    if (args.help) {
        process.stdout.write(`${usage(name, defaultPort)}\n`);
        return;
    }
    if (args.spec)
        args.spec = path.resolve(args.spec);
    if (args.proxy !== undefined) {
        try {
            parseUpstream(args.proxy);
        }
        catch (error) {
            return fail(2, `--proxy: ${error.message}`);
        }
    }
    if (args.list) {
        try {
            process.stdout.write(`${(await createMock({ spec: args.spec, quiet: true })).list()}\n`);
            return;
        }
        catch (error) {
            return fail(1, error.message);
        }
    }
    let mock;
    try {
        mock = await startMock(args);
    }
    catch (error) {
        return fail(1, error.message);
    }
    const specName = args.spec ? path.relative(process.cwd(), args.spec) || args.spec : 'the bundled spec';
    const ms = Math.round(performance.now() - started);
    const chaos = mock.seed === null ? '' : `; latency/faults seeded with --seed ${mock.seed}`;
    process.stdout.write(mock.mode === 'proxy'
        ? `${name}: validating ${mock.operations} operations, ${mock.url} -> ${String(args.proxy)} (${args.errors === false ? 'violations reported in sl-violations only' : 'non-conforming responses become 502'}; ready in ${ms} ms)\n`
        : `${name}: ${mock.operations} operations of ${specName} on ${mock.url} (ready in ${ms} ms${chaos})\n`);
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => {
            if (stopping)
                process.exit(1); // a second signal: stop now
            stopping = true;
            mock.close().then(() => process.exit(0), () => process.exit(1));
        });
    }
}
