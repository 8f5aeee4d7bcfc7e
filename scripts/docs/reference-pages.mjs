// The two generated reference pages of the docs, computed from the bundle at build time:
//   - the error catalogue: every error example (code, HTTP status, meaning) and the operations that return it;
//   - the legacy-to-current mapping: every `deprecated` operation and its `x-successor` operation(s).
// They are injected into a docs-only copy of the bundle as tags (with no operations) of an extra "Reference" tag
// group. In the same copy, `operationId` mentions in descriptions become links, and a deprecated operation whose
// description does not name its successor(s) gets a line that does. generated/openapi.* stay the plain bundle.
import { deref, operationLink, operations, refName, successors, tagLink } from './spec.mjs';

export const REFERENCE_GROUP = 'Reference';
export const ERROR_TAG = 'Error catalogue';
export const LEGACY_TAG = 'Legacy to current mapping';

/** Case-insensitive property lookup (LoginRadius error bodies use ErrorCode, errorCode and errorcode). */
function prop(value, name) {
  if (!value || typeof value !== 'object') return undefined;
  const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : value[key];
}

/** Markdown-safe text for a table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text) {
  return `\`${String(text).replace(/`/g, "'")}\``;
}

function opRef(operation) {
  return `[${code(operation.operationId)}](${operationLink(operation)})`;
}

function opLine(operation) {
  return `${code(`${operation.method.toUpperCase()} ${operation.path}`)}`;
}

/**
 * Every error example reachable from an operation's responses (4xx/5xx, or marked with `x-http-status`),
 * keyed by its component name: { name, code, status, legacyStatus, message, meaning, operations[] }.
 */
export function errorCatalogue(spec) {
  const all = operations(spec);
  const entries = new Map();
  const add = (name, example, status, operation) => {
    let entry = entries.get(name);
    if (!entry) {
      const value = example.value;
      entry = {
        name,
        code: prop(value, 'ErrorCode'),
        status: example['x-http-status'] !== undefined ? String(example['x-http-status']) : undefined,
        legacyStatus: example['x-legacy-http-status'] !== undefined ? String(example['x-legacy-http-status']) : undefined,
        attachedStatuses: new Set(),
        message: prop(value, 'Message'),
        meaning: prop(value, 'Description') ?? String(example.summary ?? '').replace(/^\d+:\s*/, ''),
        operations: [],
      };
      entries.set(name, entry);
    }
    entry.attachedStatuses.add(status);
    if (operation && !entry.operations.includes(operation)) entry.operations.push(operation);
  };
  for (const operation of all) {
    for (const [status, rawResponse] of Object.entries(operation.op.responses ?? {})) {
      const response = deref(spec, rawResponse);
      for (const media of Object.values(response?.content ?? {})) {
        for (const [key, rawExample] of Object.entries(media.examples ?? {})) {
          const example = deref(spec, rawExample);
          if (!example || (!/^[45]/.test(status) && example['x-http-status'] === undefined)) continue;
          add(refName(rawExample) ?? key, example, status, operation);
        }
      }
    }
  }
  // Error examples that no operation returns (yet) still belong in the catalogue.
  for (const [name, raw] of Object.entries(spec.components?.examples ?? {})) {
    const example = deref(spec, raw);
    if (example?.['x-http-status'] !== undefined && !entries.has(name)) add(name, example, String(example['x-http-status']));
  }
  const list = [...entries.values()].map((e) => ({
    ...e,
    status: e.status ?? [...e.attachedStatuses].filter(Boolean).sort().join(', '),
    attachedStatuses: [...e.attachedStatuses].filter(Boolean).sort(),
  }));
  const num = (v) => (typeof v === 'number' ? v : Number.parseInt(v, 10));
  list.sort((a, b) => (num(a.code) || 1e9) - (num(b.code) || 1e9) || String(a.status).localeCompare(String(b.status)) || a.name.localeCompare(b.name));
  return { entries: list, operationCount: all.length };
}

/** Every deprecated operation with its successors resolved: { operation, successors: [{ id, operation? }], reason }. */
export function legacyMapping(spec) {
  const all = operations(spec);
  const byId = new Map(all.map((o) => [o.operationId, o]));
  return all
    .filter((o) => o.op.deprecated)
    .map((operation) => ({
      operation,
      successors: successors(operation.op).map((id) => ({ id, operation: byId.get(id) })),
      reason: operation.op['x-no-successor-reason'],
    }));
}

/**
 * A short list of operations: a tag whose every operation is in the set reads "the <Tag> operations (n)",
 * the other operations are listed one by one. Returns the items of the list.
 */
function groupedByTag(ops, all) {
  const items = [];
  const tags = [...new Set(all.map((o) => o.op.tags?.[0] ?? ''))];
  for (const tag of tags) {
    const ofTag = all.filter((o) => (o.op.tags?.[0] ?? '') === tag);
    const chosen = ofTag.filter((o) => ops.some((x) => x.operationId === o.operationId));
    if (!chosen.length) continue;
    if (tag && chosen.length === ofTag.length && ofTag.length > 1) items.push(`the [${tag}](${tagLink(tag)}) operations (${ofTag.length})`);
    else items.push(...chosen.map(opRef));
  }
  return items;
}

/** Which operations return an error, in the fewest words: all, all but some, or the ones that do. */
function operationsCell(entry, all) {
  const ops = entry.operations;
  if (!ops.length) return 'none yet';
  if (ops.length === all.length) return `all ${all.length} operations`;
  const returning = groupedByTag(ops, all);
  const others = groupedByTag(all.filter((o) => !ops.some((x) => x.operationId === o.operationId)), all);
  return others.length < returning.length
    ? `all ${all.length} operations except ${others.join(', ')}`
    : returning.join(', ');
}

export function errorCatalogueMarkdown(spec) {
  const { entries } = errorCatalogue(spec);
  const all = operations(spec);
  const perCode = new Map();
  for (const e of entries) perCode.set(e.code, (perCode.get(e.code) ?? 0) + 1);
  const [busiest, most] = [...perCode].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  const lines = [
    `Every error this API documents: ${entries.length} error bodies with ${perCode.size} distinct \`ErrorCode\` values,`,
    'generated from the error examples of the spec when these docs are built.' +
      (most > 1 ? ` One code can have several bodies (${busiest} has ${most}, one per cause).` : ''),
    'Each body has a name, which the mock (`npm run mock`) serves on request with the header `Prefer: example=NAME`.',
    '',
    '**HTTP** is the status the error is documented under; where LoginRadius\'s older response-code table gives a',
    'different one, it follows as "legacy". The text after the name is the `Message` and `Description` that',
    'LoginRadius sends in the body. Each operation\'s responses say when the error happens and what to do.',
    '',
    '| Code | HTTP | Error | Returned by |',
    '| --- | --- | --- | --- |',
  ];
  for (const e of entries) {
    const status = e.legacyStatus && e.legacyStatus !== e.status ? `${e.status} (legacy: ${e.legacyStatus})` : e.status;
    const message = String(e.message ?? '').trim();
    const joined = /[.!?]$/.test(message) ? `${message} ${e.meaning}` : `${message}: ${e.meaning}`;
    const meaning = message && e.meaning && message !== e.meaning ? joined : e.meaning || message;
    lines.push(`| ${cell(e.code ?? '')} | ${cell(status)} | ${code(e.name)} ${cell(meaning)} | ${cell(operationsCell(e, all))} |`);
  }
  return lines.join('\n');
}

export function legacyMappingMarkdown(spec) {
  const rows = legacyMapping(spec);
  const lines = [
    'The legacy operations are the paths that the current API replaced but that the widely installed Node SDK v11',
    'still calls. They are marked `deprecated` in the spec, and `x-successor` names the operation(s) that replace',
    `each one. This table is generated from those two fields when the docs are built (${rows.length} legacy operations).`,
    '',
    '| Legacy operation | Replaced by |',
    '| --- | --- |',
  ];
  for (const { operation, successors: next, reason } of rows) {
    const target = next.length
      ? next.map((s) => (s.operation ? `${opRef(s.operation)} ${opLine(s.operation)}` : `${code(s.id)} (not in this spec)`)).join('<br>')
      : `no successor${reason ? `: ${cell(reason)}` : ''}`;
    lines.push(`| ${opRef(operation)} ${opLine(operation)} | ${target} |`);
  }
  return lines.join('\n');
}

/** The line added to a deprecated operation's description in the docs copy. */
export function successorNote(spec, operation) {
  const byId = new Map(operations(spec).map((o) => [o.operationId, o]));
  const next = successors(operation.op);
  const reason = operation.op['x-no-successor-reason'];
  const targets = next.map((id) => {
    const s = byId.get(id);
    return s ? `${opRef(s)} (${opLine(s)})` : code(id);
  });
  const text = targets.length
    ? `**Deprecated.** Use ${targets.join(' or ')} instead.`
    : `**Deprecated.** No successor${reason ? `: ${reason}` : '.'}`;
  return `${text} See the [legacy to current mapping](${tagLink(LEGACY_TAG)}).`;
}

/**
 * Turns inline-code mentions of operationIds (`reauthVerifyMfa`) in Markdown into links to those operations,
 * outside fenced code blocks and existing links.
 */
export function linkOperationMentions(markdown, linkFor, selfId) {
  if (typeof markdown !== 'string') return markdown;
  return markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk.replace(/(\[)?`([A-Za-z_][\w.-]*)`(\]\()?/g, (whole, open, id, close) => {
            const link = id !== selfId && !open && !close ? linkFor(id) : undefined;
            return link ? `[\`${id}\`](${link})` : whole;
          }),
    )
    .join('');
}

/**
 * Adds the reference pages to a docs-only copy of the bundle, in place: two tags holding the generated tables
 * in an extra `x-tagGroups` entry; mentions of operationIds in descriptions become links; and a deprecated
 * operation whose description does not already name its successor(s) gets a line that does.
 */
export function addReferencePages(spec) {
  const catalogue = errorCatalogueMarkdown(spec);
  const mapping = legacyMappingMarkdown(spec);
  const all = operations(spec);
  const byId = new Map(all.map((o) => [o.operationId, o]));
  const linkFor = (id) => (byId.has(id) ? operationLink(byId.get(id)) : undefined);
  for (const operation of all) {
    const { op } = operation;
    const description = op.description ?? '';
    if (op.deprecated && !successors(op).every((id) => description.includes(`\`${id}\``))) {
      op.description = `${successorNote(spec, operation)}\n\n${description}`.trim();
    }
    op.description = linkOperationMentions(op.description, linkFor, operation.operationId);
  }
  for (const tag of spec.tags ?? []) tag.description = linkOperationMentions(tag.description, linkFor);
  if (spec.info) spec.info.description = linkOperationMentions(spec.info.description, linkFor);
  spec.tags = [
    ...(spec.tags ?? []),
    { name: ERROR_TAG, description: catalogue },
    { name: LEGACY_TAG, description: mapping },
  ];
  // Redoc shows only the tags of a group once a spec has groups; without groups, the two tags simply come last.
  if (Array.isArray(spec['x-tagGroups'])) {
    spec['x-tagGroups'] = [...spec['x-tagGroups'], { name: REFERENCE_GROUP, tags: [ERROR_TAG, LEGACY_TAG] }];
  }
  return spec;
}
