// Fake fetches for the client tests: they record what would have gone on the wire and answer a canned Response.
import { vi } from 'vitest';
import { createLoginRadiusClient, type LoginRadiusClientOptions } from '../../client/src/index.js';

export const KEY = 'key-0b1c2d3e';
export const TOKEN = 'token-5f6a7b8c-9d0e';
export const SECRET = 'secret-Zq8wXr4t-never-leak';
export const BASE = 'https://api.example.test';

/** What reached the network layer, whichever way the client called fetch. */
export interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

export type Answer = Response | (() => Response | Promise<Response>);

async function record(input: RequestInfo | URL, init: RequestInit | undefined, sent: Sent[]) {
  // Whatever fetch got, see it exactly as fetch would: through a Request.
  const request = new Request(input, init);
  sent.push({ url: request.url, method: request.method, headers: request.headers, body: request.body ? await request.text() : null });
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * A client over a fake network, either passed as the `fetch` option ('custom fetch') or stubbed as the global
 * fetch ('global fetch', the path most apps take, where the client calls fetch(url, init)).
 */
export function fakeClient(
  mode: 'custom fetch' | 'global fetch',
  options: Partial<LoginRadiusClientOptions> = {},
  answer: Answer = () => json({ IsValid: true }),
) {
  const sent: Sent[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    await record(input, init, sent);
    return typeof answer == 'function' ? answer() : answer.clone();
  });
  const credentials = { apiKey: KEY, accessToken: TOKEN, apiSecret: SECRET, baseUrl: BASE, ...options };
  if (mode == 'global fetch') vi.stubGlobal('fetch', fake);
  const client = createLoginRadiusClient(mode == 'custom fetch' ? { ...credentials, fetch: fake } : credentials);
  return { client, sent, fake };
}

export const MODES = ['custom fetch', 'global fetch'] as const;
