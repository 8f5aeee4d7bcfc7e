// Fault and latency injection reach a client as what they are: the generated client gets a typed network error for
// a reset and for a truncated body, a 429 arrives with its Retry-After and a documented LoginRadius body, a delay is
// within 10 % of what was asked, a drip arrives whole but slowly; the server's fault draw repeats with its seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../generated/mock/dist/index.js';
import { clientFor } from '../support/client.js';
import { deref, spec } from '../support/spec.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, quiet: true });
});
afterAll(async () => {
  await mock?.close();
});

const settings = (baseUrl: string, prefer?: string) =>
  clientFor(baseUrl).GET('/identity/v2/auth/account/2fa', { headers: prefer ? { Prefer: prefer } : {} });

const example = (name: string) => deref(spec.components.examples[name]).value;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}
/**
 * A delay within 10 % of `asked`: no delayed answer comes earlier than 0.9 x asked, and the quickest delayed answer
 * is at most 1.1 x asked slower than the quickest plain one (quickest of three: the least disturbed by a busy machine).
 */
function expectDelay(asked: number, delayed: number[], plain: number[]) {
  for (const ms of delayed) expect(ms).toBeGreaterThanOrEqual(0.9 * asked);
  expect(Math.min(...delayed) - Math.min(...plain)).toBeLessThanOrEqual(1.1 * asked);
}

describe('Prefer: per-request faults', () => {
  it('fault=reset: the client gets its typed network error, not a response', async () => {
    const { data, error, response } = await settings(mock.url, 'fault=reset');
    expect(data).toBeUndefined();
    expect(error?.kind).toBe('network');
    expect(error?.ErrorCode).toBe(-1);
    expect(response.status).toBe(0);
  });

  it('fault=truncate: half a body, then the connection drops: a network error too', async () => {
    const { error } = await settings(mock.url, 'fault=truncate');
    expect(error?.kind).toBe('network');
  });

  it('code=429: HTTP 429 with Retry-After and the documented TOO_MANY_REQUESTS body', async () => {
    const { error, response } = await settings(mock.url, 'code=429');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(error).toMatchObject({ kind: 'api', ...example('TOO_MANY_REQUESTS') });
    const custom = await settings(mock.url, 'code=429, retry-after=30');
    expect(custom.response.headers.get('retry-after')).toBe('30');
  });

  it('code=503: HTTP 503 with Retry-After and the operation\'s documented 500 body', async () => {
    const { error, response } = await settings(mock.url, 'code=503');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(error).toMatchObject({ kind: 'api', ...example('OPERATION_FAILED_PARTNER') });
  });

  it('delay=500: the answer comes 500 ms later, within 10 %', async () => {
    const plain: number[] = [];
    const delayed: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push((await timed(() => settings(mock.url)))[0]);
      const [ms, { response }] = await timed(() => settings(mock.url, 'delay=500'));
      expect(response.status).toBe(200);
      delayed.push(ms);
    }
    expectDelay(500, delayed, plain);
  });

  it('fault=drip: the whole answer, spread over drip-ms', async () => {
    const [plainMs, plain] = await timed(() => settings(mock.url));
    const [dripMs, dripped] = await timed(() => settings(mock.url, 'fault=drip, drip-ms=600'));
    expect(dripped.response.status).toBe(200);
    expect(dripped.data).toEqual(plain.data);
    expect(dripMs - plainMs).toBeGreaterThanOrEqual(0.9 * 600 * (9 / 10)); // 10 chunks: 9 pauses of 60 ms
  });

  it('a malformed fault or delay is a 400 naming it', async () => {
    for (const [prefer, word] of [['fault=explode', 'fault'], ['delay=soon', 'delay']]) {
      const { error, response } = await settings(mock.url, prefer);
      expect(response.status).toBe(400);
      expect(String(error?.Description)).toContain(word);
    }
  });
});

describe('per server: --latency, --fault-rate, --seed', () => {
  it('latency fixed:200 delays every answer by 200 ms (within 10 %)', async () => {
    const slow = await startMock({ port: 0, quiet: true, latency: 'fixed:200' });
    try {
      const plain: number[] = [];
      const delayed: number[] = [];
      for (let i = 0; i < 3; i++) {
        plain.push((await timed(() => settings(mock.url)))[0]);
        delayed.push((await timed(() => settings(slow.url)))[0]);
      }
      expectDelay(200, delayed, plain);
    } finally {
      await slow.close();
    }
  });

  it('the same seed gives the same faults in the same order; another seed another order', async () => {
    const run = async (seed: string) => {
      const chaotic = await startMock({ port: 0, quiet: true, faultRate: 0.5, faults: ['429', '503'], seed });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 24; i++) statuses.push((await settings(chaotic.url)).response.status);
        return statuses;
      } finally {
        await chaotic.close();
      }
    };
    const first = await run('ci-1');
    expect(await run('ci-1')).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await run('ci-2')).not.toEqual(first);
  });

  it('an explicit Prefer wins over the server\'s draw', async () => {
    const chaotic = await startMock({ port: 0, quiet: true, faultRate: 1, faults: ['reset'] });
    try {
      expect((await settings(chaotic.url)).error?.kind).toBe('network');
      expect((await settings(chaotic.url, 'code=200')).response.status).toBe(200);
    } finally {
      await chaotic.close();
    }
  });
});
