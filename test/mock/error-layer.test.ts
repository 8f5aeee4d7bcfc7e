// The mock's LoginRadius error layer, pinned: for every operation and every required credential, parameter, header
// and body field (at any depth), a request without it, or with it empty, gets the error LoginRadius documents for
// it, the one test/inventory/operations.json names: the documented example (its status, ErrorCode, Message and
// Description), or where no example names the field, the generic 908 whose Description names it. The cases come
// from the reviewed inventory, not from the spec, so a spec that stops requiring a field fails here (the mock
// answers 200) instead of quietly dropping the case.
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_REQUIRED, readInventory } from '../../scripts/inventory.mjs';
import { operations, responseValidator, type Json, type Operation } from '../support/spec.js';
import { bodyValidator, buildValid, errorField, expectExample, namesField, send, startInProcessCore, type Handler, type RawRequest, type RawResponse } from './helpers.js';
import { checkTable } from './table.js';

// The mock's core, called with Fetch Requests (no socket): the error layer is the same either way, and this is
// fast enough for `npm run mutate` to run per mutant.
let mock: { handle: Handler };
beforeAll(async () => {
  mock = await startInProcessCore();
});

interface Expected {
  status: number;
  example?: string;
  generic?: string;
}
interface Case {
  operation: Operation;
  input: string;
  expected: Expected;
  request: RawRequest;
}

const inventory = readInventory();
const byId = new Map(operations.map((o) => [o.operationId, o]));

/** Removes (or empties) one input of a valid request, as named in the inventory ("query x", "body a.b[].c"...). */
function withInput(operation: Operation, input: string, how: 'missing' | 'empty'): RawRequest | null {
  const request: RawRequest = structuredClone(buildValid(operation));
  const [where, ...rest] = input.split(' ');
  const location = where === 'credential' ? rest.shift()! : where;
  const name = rest.join(' ');
  const set = (target: Record<string, string>, key: string) => {
    const actual = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
    if (actual === undefined) throw new Error(`${operation.operationId}: the valid request has no ${input}`);
    if (how === 'missing') delete target[actual];
    else target[actual] = '';
  };
  if (location === 'query') set(request.query, name);
  else if (location === 'header') {
    if (how === 'empty') return null; // an empty header is not what clients send; only query values are read empty
    set(request.headers, name);
  } else if (location === 'body' && name === '') {
    if (how === 'empty') return null;
    request.body = undefined;
  } else if (location === 'body') {
    const segments = name.split('.');
    let node = request.body;
    for (const segment of segments.slice(0, -1)) {
      node = node?.[segment.replace(/\[\]$/, '')];
      if (segment.endsWith('[]')) node = node?.[0];
    }
    const field = segments.at(-1)!;
    if (!node || typeof node !== 'object' || !(field in node)) throw new Error(`${operation.operationId}: the example body has no ${name}`);
    if (how === 'missing') delete node[field];
    else {
      if (typeof node[field] !== 'string') return null;
      node[field] = '';
      // Only where the spec forbids the empty string by length: that is what LoginRadius reads as missing.
      const validate = bodyValidator(operation);
      const pointer = `/${segments.map((s) => s.replace(/\[\]$/, '')).join('/')}`.replace(/\/([^/]+)\[\]/g, '/$1/0');
      if (validate(request.body) || !validate.errors?.some((e) => e.keyword === 'minLength' && e.instancePath.replace(/\/0(?=\/|$)/g, '') === pointer.replace(/\/0(?=\/|$)/g, ''))) return null;
    }
  } else throw new Error(`${operation.operationId}: unknown input kind in the inventory: ${input}`);
  return request;
}

function casesFor(how: 'missing' | 'empty'): Case[] {
  return Object.entries(inventory.operations as Record<string, Json>).flatMap(([id, entry]) => {
    const operation = byId.get(id);
    if (!operation) throw new Error(`the inventory names ${id}, which the spec no longer has: update both places (node scripts/inventory.mjs)`);
    return Object.entries(entry.whenMissing as Record<string, Expected>).flatMap(([input, expected]) => {
      const request = withInput(operation, input, how);
      return request ? [{ operation, input, expected, request }] : [];
    });
  });
}

/** The field name an input stands for ("query apikey" -> apikey, "body a.b[].c" -> c, a credential's header...). */
function fieldOf(input: string): string {
  if (input === 'body') return 'body';
  if (input === 'credential header Authorization') return 'access_token';
  return input.split(' ').at(-1)!.split('.').at(-1)!.replace(/\[\]$/, '');
}

function expectAnswer(c: Case, response: RawResponse) {
  const context = `${c.operation.operationId} ${c.input}`;
  // Whatever the mock adds (a `violations` list), the whole body still fits the documented schema of its status.
  if (c.operation.op.responses[String(response.status)]) {
    const validate = responseValidator(c.operation, String(response.status));
    if (!validate(response.body)) throw new Error(`${context}: the ${response.status} body does not fit its schema: ${JSON.stringify(validate.errors)}`);
  }
  if (c.expected.example) {
    expectExample(c.operation, response, c.expected.status, c.expected.example, context);
    return;
  }
  const got = { status: response.status, ErrorCode: errorField(response.body, 'ErrorCode'), Message: errorField(response.body, 'Message'), Description: errorField(response.body, 'Description') };
  expect(got, `${context}: ${response.text}`).toEqual({ status: c.expected.status, ...GENERIC_REQUIRED, Description: c.expected.generic });
  expect(namesField(response, fieldOf(c.input)), `${context}: the Description does not name ${fieldOf(c.input)}`).toBe(true);
}

const missing = casesFor('missing');
const empty = casesFor('empty');
const totalInventoryCases = Object.values(inventory.operations as Record<string, Json>).reduce((n, e) => n + Object.keys(e.whenMissing).length, 0);
const operationCount = new Set(missing.map((c) => c.operation.operationId)).size;

describe('the LoginRadius error for a missing or empty required input (test/inventory/operations.json)', () => {
  it(`every inventoried input, left out, gets its documented error (${missing.length} cases over ${operationCount} operations)`, async () => {
    // Every case of the inventory is built: none is skipped because the spec or its examples changed.
    expect(missing.length).toBe(totalInventoryCases);
    await checkTable('missing required input', missing, async (c) => expectAnswer(c, await send(mock.handle, c.request)), {
      min: 300,
      name: (c) => `${c.operation.operationId} without ${c.input}`,
    });
  }, 120_000);

  it(`every required query value or length-limited body string sent empty gets the same error as when missing (${empty.length} cases)`, async () => {
    await checkTable('empty required input', empty, async (c) => expectAnswer(c, await send(mock.handle, c.request)), {
      min: 150,
      name: (c) => `${c.operation.operationId} with ${c.input} empty`,
    });
  }, 120_000);

  it('a documented example answers most missing inputs; the generic 908 only where none names the field', () => {
    const generic = missing.filter((c) => c.expected.generic).length;
    console.log(`error layer: ${missing.length - generic} missing-input cases answered by a documented example, ${generic} by the generic 908`);
    // If the example matching broke, the inventory would be regenerated with generic answers everywhere: the
    // reviewed file keeps today's split, and this keeps the split from sliding unnoticed.
    expect(missing.length - generic).toBeGreaterThanOrEqual(250);
  });
});
