// The generated reference pages, read from the definition inlined in the built page and checked against the
// plain bundle: the error catalogue has a row per error example with its code, status and operations; the
// legacy mapping has a row per deprecated operation naming its successors; and the docs-only additions never
// leak into the committed bundle (generated/openapi.*).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, operationsOf, outDir, pageDefinition, type DocOperation, type Json } from './support.js';

const spec = bundle();
const docs = pageDefinition();
const specOperations = operationsOf(spec);

function deref(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref.slice(2).split('/').reduce((acc: Json, key: string) => acc?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

const tagDescription = (name: string): string => docs.tags.find((t: Json) => t.name === name)?.description ?? '';
const rows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---')).slice(1);
const errorCode = (value: Json) => value?.[Object.keys(value ?? {}).find((k) => k.toLowerCase() === 'errorcode') ?? ''];
const linkTo = (o: DocOperation) => `[\`${o.operationId}\`](#/`;

/** Which operations return each error example (by component name), straight from the bundle. */
function returnedBy(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const o of specOperations) {
    for (const [status, response] of Object.entries(o.op.responses ?? {}) as [string, Json][]) {
      if (!/^[45]/.test(status)) continue;
      for (const media of Object.values(deref(response)?.content ?? {}) as Json[]) {
        for (const [key, example] of Object.entries(media.examples ?? {}) as [string, Json][]) {
          const name = typeof example.$ref === 'string' ? example.$ref.split('/').pop() : key;
          if (!map.has(name)) map.set(name, new Set());
          map.get(name)!.add(o.operationId);
        }
      }
    }
  }
  return map;
}

describe('generated reference pages', () => {
  it('add a Reference tag group to the docs only; generated/openapi.* stay the plain bundle', () => {
    const group = docs['x-tagGroups'].at(-1);
    expect(group.name).toBe('Reference');
    expect(group.tags).toEqual(['What changed', 'Error catalogue', 'Legacy to current mapping']);
    for (const file of ['openapi.json', 'openapi.yaml']) {
      const text = fs.readFileSync(path.join(outDir, file), 'utf8');
      expect(text.includes('x-codeSamples'), `${file} holds docs-only code samples`).toBe(false);
      expect(text.includes('Legacy to current mapping'), `${file} holds a docs-only page`).toBe(false);
      expect(text.includes('What each release of this API description changed'), `${file} holds the What changed page`).toBe(false);
    }
    expect(spec['x-tagGroups'].map((g: Json) => g.name)).not.toContain('Reference');
  });

  it('the error catalogue has one row per error example, with its code, status and the operations returning it', () => {
    const catalogue = rows(tagDescription('Error catalogue'));
    const returning = returnedBy();
    const examples = Object.entries(spec.components.examples as Record<string, Json>).filter(
      ([name, e]) => e['x-http-status'] !== undefined || returning.has(name),
    );
    expect(catalogue.length).toBe(examples.length);
    const problems: string[] = [];
    for (const [name, example] of examples) {
      const row = catalogue.find((r) => r.includes(`| \`${name}\` `));
      if (!row) {
        problems.push(`${name}: no row`);
        continue;
      }
      const [code, status] = row.split(' | ').map((c) => c.replace(/^\| /, '').trim());
      if (code !== String(errorCode(example.value) ?? '')) problems.push(`${name}: code ${code}, expected ${errorCode(example.value)}`);
      if (example['x-http-status'] !== undefined && !status.startsWith(String(example['x-http-status']))) problems.push(`${name}: status ${status}`);
      const ops = returning.get(name) ?? new Set();
      const cell = row.split(' | ').at(-1)!;
      if (ops.size === specOperations.length) {
        if (!cell.startsWith(`all ${specOperations.length} operations`)) problems.push(`${name}: returned by all, says "${cell}"`);
      } else if (!cell.startsWith('all ')) {
        // Listed one by one or by whole tag: each returning operation is linked or its tag is.
        for (const o of specOperations.filter((x) => ops.has(x.operationId))) {
          if (!cell.includes(linkTo(o)) && !cell.includes(`[${o.op.tags[0]}](`)) problems.push(`${name}: ${o.operationId} missing`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the legacy mapping has one row per deprecated operation, linking its successors', () => {
    const mapping = rows(tagDescription('Legacy to current mapping'));
    const deprecated = specOperations.filter((o) => o.op.deprecated);
    expect(mapping.length).toBe(deprecated.length);
    const problems: string[] = [];
    for (const o of deprecated) {
      const row = mapping.find((r) => r.startsWith(`| ${linkTo(o)}`));
      if (!row) {
        problems.push(`${o.operationId}: no row`);
        continue;
      }
      const successors = ([] as string[]).concat(o.op['x-successor'] ?? []);
      for (const id of successors) {
        const successor = specOperations.find((x) => x.operationId === id);
        if (!successor) problems.push(`${o.operationId}: x-successor ${id} is not an operation of the spec`);
        else if (!row.includes(linkTo(successor))) problems.push(`${o.operationId}: row does not link ${id}`);
      }
      if (!successors.length && !row.includes('no successor')) problems.push(`${o.operationId}: no successor, row says otherwise`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every deprecated operation\'s description in the docs links its successors', () => {
    const problems: string[] = [];
    for (const o of operationsOf(docs).filter((x) => x.op.deprecated)) {
      for (const id of ([] as string[]).concat(o.op['x-successor'] ?? [])) {
        if (!String(o.op.description).includes(`[\`${id}\`](#/`)) problems.push(`${o.operationId} → ${id}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
