// Every named example is reachable with `Prefer: example=NAME` alone (the mock finds its status) and
// with `Prefer: code=STATUS`; `--list` shows them all; and no response example, no mock response and
// no dynamic (schema-generated) response carries a `writeOnly` field (passwords, OTPs, secrets), checked where
// the response schema has such a field. One test per behaviour, over a table; the count is in its name.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { deref, namedExamples, operations, repoRoot, responseMedia, type Json, type Operation } from '../support/spec.js';
import { buildValid, send, walkSchema } from './helpers.js';
import { checkTable } from './table.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock?.stop();
});

/** The schemas that apply at one JSON position: the schema and its allOf / oneOf / anyOf branches. */
function branches(schema: Json, out: Json[] = [], seen = new Set<Json>()): Json[] {
  const s = deref(schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return out;
  seen.add(s);
  out.push(s);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) for (const b of s[key] ?? []) branches(b, out, seen);
  return out;
}

/** JSON paths in `value` whose schema (in any branch) is writeOnly. */
export function writeOnlyFields(schema: Json, value: Json, at = ''): string[] {
  const here = branches(schema);
  if (here.some((s) => s.writeOnly === true)) return [at || '/'];
  if (Array.isArray(value)) {
    const items = here.flatMap((s) => (s.items && typeof s.items === 'object' ? [s.items] : []));
    return value.flatMap((v, i) => items.flatMap((item) => writeOnlyFields(item, v, `${at}/${i}`)));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const subs = here.flatMap((s) => {
      const prop = s.properties?.[key];
      if (prop) return [prop];
      return s.additionalProperties && typeof s.additionalProperties === 'object' ? [s.additionalProperties] : [];
    });
    return subs.flatMap((sub) => writeOnlyFields(sub, v, `${at}/${key}`));
  });
}

function firstStatusOf(operation: Operation, name: string): string {
  const statuses = Object.keys(operation.op.responses).filter((s) => namedExamples(responseMedia(operation, s)).some((e) => e.name === name));
  statuses.sort((a, b) => Number(!a.startsWith('2')) - Number(!b.startsWith('2')) || a.localeCompare(b));
  return statuses[0];
}

/** Does the schema hold a writeOnly property anywhere (so that a response could leak one)? */
const holdsWriteOnly = (schema: Json) => [...walkSchema(schema)].some(([, s]) => s.writeOnly === true);

const served = operations.flatMap((operation) =>
  Object.keys(operation.op.responses).flatMap((status) =>
    namedExamples(responseMedia(operation, status)).map(({ name, value }) => ({ operation, status, name, value })),
  ),
);
const byName = [...new Map(served.map((c) => [`${c.operation.operationId} ${c.name}`, c])).values()];
const statusCases = operations.flatMap((operation) => Object.keys(operation.op.responses).map((status) => ({ operation, status })));
// Only schemas that have a writeOnly field can leak one: the others' cases could never fail.
const writeOnlyStatuses = statusCases.filter(({ operation, status }) => holdsWriteOnly(responseMedia(operation, status)?.schema));
const writeOnlyExamples = served.filter(({ operation, status }) => holdsWriteOnly(responseMedia(operation, status)?.schema));

describe('examples served by name and status', () => {
  it(`Prefer: example=NAME alone finds the example's status and serves it (${byName.length} cases)`, async () => {
    await checkTable('Prefer example alone', byName, async ({ operation, name }) => {
      const status = firstStatusOf(operation, name);
      const value = served.find((c) => c.operation === operation && c.name === name && c.status === status)?.value;
      const valid = buildValid(operation);
      const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: `example=${name}` } });
      expect(response.status, response.text).toBe(Number(status));
      expect(response.body).toEqual(value);
    }, { min: 1900, name: (c) => `${c.operation.operationId} ${c.name}` });
  }, 180_000);

  it(`Prefer: code=STATUS serves one of that status's documented examples (${statusCases.length} cases)`, async () => {
    await checkTable('Prefer code', statusCases, async ({ operation, status }) => {
      const valid = buildValid(operation);
      const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: `code=${status}` } });
      expect(response.status, response.text).toBe(Number(status));
      const examples = namedExamples(responseMedia(operation, status));
      if (examples.length > 0) expect(examples.map((e) => e.value)).toContainEqual(response.body);
    }, { min: 500, name: (c) => `${c.operation.operationId} ${c.status}` });
  }, 120_000);
});

describe('no writeOnly field (password, OTP, secret) in a response, where the response schema has one', () => {
  it(`no response example carries a writeOnly field (${writeOnlyExamples.length} cases)`, async () => {
    await checkTable('writeOnly in examples', writeOnlyExamples, ({ operation, status, value }) => {
      expect(writeOnlyFields(responseMedia(operation, status)?.schema, value)).toEqual([]);
    }, { min: 1, name: (c) => `${c.operation.operationId} ${c.status} ${c.name}` });
  });

  it(`no mock response carries one, static or dynamic (${writeOnlyStatuses.length} statuses × 2)`, async () => {
    await checkTable('writeOnly in mock responses', writeOnlyStatuses, async ({ operation, status }) => {
      const schema = responseMedia(operation, status)?.schema;
      const valid = buildValid(operation);
      for (const prefer of [`code=${status}`, `code=${status}, dynamic=true`]) {
        const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: prefer } });
        expect(response.status, `${prefer}: ${response.text}`).toBe(Number(status));
        expect(writeOnlyFields(schema, response.body), prefer).toEqual([]);
      }
    }, { min: 1, name: (c) => `${c.operation.operationId} ${c.status}` });
  });

  it('writeOnlyFields finds a writeOnly field at any depth (the check above can fail)', () => {
    const withSecret = writeOnlyStatuses[0];
    const schema = responseMedia(withSecret.operation, withSecret.status)?.schema;
    const [where] = [...walkSchema(schema)].find(([, s]) => s.writeOnly === true)!;
    const value: Json = {};
    let node = value;
    const segments = where.split('/').slice(1);
    segments.forEach((segment, i) => {
      const key = segment === '*' ? 'k' : segment;
      node[key] = i === segments.length - 1 ? 'leaked' : {};
      node = node[key];
    });
    expect(writeOnlyFields(schema, value).length, `${where} in ${JSON.stringify(value)}`).toBeGreaterThan(0);
  });
});

describe('mock controls', () => {
  const operation = operations[0];
  const valid = buildValid(operation);

  it('an unknown example name is a clear 404 listing the examples', async () => {
    const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: 'example=NoSuchExample' } });
    expect(response.status).toBe(404);
    expect(response.body.Description).toContain('NoSuchExample');
    expect(response.body.Description).toContain(names(operation)[0]);
  });

  it('an undocumented status is a clear 404', async () => {
    const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: 'code=418' } });
    expect(response.status).toBe(404);
    expect(response.body.Description).toContain('418');
  });

  it('a malformed Prefer is a clear 400', async () => {
    const response = await send(mock.baseUrl, { ...valid, headers: { ...valid.headers, Prefer: 'code=abc' } });
    expect(response.status).toBe(400);
    expect(response.body.Description).toContain('abc');
  });

  it('Prism query controls (__example) work too, and are not taken for parameters', async () => {
    const [name] = names(operation);
    const response = await send(mock.baseUrl, { ...valid, query: { ...valid.query, __example: name } });
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(response.status).toBe(Number(firstStatusOf(operation, name)));
  });
});

function names(operation: Operation): string[] {
  return Object.keys(operation.op.responses).flatMap((s) => namedExamples(responseMedia(operation, s)).map((e) => e.name));
}

describe('npm run mock -- --list', () => {
  it('prints every operation, status and example name', () => {
    const output = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'mock.mjs'), '--list'], { encoding: 'utf8' });
    const lines = output.split('\n');
    for (const operation of operations) {
      const start = lines.findIndex((l) => l.startsWith(`${operation.operationId} `));
      expect(start, operation.operationId).toBeGreaterThan(-1);
      expect(lines[start]).toContain(`${operation.method.toUpperCase()} ${operation.path}`);
      const block = [lines[start], ...lines.slice(start + 1).filter((_l, i, rest) => rest.slice(0, i + 1).every((x) => x.startsWith(' ')))];
      for (const status of Object.keys(operation.op.responses)) {
        const row = block.find((l) => l.split(/\s{2,}/).includes(status));
        expect(row, `${operation.operationId} ${status}`).toBeDefined();
        for (const { name } of namedExamples(responseMedia(operation, status))) expect(row).toContain(name);
      }
    }
  });
});
