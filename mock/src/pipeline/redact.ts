// What a log may show of a request: names, and for every credential or secret only that a value was
// there. Secret names come from the spec (every security scheme's parameter or header, every writeOnly
// property) plus the words LoginRadius uses for secrets (password, secret, token, sott, otp, codes,
// PINs, answers, captchas), matched in any casing and with any separators (`X-LoginRadius-ApiSecret`,
// `apiSecret`, `access_token`, `SecurityQuestionAnswer`...).
import type { OpenApiDocument } from '../spec/load.js';

export const REDACTED = '[redacted]';

const SECRET_WORDS = /password|secret|token|sott|otp|passcode|captcha|answer|apikey|credential|signature|authorization|cookie|code$|^pin$/;
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface Redactor {
  isSecret(name: string): boolean;
  /** A copy of a query or header record with secret values replaced. */
  record(values: Record<string, unknown>): Record<string, unknown>;
  /** A copy of a JSON value with every secret property's value replaced, at any depth. */
  json(value: unknown): unknown;
}

export function createRedactor(doc: OpenApiDocument): Redactor {
  const names = new Set<string>();
  for (const scheme of Object.values(doc.components?.securitySchemes ?? {})) if (scheme?.name) names.add(squash(scheme.name));
  collectWriteOnlyNames(doc, names);
  const cache = new Map<string, boolean>();
  const isSecret = (name: string) => {
    let secret = cache.get(name);
    if (secret === undefined) {
      const s = squash(name);
      secret = names.has(s) || SECRET_WORDS.test(s);
      if (cache.size < 10_000) cache.set(name, secret);
    }
    return secret;
  };
  const hide = (value: unknown) => (value === '' || value === undefined || value === null ? value : REDACTED);
  function json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(json);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = isSecret(key) ? hide(v) : json(v);
    return out;
  }
  return {
    isSecret,
    record: (values) => {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(values)) out[key] = isSecret(key) ? (Array.isArray(v) ? v.map(hide) : hide(v)) : v;
      return out;
    },
    json,
  };
}

/** Every property name declared writeOnly anywhere in the document. */
function collectWriteOnlyNames(doc: object, into: Set<string>): void {
  const seen = new Set<object>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const properties = (node as { properties?: unknown }).properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [name, schema] of Object.entries(properties)) if ((schema as { writeOnly?: boolean })?.writeOnly === true) into.add(squash(name));
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(doc);
}
