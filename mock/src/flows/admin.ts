// The admin API under /__mock/ (described in openapi/mock-admin.yaml): the outbox, the journal, reset, users
// and the clock, each for one API key. Two doors to the same routes: Fetch-shaped (Request in, Response out)
// for embedders, and a light call (AdminCall in, AdminAnswer out) that the core uses, because building Fetch
// objects cost the outbox read of every benchmark journey about a third of its time. Bad input is a 4xx
// problem+json naming the field.
import { timingSafeEqual } from 'node:crypto';
import type { AdminAnswer, AdminCall, AdminHandler, LightAdminHandler } from '../pipeline/types.js';
import type { ResolvedOptions } from './options.js';
import type { TenantStore } from './store.js';
import { ConflictError, StateLimitError, type Tenant } from './tenant.js';
import { SITE_SECURITY_QUESTIONS } from './fixtures.js';
import { FACTORS, type User, type UserSpec } from './users.js';

export const ADMIN_PREFIX = '/__mock/';

class BadInput extends Error {
  constructor(
    readonly status: number,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 415: 'Unsupported Media Type', 429: 'Too Many Requests' };

function json(body: unknown, status = 200): AdminAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function problem(status: number, detail: string, field?: string, headers: Record<string, string> = {}): AdminAnswer {
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...(field ? { field } : {}) };
  return { status, headers: { 'content-type': 'application/problem+json', ...headers }, body: JSON.stringify(body) };
}

/** Query parameters, names matched case-insensitively as the API's are. */
function queryOf(url: URL): Map<string, string> {
  const query = new Map<string, string>();
  for (const [name, value] of url.searchParams) if (!query.has(name.toLowerCase())) query.set(name.toLowerCase(), value);
  return query;
}

function apiKeyOf(query: Map<string, string>): string {
  const key = query.get('apikey');
  if (key === undefined || key === '') throw new BadInput(400, 'apikey', 'the apikey query parameter is required: state is kept per API key');
  return key;
}

function integerParam(query: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new BadInput(400, name, `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

function jsonBody(call: AdminCall): Record<string, unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(call.headers['content-type'] ?? '')) throw new BadInput(415, 'content-type', 'send the body as application/json');
  const text = call.body;
  if (text.length > 64 * 1024) throw new BadInput(400, 'body', 'the body is larger than 64 KiB');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new BadInput(400, 'body', `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadInput(400, 'body', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

// Users

const USER_FIELDS = ['uid', 'email', 'username', 'phone', 'password', 'pin', 'firstName', 'lastName', 'factors', 'authenticatorSecret', 'backupCodes', 'securityAnswers'] as const;
const FACTOR_NAMES = [...FACTORS, 'backupcodes'] as const;
const FORMATS: Partial<Record<(typeof USER_FIELDS)[number], [RegExp, string]>> = {
  uid: [/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and dashes (at most 64)'],
  email: [/^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/, 'an email address'],
  phone: [/^\+[1-9]\d{6,14}$/, 'an E.164 phone number such as +15550000001'],
  authenticatorSecret: [/^(?:[A-Z2-7]{8}){4,8}$/, 'Base32 (A-Z, 2-7) of 32 to 64 characters in groups of 8 (20 to 40 bytes)'],
};

/** Checks a `POST /__mock/users` body field by field. */
export function parseUserSpec(body: Record<string, unknown>): UserSpec {
  for (const key of Object.keys(body)) if (!(USER_FIELDS as readonly string[]).includes(key)) throw new BadInput(400, key, `unknown field ${key}; the fields are ${USER_FIELDS.join(', ')}`);
  const spec: UserSpec = {};
  for (const field of ['uid', 'email', 'username', 'phone', 'password', 'pin', 'firstName', 'lastName', 'authenticatorSecret'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '' || value.length > 256) throw new BadInput(400, field, `${field} must be a non-empty string of at most 256 characters`);
    const format = FORMATS[field];
    if (format && !format[0].test(value)) throw new BadInput(400, field, `${field} must be ${format[1]}`);
    spec[field] = value;
  }
  if (spec.email === undefined && spec.username === undefined && spec.phone === undefined) throw new BadInput(400, 'email', 'give at least one of email, username or phone');
  if (body.factors !== undefined) {
    if (!Array.isArray(body.factors) || body.factors.some((f) => !(FACTOR_NAMES as readonly unknown[]).includes(f)))
      throw new BadInput(400, 'factors', `factors must be an array of ${FACTOR_NAMES.join(', ')}`);
    spec.factors = body.factors as UserSpec['factors'];
    if (spec.factors!.includes('sms') && spec.phone === undefined) throw new BadInput(400, 'phone', 'the sms factor needs a phone');
    if (spec.factors!.includes('email') && spec.email === undefined) throw new BadInput(400, 'email', 'the email factor needs an email');
  }
  if (body.securityAnswers !== undefined) {
    const answers = body.securityAnswers;
    const questions = Object.keys(SITE_SECURITY_QUESTIONS);
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers) || Object.keys(answers).length === 0 || Object.entries(answers).some(([id, a]) => !questions.includes(id) || typeof a !== 'string' || a === '' || a.length > 256))
      throw new BadInput(400, 'securityAnswers', `securityAnswers must map question IDs (${questions.join(', ')}) to non-empty answers`);
    spec.securityAnswers = answers as Record<string, string>;
  }
  if (spec.factors?.includes('securityquestions') && spec.securityAnswers === undefined) throw new BadInput(400, 'securityAnswers', 'the securityquestions factor needs securityAnswers');
  if (body.backupCodes !== undefined) {
    const codes = body.backupCodes;
    if (!Array.isArray(codes) || codes.length < 1 || codes.length > 10 || codes.some((c) => typeof c !== 'string' || !/^[A-Za-z0-9-]{4,32}$/.test(c)))
      throw new BadInput(400, 'backupCodes', 'backupCodes must be 1 to 10 strings of 4 to 32 letters, digits or dashes');
    spec.backupCodes = codes as string[];
  }
  return spec;
}

function userSummary(user: User) {
  return {
    uid: user.uid,
    email: user.email ?? null,
    username: user.username ?? null,
    phone: user.phone ?? null,
    factors: FACTORS.filter((f) => user.enabled[f]),
    mfaPhone: user.mfaPhone ?? null,
    authenticatorSecret: user.authenticatorSecret,
    backupCodes: [...user.backupCodes],
    securityAnswers: Object.fromEntries(user.securityAnswers),
    hasPassword: user.password !== undefined,
  };
}

// Routes

type Route = (call: AdminCall, query: Map<string, string>) => AdminAnswer;

export interface AdminHandlers {
  /** Fetch-shaped, for embedders and tests. */
  handle: AdminHandler;
  /** Without Fetch objects: what the core calls. */
  call: LightAdminHandler;
}

export function createAdminHandlers(store: TenantStore, options: ResolvedOptions): AdminHandlers {
  const tenantFor = (query: Map<string, string>): Tenant => {
    try {
      return store.tenant(apiKeyOf(query));
    } catch (error) {
      if (error instanceof StateLimitError) throw new BadInput(429, 'apikey', error.message);
      throw error;
    }
  };

  const routes: Record<string, Partial<Record<string, Route>>> = {
    outbox: {
      GET: (_call, query) => {
        const apiKey = apiKeyOf(query);
        const to = query.get('to')?.toLowerCase();
        const channel = query.get('channel');
        if (channel !== undefined && channel !== 'sms' && channel !== 'email') throw new BadInput(400, 'channel', 'channel must be sms or email');
        const limit = integerParam(query, 'limit', 1, options.limits.outboxPerKey);
        const messages = store.existing(apiKey)?.outbox.newest((m) => (to === undefined || m.to.toLowerCase() === to) && (channel === undefined || m.channel === channel), limit) ?? [];
        return json({ apiKey, count: messages.length, messages });
      },
    },
    journal: {
      GET: (_call, query) => {
        const apiKey = apiKeyOf(query);
        const operationId = query.get('operationid');
        const status = integerParam(query, 'status', 100, 599);
        const sinceRaw = query.get('since');
        const since = sinceRaw === undefined ? undefined : Date.parse(sinceRaw);
        if (since !== undefined && Number.isNaN(since)) throw new BadInput(400, 'since', `since must be an ISO 8601 date-time, got ${JSON.stringify(sinceRaw)}`);
        const limit = integerParam(query, 'limit', 1, options.limits.journalPerKey);
        const entries =
          store.existing(apiKey)?.journal.newest((e) => (operationId === undefined || e.operationId === operationId) && (status === undefined || e.status === status) && (since === undefined || Date.parse(e.at) >= since), limit) ?? [];
        return json({ apiKey, count: entries.length, entries });
      },
    },
    reset: {
      POST: (_call, query) => {
        if (query.get('all') === 'true') return json({ reset: store.reset() });
        if (query.has('all') && query.get('all') !== 'false') throw new BadInput(400, 'all', 'all must be true or false');
        return json({ reset: store.reset(apiKeyOf(query)) });
      },
    },
    users: {
      GET: (_call, query) => json({ users: tenantFor(query).allUsers().map(userSummary) }),
      POST: (call, query) => {
        const tenant = tenantFor(query);
        const spec = parseUserSpec(jsonBody(call));
        try {
          return json(userSummary(tenant.addUser(spec)), 201);
        } catch (error) {
          if (error instanceof ConflictError) throw new BadInput(409, error.field, error.message);
          if (error instanceof StateLimitError) throw new BadInput(429, 'apikey', error.message);
          throw error;
        }
      },
    },
    clock: {
      GET: (_call, query) => json({ now: new Date(tenantFor(query).now()).toISOString() }),
      POST: (call, query) => {
        const tenant = tenantFor(query);
        const body = jsonBody(call);
        for (const key of Object.keys(body)) if (key !== 'advanceSeconds') throw new BadInput(400, key, `unknown field ${key}; send {"advanceSeconds": N}`);
        const seconds = body.advanceSeconds;
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > 10 * 365 * 86400)
          throw new BadInput(400, 'advanceSeconds', 'advanceSeconds must be an integer from 1 to 315360000 (ten years); the clock only moves forward');
        tenant.clock.advance(seconds * 1000);
        return json({ now: new Date(tenant.now()).toISOString() });
      },
    },
  };

  const call: LightAdminHandler = (request) => {
    const url = request.url;
    if (!url.pathname.startsWith(ADMIN_PREFIX)) return undefined;
    const denied = checkAccess(request, options);
    if (denied) return denied;
    const name = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
    const methods = routes[name];
    if (!methods) return problem(404, `no admin route /__mock/${name}; the routes are ${Object.keys(routes).map((r) => `/__mock/${r}`).join(', ')}`);
    const route = methods[request.method.toUpperCase()];
    if (!route) return problem(405, `/__mock/${name} takes ${Object.keys(methods).join(', ')}`, undefined, { allow: Object.keys(methods).join(', ') });
    try {
      return route(request, queryOf(url));
    } catch (error) {
      if (error instanceof BadInput) return problem(error.status, error.message, error.field);
      throw error;
    }
  };

  const handle: AdminHandler = async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const answer = call({ method: request.method, url: new URL(request.url), headers, body: hasBody ? await request.text() : '' });
    return answer && new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
  };

  return { handle, call };
}

/** Loopback-bound mocks need no token; otherwise the admin API stays shut unless a token is configured. */
function checkAccess(request: AdminCall, options: ResolvedOptions): AdminAnswer | undefined {
  const expected = options.admin.token;
  if (expected === undefined) {
    const loopback = options.admin.boundToLoopback;
    return (typeof loopback === 'function' ? loopback() : loopback)
      ? undefined
      : problem(403, 'the admin API is off: the mock is not bound to a loopback address and no admin token is configured');
  }
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? request.headers['x-mock-admin-token'] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return problem(401, 'send the admin token as Authorization: Bearer <token> or X-Mock-Admin-Token', 'authorization');
  return undefined;
}
