// The validate stage hands Prism the operation narrowed to the parameters a request carries plus the required
// ones (mock/src/prism/narrow.ts), because Prism's cost grows with every parameter listed. Prism's verdict must
// not change: for every operation, generated queries and headers (present, absent, empty, wrong type, unknown
// names, any casing) get the same violations from the whole operation and from the narrowed one.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrowResource } from '../../mock/src/prism/narrow.js';
import { httpOperationsFromDocument, validator, type PrismInput } from '../../mock/src/prism/prism.js';
import { repoRoot } from '../support/spec.js';

interface Param {
  name: string;
  required?: boolean;
  schema?: { type?: string; enum?: unknown[]; example?: unknown };
}
interface Resource {
  method: string;
  path: string;
  request: { query?: Param[]; headers?: Param[]; path?: Param[] };
}

let resources: Resource[] = [];
beforeAll(async () => {
  const doc = JSON.parse(fs.readFileSync(path.join(repoRoot, 'generated', 'openapi.json'), 'utf8')) as object;
  resources = (await httpOperationsFromDocument(doc)) as Resource[];
});

const verdict = (resource: object, element: PrismInput) => {
  const result = validator.validateInput({ resource, element });
  return result._tag === 'Left' ? result.left : [];
};

/** Values that pass and values that fail the parameter's schema. */
const valuesFor = (p: Param) => fc.constantFrom(...[...(p.schema?.enum ?? []), p.schema?.example, 'x', '', '12', 'true', 'FALSE', 'not a number', '2026-11-30'].filter((v) => v !== undefined).map(String));

function elementFor(resource: Resource) {
  const query = resource.request.query ?? [];
  const headers = resource.request.headers ?? [];
  const pick = (params: Param[], caseChange: boolean) =>
    fc.array(fc.tuple(fc.constantFrom(...(params.length ? params : [{ name: 'unlisted' }])), fc.boolean(), fc.boolean()), { maxLength: 6 }).chain((picked) =>
      fc.tuple(...picked.map(([p, upper, unknown]) => fc.tuple(fc.constant(unknown ? `${p.name}-unknown` : caseChange && upper ? p.name.toUpperCase() : p.name), valuesFor(p)))),
    );
  return fc.tuple(pick(query, false), pick(headers, true)).map(([q, h]) => ({
    method: resource.method,
    url: { path: resource.path, query: Object.fromEntries(q) },
    headers: Object.fromEntries(h.map(([name, value]) => [name.toLowerCase(), value])),
  }));
}

describe('Prism sees a narrowed operation and gives the same verdict', () => {
  it('narrows: the login operation keeps only its required and present parameters', () => {
    const login = resources.find((r) => r.method === 'post' && r.path === '/identity/v2/auth/login')!;
    expect(login.request.query!.length).toBeGreaterThan(20);
    const bare = narrowResource(login, {}, {}) as Resource;
    expect(bare).not.toBe(login);
    expect(bare.request.query ?? []).toEqual(login.request.query!.filter((p) => p.required));
    expect(bare.request.path).toBeUndefined();
    const withTemplate = narrowResource(login, { emailtemplate: 't' }, { 'x-preventwebhook': 'true' }) as Resource;
    expect(withTemplate.request.query!.map((p) => p.name)).toContain('emailtemplate');
    expect(withTemplate.request.headers!.map((p) => p.name.toLowerCase())).toEqual(['x-preventwebhook']);
    // The same combination gives the same object, so Prism's per-list schema cache keeps working.
    expect(narrowResource(login, { emailtemplate: 'u' }, { 'x-preventwebhook': 'false' })).toBe(withTemplate);
  });

  it('same violations on the whole and the narrowed operation, for generated parameters of every operation', () => {
    expect(resources.length, 'operations').toBeGreaterThanOrEqual(97);
    let compared = 0;
    let invalid = 0;
    for (const resource of resources) {
      fc.assert(
        fc.property(elementFor(resource), (element) => {
          const whole = verdict(resource, element);
          expect(verdict(narrowResource(resource, element.url.query, element.headers), element)).toEqual(whole);
          compared++;
          if (whole.length) invalid++;
        }),
        { numRuns: 30, seed: 20261130 },
      );
    }
    console.log(`narrow: ${compared} generated requests over ${resources.length} operations, ${invalid} of them invalid, same verdicts`);
    expect(invalid, 'the generated requests must include invalid ones').toBeGreaterThan(compared / 10);
  });
});
