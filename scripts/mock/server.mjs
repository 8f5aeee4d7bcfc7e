// The mock (and validation proxy) HTTP server: Prism's validators, mocker and forwarder in-process,
// behind a front that makes requests look the way the live LoginRadius API reads them:
//   - path segments, query names and JSON body property names match the spec case-insensitively
//     (renamed to the spec's spelling before Prism validates them, so Prism validates types,
//     formats and required fields exactly as it does for the canonical spelling);
//   - an empty query value (`isVoiceOtp=`, as the Node SDK v11 sends) counts as absent;
//   - `region` (added to every call by the Node SDK v11 and the .NET SDK, not in the spec) is dropped
//     unless an operation declares it; other undeclared query parameters are ignored, as Prism does;
//   - invalid requests get the LoginRadius error envelope the spec documents (see errors.mjs) plus
//     Prism's violations (`sl-violations` header, and a `violations` array in the body when the
//     response schema allows extra properties).
import http from 'node:http';
import { buildIndex, canonicalizeBody, readSpecDocument, route, stripWriteOnly } from './spec.mjs';
import { bodyErrorName, chooseErrorResponse, envelope, missingCredentials, namedError, toReported } from './errors.mjs';
import { httpOperationsFromDocument, mocker, silentLogger, validator, loadProxyParts } from './prism.mjs';

/** Query parameters SDKs add that the spec does not describe; dropped unless an operation declares them. */
export const SDK_ADDED_QUERY = ['region'];
/** Prism's query-string alternatives to the Prefer header. */
const CONTROL_QUERY = ['__code', '__example', '__dynamic', '__seed'];
const MAX_BODY = 1024 * 1024;

export async function createMockServer(options) {
  const {
    specPath,
    mode = 'mock',
    upstream,
    verbose = false,
    quiet = false,
    dynamic = false,
    errors = true,
    out = process.stdout,
  } = options;
  const started = performance.now();
  const { doc, text } = await readSpecDocument(specPath);
  const index = buildIndex(doc);
  // Prism dereferences in place: give it its own copy.
  const resources = await httpOperationsFromDocument(JSON.parse(/\.json$/i.test(specPath) ? text : JSON.stringify(doc)));
  const byKey = new Map(resources.map((r) => [`${r.method} ${r.path}`, r]));
  for (const op of index.operations) {
    op.resource = byKey.get(`${op.method} ${op.path}`);
    if (!op.resource) throw new Error(`Prism produced no operation for ${op.method.toUpperCase()} ${op.path}`);
  }
  const logger = silentLogger();
  const log = createLineLogger(out);
  const serialized = new WeakMap();

  let proxy = null;
  if (mode === 'proxy') proxy = createProxy({ upstream, logger, resources });

  async function handle(req, res) {
    const t0 = performance.now();
    const ctx = { op: null, note: '', verbose: verbose ? [] : null };
    try {
      await dispatch(req, res, ctx);
    } catch (error) {
      // A bug in the mock, never the client's fault: say so, but keep it a clear JSON answer.
      ctx.note = `internal error: ${error.stack ?? error}`;
      if (!res.headersSent) sendJson(res, 500, envelope(7909, 'Mock internal error', String(error.message ?? error)));
      else res.destroy();
    }
    if (!quiet) {
      const ms = (performance.now() - t0).toFixed(2);
      const pathOnly = req.url.split('?', 1)[0];
      log.line(`${req.method} ${pathOnly} ${res.statusCode} ${ms}ms${ctx.op ? ` ${ctx.op.operationId}` : ''}${ctx.note ? ` ${ctx.note}` : ''}`);
      if (ctx.verbose?.length) for (const l of ctx.verbose) log.line(`    ${l}`);
    }
  }

  async function dispatch(req, res, ctx) {
    const method = req.method.toLowerCase();
    const rawUrl = req.url;
    const qi = rawUrl.indexOf('?');
    const rawPath = qi === -1 ? rawUrl : rawUrl.slice(0, qi);
    const search = qi === -1 ? '' : rawUrl.slice(qi + 1);
    const origin = req.headers.origin;
    if (origin) setCors(req, res);
    if (method === 'options' && origin && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', req.headers['access-control-request-method']);
      res.setHeader('Vary', 'origin');
      res.statusCode = 204;
      res.end();
      return;
    }

    const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
    let rawBody = '';
    if (hasBody) {
      rawBody = await readBody(req);
      if (rawBody === undefined) {
        ctx.note = 'request body could not be read (client went away?)';
        res.setHeader('Connection', 'close');
        return sendJson(res, 400, envelope(400, 'Bad request', 'The request body could not be read.'));
      }
      if (rawBody === null) {
        ctx.note = 'body too large';
        res.setHeader('Connection', 'close');
        return sendJson(res, 413, envelope(413, 'Request entity too large', `The request body exceeds ${MAX_BODY} bytes.`));
      }
    }

    const found = route(index, method, rawPath);
    if (!found || !found.op) {
      if (proxy) return proxy.forwardUnknown(req, res, ctx, { method, rawPath, search, rawBody });
      if (!found) {
        const nf = namedError(index, null, 'RESOURCE_NOT_FOUND');
        return sendJson(res, 404, nf.value);
      }
      res.setHeader('Allow', found.allowed.join(', '));
      return sendJson(
        res,
        405,
        envelope(405, 'Method not allowed', `The ${req.method} method is not supported by ${rawPath}; use ${found.allowed.join(' or ')}.`),
      );
    }
    const { op, canonicalPath } = found;
    ctx.op = op;

    // ---- query: canonical names, empty values absent, SDK extras dropped, mock controls read ----
    const query = {};
    const rawQuery = {};
    const control = {};
    if (search) {
      for (const [name, value] of new URLSearchParams(search)) {
        addValue(rawQuery, name, value);
        if (CONTROL_QUERY.includes(name)) {
          control[name.slice(2)] = value;
          continue;
        }
        const canonical = op.queryNames.get(name.toLowerCase());
        if (canonical === undefined) {
          if (SDK_ADDED_QUERY.includes(name.toLowerCase())) continue;
          addValue(query, name, value);
          continue;
        }
        if (value === '') continue;
        if (ctx.verbose && canonical !== name) ctx.verbose.push(`query ${name} -> ${canonical}`);
        addValue(query, canonical, value);
      }
    }

    // ---- body: content type, JSON, canonical property names ----
    let headers = req.headers;
    let body;
    if (!op.requestBody || rawBody.length === 0) {
      if (hasBody || headers['content-type'] !== undefined) {
        // No body to read: the live API ignores a body where none is expected, and the Content-Type
        // the Node SDK v11 puts on every GET (Prism would parse it, and throws on a malformed one).
        headers = { ...req.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        delete headers['content-type'];
      }
    } else {
      const contentType = (req.headers['content-type'] ?? 'application/json').split(';', 1)[0].trim().toLowerCase();
      if (!mediaTypeAccepted(contentType, op.requestMedia)) {
        ctx.note = `content-type ${contentType} not accepted`;
        return sendNamedError(res, ctx, op, 'CONTENT_TYPE_INVALID', [
          { location: ['request', 'header', 'content-type'], severity: 'Error', code: 415, message: `Supported content types: ${op.requestMedia.join(', ')}` },
        ]);
      }
      if (/json/.test(contentType)) {
        try {
          body = JSON.parse(rawBody);
        } catch (error) {
          ctx.note = 'malformed JSON';
          return sendNamedError(res, ctx, op, bodyErrorName(method), [
            { location: ['request', 'body'], severity: 'Error', code: 'parse', message: `Request body is not valid JSON: ${error.message}` },
          ]);
        }
        const renamed = ctx.verbose ? [] : null;
        body = canonicalizeBody(body, op.bodyTree, renamed);
        if (renamed?.length) ctx.verbose.push(`body ${renamed.join(', ')}`);
      } else {
        body = rawBody;
      }
      if (headers['content-length'] === undefined) headers = { ...headers, 'content-length': String(Buffer.byteLength(rawBody)) };
    }
    if (ctx.verbose) {
      ctx.verbose.push(`query ${JSON.stringify(query)}`);
      if (body !== undefined) ctx.verbose.push(`body ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    }

    const input = { method, url: { path: canonicalPath, query }, headers, body };
    if (proxy) return proxy.forward(req, res, ctx, op, input, { method, rawPath, search, rawQuery, rawBody });

    // ---- Prefer: code / example / dynamic ----
    const prefer = parsePrefer(req.headers.prefer, control);
    if (prefer.error) return sendMockControlError(res, ctx, 400, prefer.error);
    let code = prefer.code;
    const exampleKey = prefer.example;
    if (exampleKey !== undefined && code === undefined) {
      const statuses = op.exampleStatuses.get(exampleKey);
      if (!statuses) return sendMockControlError(res, ctx, 404, `${op.operationId} has no example named "${exampleKey}". Examples: ${[...op.exampleStatuses.keys()].join(', ')}.`);
      code = statuses[0];
    }
    if (code !== undefined && !op.responses[code]) {
      return sendMockControlError(res, ctx, 404, `${op.operationId} documents no ${code} response. Statuses: ${op.statuses.join(', ')}.`);
    }
    if (code !== undefined && exampleKey !== undefined && !op.responses[code].examples.has(exampleKey)) {
      return sendMockControlError(res, ctx, 404, `${op.operationId} has no example "${exampleKey}" under ${code}. Examples there: ${[...op.responses[code].examples.keys()].join(', ') || 'none'}.`);
    }

    // ---- Prism: security and request validation ----
    const violations = [];
    const sec = validator.validateSecurity({ resource: op.resource, element: input });
    if (sec._tag === 'Left') violations.push(...sec.left);
    const inp = validator.validateInput({ resource: op.resource, element: input });
    if (inp._tag === 'Left') violations.push(...inp.left);
    const reported = violations.map((v) => toReported(v));
    if (sec._tag === 'Left') {
      // Prism says only "Invalid security scheme used"; name what is missing.
      for (const scheme of missingCredentials(op, input)) {
        const isBearer = scheme.type === 'http';
        reported.push({
          location: ['request', isBearer ? 'header' : scheme.in, isBearer ? 'Authorization' : scheme.name],
          severity: 'Error',
          code: 'required',
          message: `Missing credential ${isBearer ? `Authorization: ${scheme.scheme ?? 'Bearer'} <token>` : `${scheme.in} ${scheme.name}`} (security scheme ${scheme.key})`,
        });
      }
    }
    if (reported.length) setViolationHeader(res, reported);
    const invalid = violations.some((v) => v.severity === 0);

    let mockConfig = { dynamic: prefer.dynamic ?? dynamic, seed: prefer.seed, code: code === undefined ? undefined : Number(code), exampleKey };
    let addViolations = false;
    if (invalid && !(code !== undefined && !/^2/.test(code))) {
      // Invalid, and the client did not explicitly ask for an error response: answer as LoginRadius would.
      const chosen = chooseErrorResponse(index, op, violations, input);
      ctx.note = `invalid: ${chosen.field ?? 'request'}${chosen.exampleName ? ` -> ${chosen.exampleName}` : ''}`;
      if (chosen.body) return sendJson(res, chosen.status, { ...chosen.body, violations: reported });
      mockConfig = { dynamic: false, code: chosen.status, exampleKey: chosen.exampleName };
      addViolations = op.responses[String(chosen.status)]?.acceptsViolations ?? false;
    }
    if (ctx.verbose && reported.length) for (const v of reported) ctx.verbose.push(`violation ${v.location.join('.')} ${v.message}`);

    // ---- Prism: the mocked response ----
    // The live API answers JSON whatever Accept says; Prism would negotiate (406 for text/html).
    const data = input.headers.accept === undefined ? input : { ...input, headers: withoutAccept(input.headers) };
    const result = mocker.default({ resource: op.resource, input: { data, validations: [] }, config: mockConfig })(logger);
    if (result._tag === 'Left') {
      const e = result.left;
      const status = prismErrorStatus(e);
      return sendMockControlError(res, ctx, status, `${e.message ?? e}${e.detail ? `: ${e.detail}` : ''}`);
    }
    const output = result.right;
    const documented = op.responses[String(output.statusCode)];
    if (documented?.tree && (mockConfig.dynamic || documented.examples.size === 0)) {
      output.body = stripWriteOnly(output.body, documented.tree);
    }
    if (output.headers) {
      for (const [name, value] of Object.entries(output.headers)) if (value !== null && value !== undefined) res.setHeader(name, value);
    }
    res.statusCode = output.statusCode;
    if (output.body === undefined) return res.end();
    if (addViolations && output.body && typeof output.body === 'object' && !Array.isArray(output.body)) {
      return endJson(res, JSON.stringify({ ...output.body, violations: reported }));
    }
    let payload = typeof output.body === 'object' && output.body !== null ? serialized.get(output.body) : undefined;
    if (payload === undefined) {
      payload = typeof output.body === 'string' ? output.body : JSON.stringify(output.body);
      if (typeof output.body === 'object' && output.body !== null) serialized.set(output.body, payload);
    }
    endJson(res, payload);
  }

  function sendNamedError(res, ctx, op, name, reported) {
    const named = namedError(index, op, name);
    setViolationHeader(res, reported);
    const status = named.status ?? 400;
    const accepts = named.status ? op.responses[String(named.status)]?.acceptsViolations : true;
    return sendJson(res, status, accepts ? { ...named.value, violations: reported } : named.value);
  }

  function sendMockControlError(res, ctx, status, message) {
    ctx.note = `mock: ${message}`;
    return sendJson(res, status, envelope(status, 'Mock request cannot be served', message));
  }

  const server = http.createServer((req, res) => {
    handle(req, res);
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    index,
    startupMs: () => performance.now() - started,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address());
        });
      }),
    close: () =>
      new Promise((resolve) => {
        log.flush();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
    flush: () => log.flush(),
  };

  // ---------------- validation proxy ----------------
  function createProxy({ upstream: upstreamUrl, logger: proxyLogger, resources: allResources }) {
    const parts = loadProxyParts();
    const original = new WeakMap();
    const prism = parts.factory(
      { isProxy: true, upstream: upstreamUrl, errors: false, validateRequest: true, validateResponse: true, checkSecurity: true, mock: { dynamic: false } },
      {
        logger: proxyLogger,
        route: parts.route,
        validateInput: validator.validateInput,
        validateOutput: validator.validateOutput,
        validateSecurity: validator.validateSecurity,
        mock: mocker.default,
        // Forward the request exactly as the client sent it (its casing, `region`, empty values);
        // the normalised copy is only what gets validated.
        forward: (args, baseUrl, upstreamProxy, resource) =>
          parts.forward({ ...args, data: original.get(args.data) ?? args.data }, baseUrl, upstreamProxy, resource),
      },
    );
    const config = { isProxy: true, upstream: upstreamUrl, errors: false, validateRequest: true, validateResponse: true, checkSecurity: true, mock: { dynamic: false } };

    function rawInput(req, { method, rawPath, search, rawBody }) {
      const query = {};
      for (const [name, value] of new URLSearchParams(search)) addValue(query, name, value);
      const headers = { ...req.headers, 'accept-encoding': 'identity' };
      for (const h of ['host', 'connection', 'transfer-encoding', 'keep-alive']) delete headers[h];
      if (rawBody) headers['content-length'] = String(Buffer.byteLength(rawBody));
      return { method, url: { path: rawPath, query }, headers, body: rawBody && method !== 'get' && method !== 'head' ? rawBody : undefined };
    }

    async function run(res, ctx, normalized, raw, resourcesForRoute) {
      original.set(normalized, raw);
      const result = await prism.request(normalized, resourcesForRoute, config)();
      if (result._tag === 'Left') {
        const e = result.left;
        ctx.note = `upstream error: ${e.message}`;
        res.setHeader('content-type', 'application/problem+json');
        res.statusCode = e.status && e.status !== 500 ? e.status : 502;
        return res.end(JSON.stringify({ type: 'UPSTREAM_ERROR', title: 'The upstream call failed', status: res.statusCode, detail: String(e.detail ?? e.message ?? e) }));
      }
      const { output, validations } = result.right;
      const requestViolations = validations.input.map((v) => toReported(v, 'request'));
      const responseViolations = validations.output.map((v) => toReported(v, 'response'));
      const all = [...requestViolations, ...responseViolations];
      if (all.length) setViolationHeader(res, all);
      const responseErrors = responseViolations.filter((v) => v.severity === 'Error');
      if (all.length) ctx.note = `${requestViolations.length} request / ${responseViolations.length} response violation(s)`;
      if (ctx.verbose) for (const v of all) ctx.verbose.push(`violation ${v.location.join('.')} ${v.message}`);
      if (errors && responseErrors.length > 0) {
        res.setHeader('content-type', 'application/problem+json');
        res.statusCode = 502;
        return res.end(
          JSON.stringify({
            type: 'VIOLATIONS',
            title: 'Response not valid',
            status: 502,
            detail: 'The upstream response does not conform to the spec, and errors are on (the default; pass --no-errors to relay it with only the sl-violations header).',
            validation: responseErrors,
            upstream: { status: output.statusCode, body: output.body },
          }),
        );
      }
      for (const [name, value] of Object.entries(output.headers ?? {})) {
        if (['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name.toLowerCase())) continue;
        if (value !== undefined && value !== null) res.setHeader(name, value);
      }
      res.statusCode = output.statusCode;
      if (output.body === undefined || output.body === null || output.body === '') return res.end();
      res.end(typeof output.body === 'string' ? output.body : JSON.stringify(output.body));
    }

    return {
      forward: (req, res, ctx, op, normalized, parts2) => run(res, ctx, normalized, rawInput(req, parts2), [op.resource]),
      forwardUnknown: (req, res, ctx, parts2) => {
        const raw = rawInput(req, parts2);
        return run(res, ctx, raw, raw, allResources);
      },
    };
  }
}

// ---------------- helpers ----------------

function withoutAccept(headers) {
  const copy = { ...headers };
  delete copy.accept;
  return copy;
}

const PRISM_ERROR_STATUS = { NOT_FOUND: 404, NOT_ACCEPTABLE: 406, UNPROCESSABLE_ENTITY: 422, INVALID_CONTENT_TYPE: 415, UNAUTHORIZED: 401 };
/** The status of a Prism mocker failure (some arrive as plain Errors naming the problem type). */
function prismErrorStatus(e) {
  if (e.status) return e.status;
  const type = /errors#([A-Z_]+)/.exec(`${e.name ?? ''} ${e.message ?? ''}`)?.[1];
  return PRISM_ERROR_STATUS[type] ?? 500;
}

function addValue(target, name, value) {
  const prev = target[name];
  if (prev === undefined) target[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else target[name] = [prev, value];
}

function mediaTypeAccepted(contentType, accepted) {
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

/** The body as text; null when over MAX_BODY, undefined when it could not be read. */
function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** Parses `Prefer: code=400, example=NAME, dynamic=true` (or Prism's __code / __example query). */
export function parsePrefer(header, control = {}) {
  const out = {};
  const raw = {};
  if (header) {
    for (const part of String(header).split(/[;,]/)) {
      const m = /^\s*([A-Za-z_-]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s]*)))?\s*$/.exec(part);
      if (m) raw[m[1].toLowerCase()] = m[2] ?? m[3] ?? '';
    }
  } else {
    Object.assign(raw, control);
  }
  if (raw.code !== undefined) {
    if (!/^\d{3}$/.test(raw.code)) return { error: `Prefer code must be a 3-digit HTTP status, got "${raw.code}".` };
    out.code = raw.code;
  }
  if (raw.example !== undefined) {
    if (raw.example === '') return { error: 'Prefer example needs a name: example=NAME.' };
    out.example = raw.example;
  }
  if (raw.dynamic !== undefined) {
    if (raw.dynamic !== 'true' && raw.dynamic !== 'false') return { error: `Prefer dynamic must be true or false, got "${raw.dynamic}".` };
    out.dynamic = raw.dynamic === 'true';
  }
  if (raw.seed !== undefined) out.seed = raw.seed;
  return out;
}

const MAX_SAFE_HEADER_LENGTH = 8 * 1024 - 100;
function setViolationHeader(res, reported) {
  let value = JSON.stringify(reported);
  if (value.length > MAX_SAFE_HEADER_LENGTH) value = `Too many violations! ${value.substring(0, MAX_SAFE_HEADER_LENGTH)}`;
  // Header values must be Latin-1; violations quote client input.
  res.setHeader('sl-violations', value.replace(/[^\x20-\x7e]/g, '?'));
}

function setCors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', '*');
}

function sendJson(res, status, body) {
  res.statusCode = status;
  endJson(res, JSON.stringify(body));
}

function endJson(res, payload) {
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

/** One write per event-loop turn (stdout to a pipe or file is synchronous on Linux). */
function createLineLogger(out) {
  let buffer = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (buffer) {
      const chunk = buffer;
      buffer = '';
      out.write(chunk);
    }
  };
  return {
    line(text) {
      buffer += `${text}\n`;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
