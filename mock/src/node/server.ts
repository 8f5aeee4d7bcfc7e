// The Node adapter: the only code that knows node:http. Turns an IncomingMessage into the core's
// IncomingRequest (no Fetch Request per call: measured cheaper, see README), writes the Reply, and
// realises the delivery faults on the socket (reset, truncate, drip). Closing stops accepting, lets
// the requests in flight finish, then closes the connections.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mock } from '../core.js';
import type { IncomingRequest, Reply } from '../pipeline/exchange.js';
import { splitForDrip } from '../fetch.js';

export interface NodeServer {
  server: http.Server;
  address: AddressInfo;
  /** Stops accepting, waits for the requests in flight (at most `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

export interface ListenAdapterOptions {
  /**
   * Build a Fetch Request per call and go through `mock.handle()` (the portable path) instead of the
   * light IncomingRequest. Slower; kept so that the benchmark can measure the difference.
   */
  fetchObjects?: boolean;
}

export async function listen(mock: Mock, port: number, host: string, adapter: ListenAdapterOptions = {}): Promise<NodeServer> {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    if (adapter.fetchObjects) {
      viaFetch(mock, req, res).catch(() => res.destroy());
      return;
    }
    mock.respond(incoming(req)).then(
      (reply) => write(req, res, reply),
      () => res.destroy(),
    );
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  // Longer than any client pool keeps an idle socket (undici: 4 s): a client must never write to a socket the
  // mock has just closed, which it sees as a failed request (UND_ERR_SOCKET) the mock never received.
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    address: server.address() as AddressInfo,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const force = () => server.closeAllConnections();
        if (inFlight === 0) force();
        else {
          drained = force;
          setTimeout(force, graceMs).unref();
        }
      }),
  };
}

function incoming(req: http.IncomingMessage): IncomingRequest {
  const headers = req.headers as Record<string, string | undefined>;
  return {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    headers,
    hasBody: headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0'),
    text: (limit) => readBody(req, limit),
  };
}

/** The body as text; null when over `limit` bytes, undefined when it could not be read. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

function write(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply): void {
  if (reply.fault === 'reset') {
    // An RST, as a crashed or overloaded server gives: the client sees ECONNRESET / "other side closed".
    req.socket.resetAndDestroy();
    return;
  }
  const headers: http.OutgoingHttpHeaders = reply.headers;
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
      if (res.destroyed) return;
      const chunk = chunks[next++];
      if (next === chunks.length) res.end(chunk);
      else {
        res.write(chunk);
        setTimeout(send, pause);
      }
    };
    send();
  }
}

/** The portable path: IncomingMessage -> Request -> mock.handle() -> Response -> bytes. */
async function viaFetch(mock: Mock, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const withBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = withBody ? await readBody(req, Number.MAX_SAFE_INTEGER) : undefined;
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers, body: body || undefined });
  const response = await mock.handle(request);
  if (response.type === 'error') {
    req.socket.resetAndDestroy();
    return;
  }
  const out: http.OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => (out[name] = value));
  res.writeHead(response.status, out);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}
