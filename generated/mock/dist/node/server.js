// The Node adapter: the only code that knows node:http. Turns an IncomingMessage into the core's
// IncomingRequest (no Fetch Request per call: measured cheaper, see README), writes the Reply, and
// realises the delivery faults on the socket (reset, truncate, drip). Closing stops accepting, lets
// the requests in flight finish, then closes the connections.
import http from 'node:http';
import { splitForDrip } from '../fetch.js';
export async function listen(mock, port, host, adapter = {}) {
    let inFlight = 0;
    let drained = null;
    const server = http.createServer((req, res) => {
        inFlight++;
        res.once('close', () => {
            inFlight--;
            if (inFlight === 0)
                drained?.();
        });
        if (adapter.fetchObjects) {
            viaFetch(mock, req, res).catch(() => res.destroy());
            return;
        }
        mock.respond(incoming(req)).then((reply) => write(req, res, reply), () => res.destroy());
    });
    server.requestTimeout = 15_000;
    server.headersTimeout = 10_000;
    // Longer than any client pool keeps an idle socket (undici: 4 s): a client must never write to a socket the
    // mock has just closed, which it sees as a failed request (UND_ERR_SOCKET) the mock never received.
    server.keepAliveTimeout = 65_000;
    server.on('clientError', (_error, socket) => {
        if (socket.writable)
            socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        else
            socket.destroy();
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    return {
        server,
        address: server.address(),
        close: (graceMs = 10_000) => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            const force = () => server.closeAllConnections();
            if (inFlight === 0)
                force();
            else {
                drained = force;
                setTimeout(force, graceMs).unref();
            }
        }),
    };
}
function incoming(req) {
    const headers = req.headers;
    return {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers,
        hasBody: headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0'),
        text: (limit) => readBody(req, limit),
    };
}
/** The body as text; null when over `limit` bytes, undefined when it could not be read. */
function readBody(req, limit) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        let tooLarge = false;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit)
                tooLarge = true;
            else
                chunks.push(chunk);
        });
        req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
        req.on('error', () => resolve(undefined));
    });
}
function write(req, res, reply) {
    if (reply.fault === 'reset') {
        // An RST, as a crashed or overloaded server gives: the client sees ECONNRESET / "other side closed".
        req.socket.resetAndDestroy();
        return;
    }
    const headers = reply.headers;
    if (reply.body === undefined) {
        res.writeHead(reply.status, headers);
        res.end();
        return;
    }
    if (!reply.fault) {
        headers['content-length'] = Buffer.byteLength(reply.body);
        res.writeHead(reply.status, headers);
        res.end(reply.body);
        return;
    }
    const bytes = Buffer.from(reply.body);
    headers['content-length'] = bytes.length;
    res.writeHead(reply.status, headers);
    if (reply.fault === 'truncate') {
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
        return;
    }
    if (reply.fault === 'drip') {
        const chunks = splitForDrip(bytes);
        const pause = (reply.dripMs ?? 0) / chunks.length;
        let next = 0;
        const send = () => {
            if (res.destroyed)
                return;
            const chunk = chunks[next++];
            if (next === chunks.length)
                res.end(chunk);
            else {
                res.write(chunk);
                setTimeout(send, pause);
            }
        };
        send();
    }
}
/** The portable path: IncomingMessage -> Request -> mock.handle() -> Response -> bytes. */
async function viaFetch(mock, req, res) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const withBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = withBody ? await readBody(req, Number.MAX_SAFE_INTEGER) : undefined;
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers, body: body || undefined });
    const response = await mock.handle(request);
    if (response.type === 'error') {
        req.socket.resetAndDestroy();
        return;
    }
    const out = {};
    response.headers.forEach((value, name) => (out[name] = value));
    res.writeHead(response.status, out);
    if (!response.body)
        return void res.end();
    const reader = response.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        res.write(value);
    }
    res.end();
}
