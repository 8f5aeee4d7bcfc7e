// startMock(): the mock (or proxy) listening on 127.0.0.1, for test runners and the command line.
import { createMock } from './core.js';
import { listen } from './node/server.js';
import { batchedWriter } from './node/log-writer.js';
import { isLoopback } from './options.js';
export class PortInUseError extends Error {
    port;
    host;
    name = 'PortInUseError';
    constructor(port, host) {
        super(`port ${port} on ${host} is in use; choose another with --port (or port: 0 for any free port)`);
        this.port = port;
        this.host = host;
    }
}
/** Starts the mock: `const mock = await startMock({ port: 0 }); ... await mock.close();` */
export async function startMock(options = {}) {
    const host = options.host ?? '127.0.0.1';
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
    const writer = options.log ? null : batchedWriter(process.stdout);
    const mock = await createMock({ ...options, host, log: options.log ?? writer.write });
    let server;
    try {
        // LOGINRADIUS_MFA_MOCK_ADAPTER=fetch: Fetch objects per request (for `npm run bench:mock` to compare).
        server = await listen(mock, port, host, { fetchObjects: process.env.LOGINRADIUS_MFA_MOCK_ADAPTER === 'fetch' });
    }
    catch (error) {
        if (error.code === 'EADDRINUSE')
            throw new PortInUseError(port, host);
        throw error;
    }
    if (!isLoopback(host)) {
        process.emitWarning(`the mock listens on ${host}, reachable from other machines; it has no authentication${options.flows ? (options.adminToken ? '' : ', and its admin API (/__mock/) is off until you set an admin token') : ''}`, { code: 'LOGINRADIUS_MFA_MOCK_HOST' });
    }
    const shownHost = server.address.family === 'IPv6' ? `[${server.address.address}]` : server.address.address;
    return {
        url: `http://${shownHost}:${server.address.port}`,
        port: server.address.port,
        host: server.address.address,
        mode: mock.mode,
        operations: mock.operations,
        seed: mock.seed,
        close: async () => {
            await server.close();
            writer?.flush();
        },
    };
}
