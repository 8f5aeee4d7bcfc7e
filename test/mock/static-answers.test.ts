// The mock replays Prism's static answers (mock/src/pipeline/examples.ts caches them per operation and example).
// A replay must be byte for byte what Prism gave the first time, and what one request adds to its answer (the
// violations of an invalid request) must never stay in the cache for the next one.
import { beforeAll, describe, expect, it } from 'vitest';
import { namedExamples, operations, responseMedia } from '../support/spec.js';
import { buildValid, send, startInProcessCore, type Handler } from './helpers.js';
import { checkTable } from './table.js';

let handle: Handler;
beforeAll(async () => {
  handle = (await startInProcessCore()).handle;
});

describe('replayed static answers', () => {
  it('every operation’s default answer is the same the second and third time', async () => {
    await checkTable(
      'default answers',
      operations,
      async (operation) => {
        const request = buildValid(operation);
        const first = await send(handle, request);
        for (let i = 0; i < 2; i++) {
          const again = await send(handle, request);
          expect({ status: again.status, body: again.text }).toEqual({ status: first.status, body: first.text });
        }
      },
      { min: 97, name: (o) => o.operationId, concurrency: 4 },
    );
  });

  it('an invalid request’s violations are its own, and are gone from the same example asked for by name', async () => {
    const login = operations.find((o) => o.operationId === 'loginWithPassword')!;
    const valid = buildValid(login);
    const badEmail = await send(handle, { ...valid, body: { email: 'not an email', password: 'x' } });
    const noPassword = await send(handle, { ...valid, body: { email: 'a@example.com' } });
    const violations = (r: { body: unknown }) => JSON.stringify((r.body as { violations?: unknown }).violations);
    expect(badEmail.status).toBeGreaterThanOrEqual(400);
    expect(violations(badEmail)).toMatch(/email/i);
    expect(violations(noPassword)).toMatch(/password/);
    expect(violations(noPassword)).not.toMatch(/format/);
    // The example the invalid request was answered with, found by its envelope, then asked for by name.
    const { violations: _sent, ...envelope } = noPassword.body as Record<string, unknown>;
    const chosen = namedExamples(responseMedia(login, String(noPassword.status))).find((e) => JSON.stringify(e.value) === JSON.stringify(envelope));
    expect(chosen, 'the request without a password got a documented example').toBeDefined();
    const again = await send(handle, { ...valid, body: { email: 'b@example.com' } });
    expect(again.body).toEqual(noPassword.body);
    const byName = await send(handle, { ...valid, headers: { ...valid.headers, Prefer: `code=${noPassword.status}, example=${chosen!.name}` } });
    expect(byName.status).toBe(noPassword.status);
    expect(byName.body).toEqual(envelope);
  });
});
