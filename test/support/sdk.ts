// The official Node SDK v11 (npm loginradius-sdk), unchanged, pointed at a running mock: it always calls
// https://<apiDomain>, so every connection it opens is sent to the mock's port over plain HTTP instead.
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';

const require = createRequire(import.meta.url);

export interface SdkAgainstMock {
  // The SDK is untyped JavaScript.
  sdk: Record<string, any>;
  /** Puts https.globalAgent back and closes the connections. */
  restore(): void;
}

export function sdkAgainstMock(baseUrl: string, options: { apiKey: string; apiSecret: string }): SdkAgainstMock {
  const port = Number(new URL(baseUrl).port);
  const agent = new http.Agent({ keepAlive: true });
  // Every connection the SDK opens goes to the mock, whatever host the SDK names.
  (agent as unknown as { createConnection: typeof net.createConnection }).createConnection = ((_options: unknown, callback?: () => void) =>
    net.createConnection({ host: '127.0.0.1', port }, callback)) as typeof net.createConnection;
  const original = https.globalAgent;
  https.globalAgent = agent as unknown as https.Agent;
  const LoginRadius = require('loginradius-sdk');
  const sdk = LoginRadius({ ...options, apiDomain: 'api.loginradius.mock', serverRegion: 'us' });
  return {
    sdk,
    restore: () => {
      https.globalAgent = original;
      agent.destroy();
    },
  };
}
