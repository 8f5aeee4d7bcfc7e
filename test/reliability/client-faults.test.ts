// Client under faults (issue 7): a real local server that misbehaves in every way a proxy or a dying upstream
// does, called through the client for every operation of the spec. Each call must resolve with a typed error
// (never reject, never hang), and the whole file must record no unhandled rejection.
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoginRadiusError, type LoginRadiusError } from '../../client/src/index.js';
import { withResilience, type ResilienceOptions } from '../../client/src/resilience.js';
import { clientFor } from '../support/client.js';
import { operations, validRequest, type Json } from '../support/spec.js';

const TIMEOUT_MS = 300;
const SLOW_MS = 5_000;

/** What the server does, chosen by the request's X-Fault header. */
const FAULTS: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  'non-json': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK, probably'),
  'empty-body': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '0' }).end(),
  'truncated-json': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"SecondFactorValidationToken":"8e5e'),
  'html-502': (_req, res) =>
    res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>'),
  // The connection is reset before any byte of a response.
  reset: (req) => req.socket.resetAndDestroy(),
  // Headers now, the body long after the caller's deadline.
  'slow-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"IsValid":');
    setTimeout(() => res.end('true}'), SLOW_MS).unref();
  },
  // Nothing at all until long after the caller's deadline.
  'slow-headers': (_req, res) => void setTimeout(() => res.writeHead(200).end('{}'), SLOW_MS).unref(),
};

/** The kind each fault must come back as. */
const EXPECTED: Record<keyof typeof FAULTS, LoginRadiusError['kind']> = {
  'non-json': 'not-json',
  'empty-body': 'empty-body',
  'truncated-json': 'invalid-json',
  'html-502': 'not-json',
  reset: 'network',
  'slow-body': 'network',
  'slow-headers': 'network',
};

let server: http.Server;
let baseUrl: string;
const sockets = new Set<net.Socket>();
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const fault = FAULTS[String(req.headers['x-fault'])];
      if (fault) fault(req, res);
      else res.writeHead(500).end('no such fault');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  // Node loads its fetch (undici) on first use, which can take longer than the 300 ms deadline on a busy machine:
  // load it before the timed calls, so a deadline measures the fault, not the warm-up.
  await fetch(`${baseUrl}/warm-up`, { headers: { 'X-Fault': 'non-json' } }).then((r) => r.text());
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Give a stray rejection from the last calls a turn of the event loop to surface.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', recordUnhandled);
  expect(unhandled, 'unhandled rejections during the fault tests').toEqual([]);
});

async function callWithFault(operationIndex: number, fault: string) {
  const operation = operations[operationIndex];
  const input = validRequest(operation);
  const client = clientFor(baseUrl) as Json;
  const started = performance.now();
  const result = await client[operation.method.toUpperCase()](operation.path, {
    params: { path: input.pathParams ?? {}, query: input.query ?? {} },
    body: input.body,
    headers: { ...(input.header ?? {}), 'X-Fault': fault },
    // The slow faults are cut off at the caller's 300 ms deadline; the others answer at once, and their deadline
    // only guards against a hang (97 calls at once on a busy 2-core machine can take longer than 300 ms).
    signal: AbortSignal.timeout(fault.startsWith('slow') ? TIMEOUT_MS : SLOW_MS / 2),
  });
  return { operation, result, elapsed: performance.now() - started };
}

describe.each(Object.keys(FAULTS))('a server that answers %s', (fault) => {
  it(`gives a typed ${EXPECTED[fault]} error for every operation (${operations.length}), never a rejection or a hang`, async () => {
    const settled = await Promise.allSettled(operations.map((_operation, index) => callWithFault(index, fault)));
    const rejected = settled.filter((s) => s.status === 'rejected');
    expect(rejected, 'calls that rejected instead of returning { error }').toEqual([]);
    for (const outcome of settled) {
      const { operation, result, elapsed } = (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof callWithFault>>>).value;
      const where = `${operation.method.toUpperCase()} ${operation.path}`;
      expect(result.data, where).toBeUndefined();
      expect(isLoginRadiusError(result.error, EXPECTED[fault]), `${where}: ${JSON.stringify(result.error)}`).toBe(true);
      expect(result.error.ErrorCode, where).toBeLessThan(0);
      // A slow server is cut off at the caller's deadline, not when it finally answers.
      expect(elapsed, where).toBeLessThan(SLOW_MS / 2);
      if (fault.startsWith('slow')) expect((result.error.cause as Error).name, where).toBe('TimeoutError');
    }
  });
});

// The same slow servers through withResilience's timeout (issue 14): kind 'timeout', distinct from 'network',
// for every operation; a reset GET or DELETE is retried, a reset PUT or POST is not.
describe('through withResilience', () => {
  async function callResilient(operationIndex: number, fault: string, options: ResilienceOptions) {
    const operation = operations[operationIndex];
    const input = validRequest(operation);
    const client = withResilience(clientFor(baseUrl), options) as Json;
    const started = performance.now();
    const result = await client[operation.method.toUpperCase()](operation.path, {
      params: { path: input.pathParams ?? {}, query: input.query ?? {} },
      body: input.body,
      headers: { ...(input.header ?? {}), 'X-Fault': fault },
    });
    return { operation, result, elapsed: performance.now() - started };
  }

  it.each(['slow-headers', 'slow-body'])(`a server that answers %s gives kind timeout for every operation (${operations.length})`, async (fault) => {
    const outcomes = await Promise.all(operations.map((_operation, index) => callResilient(index, fault, { timeout: TIMEOUT_MS })));
    for (const { operation, result, elapsed } of outcomes) {
      const where = `${operation.method.toUpperCase()} ${operation.path}`;
      expect(result.error, where).toMatchObject({ kind: 'timeout', ErrorCode: -6, attempts: 1 });
      expect(elapsed, where).toBeLessThan(SLOW_MS / 2);
    }
  });

  it('a reset connection is retried for GET and DELETE only', async () => {
    const outcomes = await Promise.all(operations.map((_operation, index) => callResilient(index, 'reset', { retry: { attempts: 2, backoff: 10 } })));
    for (const { operation, result } of outcomes) {
      const retried = operation.method === 'get' || operation.method === 'delete';
      expect(result.error, `${operation.method.toUpperCase()} ${operation.path}`).toMatchObject({ kind: 'network', attempts: retried ? 2 : 1 });
    }
  });
});
