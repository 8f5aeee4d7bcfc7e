// Stage: normalise. Reads the request the way the live LoginRadius API does and renames everything to
// the spec's spelling before Prism sees it:
//   - query names (parameters and query credentials) in any casing; an empty value counts as absent;
//   - booleans in the query and in boolean headers in any casing (`True`, `FALSE`), as the SDKs for
//     other languages send them; anything else stays as sent, for Prism to reject;
//   - `region` (added by the Node SDK v11 and the .NET SDK) dropped unless the operation declares it;
//   - JSON body property names in any casing, at any depth (following the request schema);
//   - no body where none is expected: the body and its Content-Type are ignored.
import { canonicalizeBody } from '../spec/body-names.js';
import type { SpecIndex } from '../spec/index.js';
import { bodyErrorName, namedError, type ReportedViolation } from './errors.js';
import { addValue, jsonReply, setViolationHeader, type Exchange, type Reply } from './exchange.js';

/** Query parameters SDKs add that the spec does not describe; dropped unless an operation declares them. */
const SDK_ADDED_QUERY = new Set(['region']);
/** Prism's query-string alternatives to the Prefer header. */
const CONTROL_QUERY = new Set(['__code', '__example', '__dynamic', '__seed']);

const BOOLEAN = /^(?:true|false)$/i;
const booleanValue = (value: string) => (BOOLEAN.test(value) ? value.toLowerCase() : value);

/** Sets ex.input (for Prism) and ex.normalised (for responders); returns a reply for an unreadable body. */
export function normalise(index: SpecIndex, ex: Exchange): { control: Record<string, string> } | Reply {
  const op = ex.op!;
  const query: Record<string, string | string[]> = {};
  const control: Record<string, string> = {};
  if (ex.search) {
    for (const [name, value] of new URLSearchParams(ex.search)) {
      if (CONTROL_QUERY.has(name)) {
        control[name.slice(2)] = value;
        continue;
      }
      const canonical = op.queryNames.get(name.toLowerCase());
      if (canonical === undefined) {
        if (!SDK_ADDED_QUERY.has(name.toLowerCase())) addValue(query, name, value);
        continue;
      }
      if (value === '') continue;
      if (ex.verbose && canonical !== name) ex.verbose.push(`query ${name} -> ${canonical}`);
      addValue(query, canonical, op.booleanQuery.has(canonical) ? booleanValue(value) : value);
    }
  }

  let headers = ex.request.headers as Record<string, string>;
  for (const name of op.booleanHeaders) {
    const value = headers[name];
    if (value !== undefined && BOOLEAN.test(value) && value !== value.toLowerCase()) headers = { ...headers, [name]: value.toLowerCase() };
  }

  let body: unknown;
  if (!op.requestBody || ex.rawBody.length === 0) {
    if (ex.request.hasBody || headers['content-type'] !== undefined) {
      // No body to read: the live API ignores a body where none is expected, and the Content-Type
      // the Node SDK v11 puts on every GET (Prism would parse it, and throws on a malformed one).
      headers = { ...headers };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers['content-type'];
    }
  } else {
    const contentType = (headers['content-type'] ?? 'application/json').split(';', 1)[0].trim().toLowerCase();
    if (!mediaTypeAccepted(contentType, op.requestMedia)) {
      ex.note = `content-type ${contentType} not accepted`;
      return namedErrorReply(index, ex, 'CONTENT_TYPE_INVALID', [
        { location: ['request', 'header', 'content-type'], severity: 'Error', code: 415, message: `Supported content types: ${op.requestMedia.join(', ')}` },
      ]);
    }
    if (/json/.test(contentType)) {
      try {
        body = JSON.parse(ex.rawBody);
      } catch (error) {
        ex.note = 'malformed JSON';
        return namedErrorReply(index, ex, bodyErrorName(ex.method), [
          { location: ['request', 'body'], severity: 'Error', code: 'parse', message: `Request body is not valid JSON: ${(error as Error).message}` },
        ]);
      }
      const renamed = ex.verbose ? [] : null;
      body = canonicalizeBody(body, op.bodyTree, renamed);
      if (renamed?.length) ex.verbose!.push(`body ${renamed.join(', ')}`);
    } else {
      body = ex.rawBody;
    }
    if (headers['content-length'] === undefined) headers = { ...headers, 'content-length': String(Buffer.byteLength(ex.rawBody)) };
  }

  ex.input = { method: ex.method, url: { path: ex.canonicalPath!, query }, headers, body };
  ex.normalised = {
    method: ex.method,
    operationId: op.operationId,
    pathTemplate: op.path,
    pathParams: ex.pathParams ?? {},
    query,
    headers,
    body,
    apiKey: apiKeyOf(query, headers),
  };
  return { control };
}

function apiKeyOf(query: Record<string, string | string[]>, headers: Record<string, string>): string | undefined {
  const fromQuery = query.apikey;
  if (fromQuery !== undefined) return Array.isArray(fromQuery) ? fromQuery[0] : fromQuery;
  return headers.apikey ?? headers['x-loginradius-apikey'];
}

/** A named LoginRadius error (the operation's documented one when it has it) with Prism-style violations. */
export function namedErrorReply(index: SpecIndex, ex: Exchange, name: string, reported: ReportedViolation[]): Reply {
  const named = namedError(index, ex.op, name);
  setViolationHeader(ex, reported);
  const accepts = named.status ? ex.op?.responses[String(named.status)]?.acceptsViolations : true;
  const value = named.value as Record<string, unknown>;
  return jsonReply(ex, named.status ?? 400, accepts ? { ...value, violations: reported } : value);
}

function mediaTypeAccepted(contentType: string, accepted: string[]): boolean {
  return accepted.some((m) => {
    const a = m.split(';', 1)[0].trim().toLowerCase();
    if (a === contentType || a === '*/*') return true;
    const [type, sub] = a.split('/');
    const [ctype, csub] = contentType.split('/');
    if (sub === '*' && type === ctype) return true;
    // application/json accepts application/*+json (vnd types), as type-is does.
    return a === 'application/json' && ctype === 'application' && /\+json$/.test(csub ?? '');
  });
}
