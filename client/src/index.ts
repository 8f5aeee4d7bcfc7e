import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export type * from './schema.js';

export interface LoginRadiusClientOptions {
  /** The site's API key, sent as the `apikey` query parameter on every call. */
  apiKey: string;
  /** The user's access token, sent as `Authorization: Bearer` on calls that take one. */
  accessToken?: string;
  /** The API secret, sent only to `/manage/` paths, as the `X-LoginRadius-ApiSecret` header. */
  apiSecret?: string;
  /** Defaults to https://api.loginradius.com. */
  baseUrl?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
}

export type LoginRadiusClient = Client<paths>;

const MANAGE_PATH = /\/identity\/v2\/manage\//i;

export function createLoginRadiusClient(options: LoginRadiusClientOptions): LoginRadiusClient {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError('createLoginRadiusClient: `apiKey` is required (your LoginRadius site API key).');
  }
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? 'https://api.loginradius.com',
    fetch: options.fetch,
  });
  client.use(credentials(options));
  return client;
}

function credentials(options: LoginRadiusClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const url = new URL(request.url);
      if (!url.searchParams.has('apikey')) url.searchParams.set('apikey', options.apiKey);
      const next = new Request(url, request);
      if (MANAGE_PATH.test(url.pathname)) {
        if (!options.apiSecret) {
          throw new Error(`LoginRadius: ${url.pathname} is a /manage/ operation and needs \`apiSecret\`.`);
        }
        next.headers.set('X-LoginRadius-ApiSecret', options.apiSecret);
      }
      if (options.accessToken && !next.headers.has('Authorization') && !url.searchParams.has('access_token')) {
        next.headers.set('Authorization', `Bearer ${options.accessToken}`);
      }
      return next;
    },
  };
}
