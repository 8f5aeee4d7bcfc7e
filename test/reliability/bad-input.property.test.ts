// Bad input, generated (issue 7): fast-check builds requests from the spec, valid and invalid, sends them
// to the mock, and checks the answers: valid → 2xx; invalid → 4xx whose LoginRadius Description names the offending
// field; never a 5xx;
// never a hang (every request has a deadline). Prints how many cases ran.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../scripts/lib/spec-requests.mjs';
import { startMock, type RunningMock } from '../support/mock.js';
import { deref, operations, requestBodyMedia, spec, type Json, type Operation } from '../support/spec.js';

const credentials = { apiKey: 'prop-api-key', accessToken: 'prop-access-token', apiSecret: 'prop-api-secret' };
const DEADLINE_MS = 5_000;
let mock: RunningMock;
let cases = 0;
beforeAll(async () => { mock = await startMock(); });
afterAll(async () => {
  await mock?.stop();
  console.log(`bad-input: ${cases} generated requests sent to the mock`);
});

async function send(req: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  cases++;
  const response = await fetch(`${mock.baseUrl}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(DEADLINE_MS),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** The LoginRadius envelope's Description, whatever its casing ('' when the body is not an envelope). */
function envelopeDescription(text: string): string {
  try {
    const body = JSON.parse(text);
    const key = body && typeof body === 'object' ? Object.keys(body).find((k) => k.toLowerCase() === 'description') : undefined;
    return key === undefined ? '' : String(body[key]);
  } catch {
    return '';
  }
}

/**
 * Sends `req` with `body` in place of its own, and expects a 4xx whose envelope Description names `field` (not
 * anywhere in the response: Prism's violation detail, or "ErrorCode" for a field called `Code`, would always match).
 */
async function expectBodyRejectedNaming(req: ReturnType<typeof rawRequest>, body: object, field: string, label: string) {
  const { status, text } = await send({ ...req, body: JSON.stringify(body) });
  expect(status, `${label}: ${text}`).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  expect(squash(envelopeDescription(text)), `${label}: the Description does not name ${field}: ${text}`).toContain(squash(field));
}

/** Top-level body properties of an operation's JSON body schema (following allOf), with their schemas. */
function bodyProperties(operation: Operation): Array<{ name: string; schema: Json; required: boolean }> {
  const root = deref(requestBodyMedia(operation)?.schema);
  if (!root) return [];
  const parts = [root, ...(root.allOf ?? []).map(deref)];
  const required = new Set(parts.flatMap((p: Json) => p.required ?? []));
  return parts.flatMap((p: Json) =>
    Object.entries((p.properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({ name, schema: deref(schema), required: required.has(name) })),
  );
}

const withBody = operations.filter((o) => bodyProperties(o).length > 0 && rawRequest(spec, o, credentials).body !== undefined);
const opArb = fc.constantFrom(...operations);
const bodyOpArb = fc.constantFrom(...withBody);

describe('the mock under generated bad input', () => {
  it('answers valid requests with 2xx', async () => {
    await fc.assert(
      fc.asyncProperty(opArb, async (operation) => {
        const { status, text } = await send(rawRequest(spec, operation, credentials));
        expect(status, `${operation.operationId}: ${text}`).toBeGreaterThanOrEqual(200);
        expect(status, `${operation.operationId}: ${text}`).toBeLessThan(300);
      }),
      { numRuns: 120 },
    );
  });

  it('rejects a body property of the wrong type with a 4xx naming it', async () => {
    const typed = withBody.flatMap((o) => bodyProperties(o).filter((p) => [p.schema?.type].flat().some((t) => t === 'string' || t === 'boolean')).map((p) => [o, p] as const));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...typed), fc.oneof(fc.integer(), fc.constant([1, 2]), fc.constant({ nested: true })), async ([operation, property], wrong) => {
        const req = rawRequest(spec, operation, credentials);
        const body = { ...JSON.parse(req.body!), [property.name]: [property.schema?.type].flat().includes('boolean') && typeof wrong === 'number' ? 'not-a-boolean' : wrong };
        await expectBodyRejectedNaming(req, body, property.name, `${operation.operationId}.${property.name}`);
      }),
      { numRuns: 80 },
    );
  });

  it('rejects a missing required body property with a 4xx naming it', async () => {
    const requiredProps = withBody.flatMap((o) => bodyProperties(o).filter((p) => p.required).map((p) => [o, p] as const));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requiredProps), async ([operation, property]) => {
        const req = rawRequest(spec, operation, credentials);
        const body = JSON.parse(req.body!);
        delete body[property.name];
        await expectBodyRejectedNaming(req, body, property.name, `${operation.operationId} without ${property.name}`);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects oversized strings with a 4xx naming the field', async () => {
    const limited = withBody.flatMap((o) => bodyProperties(o).filter((p) => typeof p.schema?.maxLength === 'number').map((p) => [o, p] as const));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...limited), fc.integer({ min: 1, max: 64 }), async ([operation, property], extra) => {
        const req = rawRequest(spec, operation, credentials);
        const body = { ...JSON.parse(req.body!), [property.name]: 'x'.repeat(property.schema.maxLength + extra) };
        await expectBodyRejectedNaming(req, body, property.name, `${operation.operationId}.${property.name}`);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects an unknown enum value in the path with a 4xx', async () => {
    const enumOps = operations.filter((o) => o.parameters.some((p) => p.in === 'path' && p.schema?.enum));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...enumOps), fc.stringMatching(/^[a-z]{3,12}$/), async (operation, value) => {
        const param = operation.parameters.find((p) => p.in === 'path' && p.schema?.enum)!;
        fc.pre(!param.schema.enum.includes(value));
        const req = rawRequest(spec, operation, credentials);
        const example = String(param.example ?? param.schema.enum[0]);
        const { status, text } = await send({ ...req, path: req.path.replace(`/${example}`, `/${value}`) });
        expect(status, `${operation.operationId} with ${param.name}=${value}: ${text}`).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects malformed JSON, wrong content types and huge bodies with a 4xx, never a 5xx or a hang', async () => {
    const breakages = fc.oneof(
      fc.constant({ kind: 'truncated JSON', contentType: 'application/json', body: (b: string) => b.slice(0, Math.max(1, b.length - 2)) }),
      fc.constant({ kind: 'not JSON', contentType: 'application/json', body: () => '<xml>nope</xml>' }),
      fc.constant({ kind: 'text/plain', contentType: 'text/plain', body: (b: string) => b }),
      fc.constant({ kind: 'form-encoded', contentType: 'application/x-www-form-urlencoded', body: () => 'a=1&b=2' }),
      fc.constant({ kind: 'huge body', contentType: 'application/json', body: () => JSON.stringify({ junk: 'x'.repeat(2 * 1024 * 1024) }) }),
    );
    await fc.assert(
      fc.asyncProperty(bodyOpArb, breakages, async (operation, breakage) => {
        const req = rawRequest(spec, operation, credentials);
        const { status, text } = await send({ ...req, headers: { ...req.headers, 'content-type': breakage.contentType }, body: breakage.body(req.body!) });
        expect(status, `${operation.operationId} with ${breakage.kind}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
