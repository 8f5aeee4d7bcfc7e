// Generates the `x-codeSamples` of every operation from the spec itself: a curl command and a TypeScript
// call through our client (`createLoginRadiusClient` from the `loginradius-mfa-client` package).
// Nothing is written per operation: paths, parameters, credentials and bodies all come from the document,
// so a new operation gets its samples on the next build. test/docs/code-samples.test.ts type-checks every
// TypeScript sample of the built page against generated/client.
import { deref, operations, parameterValue, requestBodyExample, successors } from './spec.mjs';

export const CLIENT_PACKAGE = 'loginradius-mfa-client';
export const CLIENT_FACTORY = 'createLoginRadiusClient';

// Placeholders the reader replaces. The API key and the access token are not secrets of the server (the key is
// public by design, the token belongs to the signed-in user); the API secret is read from the environment.
const CREDENTIALS = {
  apiKey: { shell: 'YOUR_API_KEY', ts: `'YOUR_API_KEY'` },
  accessToken: { shell: 'USER_ACCESS_TOKEN', ts: `'USER_ACCESS_TOKEN'` },
  apiSecret: { shell: '$LOGINRADIUS_API_SECRET', ts: 'process.env.LOGINRADIUS_API_SECRET', comment: 'Keep the API secret on your server.' },
};

/** Which credential of the client a security scheme carries (by what it is, not by its component name). */
export function credentialOf(schemeName, scheme) {
  if (!scheme) return undefined;
  if (scheme.type === 'http' && /^bearer$/i.test(scheme.scheme ?? '')) return 'accessToken';
  const name = `${scheme.name ?? ''} ${schemeName}`;
  if (scheme.type === 'apiKey' && /secret/i.test(name)) return 'apiSecret';
  if (scheme.type === 'apiKey' && /token/i.test(name)) return 'accessToken';
  if (scheme.type === 'apiKey' && /api[-_]?key/i.test(name)) return 'apiKey';
  return undefined;
}

function securityAlternatives(spec, op) {
  const requirements = op.security ?? spec.security ?? [];
  return requirements.map((requirement) =>
    Object.keys(requirement).map((name) => {
      const scheme = deref(spec, spec.components?.securitySchemes?.[name]);
      return { name, scheme, credential: credentialOf(name, scheme) };
    }),
  );
}

/**
 * What the client sends by itself (see client/src/index.ts): `apiKey` as the `apikey` query parameter,
 * `accessToken` as `Authorization: Bearer`, `apiSecret` as `X-LoginRadius-ApiSecret` on `/manage/` paths.
 */
function clientSendsItself(entry, path) {
  const { scheme, credential } = entry;
  if (credential === 'apiKey') return scheme.type === 'apiKey' && scheme.in === 'query' && /^apikey$/i.test(scheme.name);
  if (credential === 'accessToken') return scheme.type === 'http';
  if (credential === 'apiSecret')
    return scheme.type === 'apiKey' && scheme.in === 'header' && /^x-loginradius-apisecret$/i.test(scheme.name) && /\/manage\//i.test(path);
  return false;
}

function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/** Double quotes when the text holds a `$VARIABLE` to expand; it never holds `"`, `\` or backticks then. */
function shellWord(text) {
  return /\$[A-Z_]/.test(text) && !/["\\`]/.test(text) ? `"${text}"` : shellQuote(text);
}

function queryString(pairs) {
  const encode = (k, v) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`;
  return pairs
    .flatMap(([k, v]) => {
      if (v && typeof v === 'object' && 'raw' in v) return [`${encodeURIComponent(k)}=${v.raw}`];
      if (Array.isArray(v)) return v.map((item) => encode(k, item)); // style form, explode (the default)
      return [encode(k, v ?? '')];
    })
    .join('&');
}

function requiredParameters(spec, operation, credentialNames) {
  return operation.parameters
    .filter((p) => p.required && !(p.in !== 'path' && credentialNames.has(`${p.in}:${p.name.toLowerCase()}`)))
    .map((p) => ({ p, value: parameterValue(spec, p) }));
}

function notes(operation) {
  const lines = [];
  if (operation.op.deprecated) {
    const next = successors(operation.op);
    lines.push(next.length ? `Deprecated: use ${next.join(' or ')} instead.` : 'Deprecated.');
  }
  return lines;
}

export function curlSample(spec, operation) {
  const { op, method, path } = operation;
  const server = (op.servers ?? operation.pathItem.servers ?? spec.servers ?? [{ url: '' }])[0].url.replace(/\/$/, '');
  const alternative = securityAlternatives(spec, op)[0] ?? [];
  const query = [];
  const headers = [];
  const credentialNames = new Set();
  for (const { scheme, credential, name } of alternative) {
    const value = CREDENTIALS[credential]?.shell ?? `$${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
    if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme)) headers.push(`Authorization: Bearer ${value}`);
    else if (scheme?.type === 'http' && /^basic$/i.test(scheme.scheme)) headers.push(`Authorization: Basic ${value}`);
    else if (scheme?.type === 'apiKey' && scheme.in === 'query') query.push([scheme.name, { raw: value }]);
    else if (scheme?.type === 'apiKey' && scheme.in === 'header') headers.push(`${scheme.name}: ${value}`);
    else if (scheme?.type === 'apiKey' && scheme.in === 'cookie') headers.push(`Cookie: ${scheme.name}=${value}`);
    if (scheme?.type === 'apiKey') credentialNames.add(`${scheme.in}:${scheme.name.toLowerCase()}`);
  }
  let url = path;
  for (const { p, value } of requiredParameters(spec, operation, credentialNames)) {
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    else if (p.in === 'query') query.push([p.name, value]);
    else if (p.in === 'header') headers.push(`${p.name}: ${value}`);
  }
  const body = requestBodyExample(spec, op);
  if (body) headers.push(`Content-Type: ${body.mediaType}`);
  const target = `${server}${url}${query.length ? `?${queryString(query)}` : ''}`;
  const lines = notes(operation).map((n) => `# ${n}`);
  const parts = [`curl -X ${method.toUpperCase()} ${shellWord(target)}`];
  for (const h of headers) parts.push(`-H ${shellWord(h)}`);
  if (body) {
    const data = /json/i.test(body.mediaType) ? JSON.stringify(body.value, null, 2) : String(body.value);
    parts.push(`--data ${shellQuote(data)}`);
  }
  lines.push(parts.join(' \\\n  '));
  return lines.join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A TypeScript literal for a JSON value, indented for the sample. */
export function tsLiteral(value, indent = '') {
  const inner = `${indent}  `;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{\n${entries
    .map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v, inner)},`)
    .join('\n')}\n${indent}}`;
}

export function typescriptSample(spec, operation) {
  const { op, method, path } = operation;
  const alternatives = securityAlternatives(spec, op);
  // Prefer a way to authenticate that the client handles on its own; else the spec's first, made explicit.
  const alternative = alternatives.find((alt) => alt.every((e) => clientSendsItself(e, path))) ?? alternatives[0] ?? [];
  const options = [['apiKey', CREDENTIALS.apiKey.ts]]; // the factory requires the API key on every call
  const query = [];
  const headers = [];
  const explicitHeaders = [];
  const credentialNames = new Set();
  for (const entry of alternative) {
    const { scheme, credential } = entry;
    if (scheme?.type === 'apiKey') credentialNames.add(`${scheme.in}:${scheme.name.toLowerCase()}`);
    if (credential === 'apiKey' && clientSendsItself(entry, path)) continue;
    if (credential && clientSendsItself(entry, path)) {
      options.push([credential, CREDENTIALS[credential].ts, CREDENTIALS[credential].comment]);
      continue;
    }
    // A credential the client does not place by itself: pass it where the scheme says.
    const value = CREDENTIALS[credential]?.ts ?? `'${entry.name.toUpperCase()}'`;
    const declared = operation.parameters.some((p) => p.in === scheme?.in && p.name.toLowerCase() === scheme?.name?.toLowerCase());
    if (scheme?.type === 'apiKey' && scheme.in === 'query' && declared) query.push([scheme.name, { code: value }]);
    else if (scheme?.type === 'apiKey' && scheme.in === 'header') explicitHeaders.push([scheme.name, value]);
    else if (scheme?.type === 'http') explicitHeaders.push(['Authorization', `\`${scheme.scheme} \${${value}}\``]);
  }
  const pathParams = [];
  for (const { p, value } of requiredParameters(spec, operation, credentialNames)) {
    if (p.in === 'path') pathParams.push([p.name, value]);
    else if (p.in === 'query') query.push([p.name, value]);
    else if (p.in === 'header') headers.push([p.name, value]);
  }
  const body = requestBodyExample(spec, op);

  const key = (k) => (IDENTIFIER.test(k) ? k : tsLiteral(k));
  const object = (pairs, indent) =>
    `{\n${pairs
      .map(([k, v]) => `${indent}  ${key(k)}: ${v && typeof v === 'object' && 'code' in v ? v.code : tsLiteral(v, `${indent}  `)},`)
      .join('\n')}\n${indent}}`;
  const init = [];
  const params = [];
  if (pathParams.length) params.push(['path', pathParams]);
  if (query.length) params.push(['query', query]);
  if (headers.length) params.push(['header', headers]);
  if (params.length) init.push(`  params: {\n${params.map(([k, pairs]) => `    ${k}: ${object(pairs, '    ')},`).join('\n')}\n  },`);
  if (body) init.push(`  body: ${tsLiteral(body.value, '  ')},`);
  if (explicitHeaders.length) init.push(`  headers: ${object(explicitHeaders.map(([k, v]) => [k, { code: v }]), '  ')},`);

  const lines = [`import { ${CLIENT_FACTORY} } from '${CLIENT_PACKAGE}';`, ''];
  for (const n of notes(operation)) lines.push(`// ${n}`);
  lines.push(`const client = ${CLIENT_FACTORY}({`);
  for (const [k, v, comment] of options) {
    if (comment) lines.push(`  // ${comment}`);
    lines.push(`  ${k}: ${v},`);
  }
  lines.push('});', '');
  const call = `client.${method.toUpperCase()}(${tsLiteral(path)}`;
  lines.push(init.length ? `const { data, error } = await ${call}, {\n${init.join('\n')}\n});` : `const { data, error } = await ${call});`);
  lines.push('if (error) {');
  lines.push("  // LoginRadius's ErrorCode, Message and Description.");
  lines.push('  throw new Error(JSON.stringify(error));');
  lines.push('}');
  lines.push('console.log(data);');
  return lines.join('\n');
}

/**
 * Adds `x-codeSamples` (curl, TypeScript) to every operation of `spec`, in place. Redoc shows only the languages
 * that redocly.yaml lists under `openapi.codeSamples.languages`: keep the two lists the same.
 */
export function addCodeSamples(spec) {
  for (const operation of operations(spec)) {
    operation.op['x-codeSamples'] = [
      { lang: 'curl', label: 'curl', source: curlSample(spec, operation) },
      { lang: 'TypeScript', label: 'TypeScript', source: typescriptSample(spec, operation) },
    ];
  }
  return spec;
}
