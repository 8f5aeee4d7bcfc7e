// The rules of the mock's normalise stage (mock/src/pipeline/normalise.ts) and of the body renaming it calls
// (canonicalizeBody), one by one, on a small synthetic spec: how the live API's case-insensitive names, SDK
// habits and stray bodies reach Prism. casing.test.ts checks the outcome over the real spec; these pin each rule
// (they were written for the survivors of `npm run mutate mock-normalise`).
import { describe, expect, it } from 'vitest';
import { newExchange, type Exchange, type Reply } from '../../mock/src/pipeline/exchange.js';
import { normalise } from '../../mock/src/pipeline/normalise.js';
import { canonicalizeBody } from '../../mock/src/spec/body-names.js';
import { buildIndex, type SpecIndex } from '../../mock/src/spec/index.js';
import type { OpenApiDocument } from '../../mock/src/spec/load.js';

const error = (code: number, description: string) => ({ value: { ErrorCode: code, Message: `message ${code}`, Description: description } });
const BODY_SCHEMA = {
  type: 'object',
  properties: {
    email: { type: 'string' },
    Profile: { type: 'object', properties: { FirstName: { type: 'string' }, Phones: { type: 'array', items: { type: 'object', properties: { PhoneId: { type: 'string' } } } } } },
  },
  additionalProperties: { type: 'object', properties: { Inner: { type: 'string' } } },
};

function specIndex(): SpecIndex {
  const responses = (extra: object = {}) => ({ '200': { description: 'ok' }, ...extra });
  const body = (media: Record<string, object>) => ({ required: true, content: media });
  const doc = {
    openapi: '3.1.0',
    info: { title: 'rules', version: '1' },
    components: { securitySchemes: { apikey: { type: 'apiKey', in: 'query', name: 'apikey' } } },
    security: [{ apikey: [] }],
    paths: {
      '/login': {
        post: {
          operationId: 'login',
          parameters: [
            { name: 'verificationUrl', in: 'query', schema: { type: 'string' } },
            { name: 'isVoiceOtp', in: 'query', schema: { type: 'boolean' } },
            { name: 'X-PreventWebhook', in: 'header', schema: { type: 'boolean' } },
            { name: 'X-Note', in: 'header', schema: { type: 'string' } },
          ],
          requestBody: body({ 'application/json; charset=utf-8': { schema: BODY_SCHEMA } }),
          responses: responses({
            '400': { description: 'bad', content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { ErrorCode: {}, Message: {}, Description: {} } }, examples: { CONTENT_TYPE_INVALID: error(1083, 'Use a valid content type.') } } } },
          }),
        },
      },
      '/regional': { get: { operationId: 'regional', parameters: [{ name: 'region', in: 'query', schema: { type: 'string' } }], responses: responses() } },
      '/no-body': { get: { operationId: 'noBody', responses: responses() } },
      '/text': { put: { operationId: 'text', requestBody: body({ 'text/*': { schema: { type: 'string' } }, 'Application/XML ; charset=utf-8': { schema: { type: 'string' } } }), responses: responses() } },
      '/anything': { put: { operationId: 'anything', requestBody: body({ '*/*': { schema: { type: 'string' } } }), responses: responses() } },
    },
  };
  return buildIndex(doc as unknown as OpenApiDocument);
}

const index = specIndex();

interface Sent {
  target: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  verbose?: boolean;
}

/** Runs the normalise stage as the pipeline would after routing to `operationId`. */
function run(operationId: string, { target, method = 'post', headers = {}, body, verbose = false }: Sent): { ex: Exchange; result: { control: Record<string, string> } | Reply } {
  const op = index.operations.find((o) => o.operationId === operationId)!;
  const ex = newExchange({ method, target, headers, hasBody: body !== undefined, text: async () => body }, verbose);
  ex.op = op;
  ex.canonicalPath = op.path;
  ex.pathParams = {};
  ex.rawBody = body ?? '';
  return { ex, result: normalise(index, ex) };
}

const replyBody = (result: unknown) => JSON.parse((result as Reply).body!) as Record<string, unknown>;

describe('query names and values', () => {
  it('renames parameters in any casing, turns booleans to lower case, drops empty values and keeps unknown names', () => {
    const { ex, result } = run('login', { target: '/login?APIKEY=k&VerificationURL=u&isvoiceotp=TRUE&Unknown=1&verificationurl=&isVoiceOtp=yes', body: '{}', verbose: true });
    expect(result).toEqual({ control: {} });
    expect(ex.input!.url.query).toEqual({ apikey: 'k', verificationUrl: 'u', isVoiceOtp: ['true', 'yes'], Unknown: '1' });
    expect(ex.normalised!.apiKey).toBe('k');
    expect(ex.verbose).toEqual(expect.arrayContaining(['query APIKEY -> apikey', 'query VerificationURL -> verificationUrl', 'query isvoiceotp -> isVoiceOtp']));
    expect(ex.verbose!.filter((line) => line.startsWith('query'))).toHaveLength(3);
  });
  it('leaves a non-boolean parameter’s TRUE alone, a boolean’s near-misses too, and says nothing of renames when not verbose', () => {
    const { ex } = run('login', { target: '/login?apikey=k&verificationUrl=TRUE&isVoiceOtp=NOTRUE&isVoiceOtp=FALSEY', body: '{}' });
    expect(ex.input!.url.query).toEqual({ apikey: 'k', verificationUrl: 'TRUE', isVoiceOtp: ['NOTRUE', 'FALSEY'] });
    expect(ex.verbose).toBeNull();
  });
  it('drops the region SDKs add, in any casing, unless the operation declares it', () => {
    expect(run('login', { target: '/login?apikey=k&region=eu&REGION=us', body: '{}' }).ex.input!.url.query).toEqual({ apikey: 'k' });
    expect(run('regional', { target: '/regional?apikey=k&Region=eu', method: 'get' }).ex.input!.url.query).toEqual({ apikey: 'k', region: 'eu' });
  });
  it('takes Prism’s query controls out of the query', () => {
    const { ex, result } = run('login', { target: '/login?apikey=k&__code=400&__example=X&__dynamic=true&__seed=s', body: '{}' });
    expect(result).toEqual({ control: { code: '400', example: 'X', dynamic: 'true', seed: 's' } });
    expect(ex.input!.url.query).toEqual({ apikey: 'k' });
  });
  it('finds the API key in the query first (the first of repeated ones), then in either header', () => {
    expect(run('login', { target: '/login?apikey=a&apikey=b', body: '{}', headers: { apikey: 'h' } }).ex.normalised!.apiKey).toBe('a');
    expect(run('login', { target: '/login', body: '{}', headers: { apikey: 'h' } }).ex.normalised!.apiKey).toBe('h');
    expect(run('login', { target: '/login', body: '{}', headers: { 'x-loginradius-apikey': 'x' } }).ex.normalised!.apiKey).toBe('x');
    expect(run('login', { target: '/login', body: '{}' }).ex.normalised!.apiKey).toBeUndefined();
  });
});

describe('headers', () => {
  it('lower-cases a boolean header sent as True or FALSE, keeping the others and the request’s own headers', () => {
    const sent = { 'x-preventwebhook': 'TRUE', 'x-note': 'TRUE', 'content-length': '2' };
    const { ex } = run('login', { target: '/login?apikey=k', body: '{}', headers: sent });
    expect(ex.input!.headers).toEqual({ 'x-preventwebhook': 'true', 'x-note': 'TRUE', 'content-length': '2' });
    expect(sent['x-preventwebhook']).toBe('TRUE');
  });
  it('leaves a boolean header already in lower case, or not a boolean, as sent', () => {
    const sent = { 'x-preventwebhook': 'false', 'content-length': '2' };
    expect(run('login', { target: '/login?apikey=k', body: '{}', headers: sent }).ex.input!.headers).toBe(sent);
    expect(run('login', { target: '/login?apikey=k', body: '{}', headers: { 'x-preventwebhook': 'Yes' } }).ex.input!.headers['x-preventwebhook']).toBe('Yes');
  });
});

describe('bodies', () => {
  it('ignores a body, and its Content-Type, where the operation takes none', () => {
    const sent = { 'content-type': 'application/json', 'content-length': '2', 'transfer-encoding': 'chunked', 'x-note': 'n' };
    const { ex } = run('noBody', { target: '/no-body?apikey=k', method: 'get', body: '{}', headers: sent });
    expect(ex.input!.headers).toEqual({ 'x-note': 'n' });
    expect(ex.input!.body).toBeUndefined();
    expect(sent['content-type']).toBe('application/json');
  });
  it('drops the Content-Type the Node SDK v11 puts on a GET without a body', () => {
    expect(run('noBody', { target: '/no-body?apikey=k', method: 'get', headers: { 'content-type': 'application/json' } }).ex.input!.headers).toEqual({});
    const untouched = { 'x-note': 'n' };
    expect(run('noBody', { target: '/no-body?apikey=k', method: 'get', headers: untouched }).ex.input!.headers).toBe(untouched);
  });
  it('treats an empty body where one is expected as no body', () => {
    const { ex } = run('login', { target: '/login?apikey=k', headers: { 'content-type': 'application/json' } });
    expect(ex.input!.body).toBeUndefined();
    expect(ex.input!.headers).toEqual({});
  });
  it('parses JSON sent without a Content-Type or with one in any casing, and adds the Content-Length Prism reads', () => {
    const unnamed = run('login', { target: '/login?apikey=k', body: '{"email":"é@x"}' }).ex;
    expect(unnamed.input!.body).toEqual({ email: 'é@x' });
    expect(unnamed.input!.headers['content-length']).toBe('16');
    const cased = run('login', { target: '/login?apikey=k', body: '{"email":"a"}', headers: { 'content-type': 'Application/JSON; Charset=UTF-8', 'content-length': '99' } }).ex;
    expect(cased.input!.body).toEqual({ email: 'a' });
    expect(cased.input!.headers['content-length']).toBe('99');
  });
  it('renames body properties to the spec’s spelling, and says so when verbose', () => {
    const { ex } = run('login', { target: '/login?apikey=k', body: '{"EMAIL":"a","profile":{"firstname":"f"}}', verbose: true });
    expect(ex.input!.body).toEqual({ email: 'a', Profile: { FirstName: 'f' } });
    expect(ex.normalised!.body).toBe(ex.input!.body);
    expect(ex.verbose).toContain('body /EMAIL -> email, /profile -> Profile, /Profile/firstname -> FirstName');
    expect(run('login', { target: '/login?apikey=k', body: '{"email":"a"}', verbose: true }).ex.verbose!.some((l) => l.startsWith('body'))).toBe(false);
  });
  it('answers malformed JSON with the method’s body error, naming the parse failure', () => {
    const { ex, result } = run('login', { target: '/login?apikey=k', body: '{"email":' });
    expect(ex.note).toBe('malformed JSON');
    expect((result as Reply).status).toBe(400);
    const body = replyBody(result);
    expect(body).toMatchObject({ ErrorCode: 965 });
    expect(body.violations).toEqual([{ location: ['request', 'body'], severity: 'Error', code: 'parse', message: expect.stringMatching(/^Request body is not valid JSON: \S/) }]);
    expect(JSON.parse(ex.headers['sl-violations']!)).toEqual(body.violations);
  });
  it('passes a non-JSON body through as text', () => {
    expect(run('text', { target: '/text?apikey=k', method: 'put', body: 'plain words', headers: { 'content-type': 'text/plain' } }).ex.input!.body).toBe('plain words');
  });
});

describe('content types', () => {
  const status = (operationId: string, contentType: string) => {
    const { result } = run(operationId, { target: '/x?apikey=k', method: operationId === 'login' ? 'post' : 'put', body: '{}', headers: { 'content-type': contentType } });
    return 'control' in result ? 'accepted' : (result as Reply).status;
  };
  it('accepts the listed type (parameters aside), its +json relatives for JSON, wildcards; refuses the rest', () => {
    expect(status('login', 'application/json')).toBe('accepted');
    expect(status('login', 'application/vnd.api+json')).toBe('accepted');
    expect(status('login', 'application/xml')).toBe(400);
    expect(status('login', 'text/json')).toBe(400);
    expect(status('login', 'application/jsonx')).toBe(400);
    expect(status('login', 'application/vnd.api+jsonx')).toBe(400);
    expect(status('login', 'text/vnd.api+json')).toBe(400);
    expect(status('login', 'Application/JSON ;charset=utf-8')).toBe('accepted');
    expect(status('text', 'application/vnd.api+json')).toBe(400);
    expect(status('text', 'application/xml')).toBe('accepted');
    expect(status('text', 'text/plain')).toBe('accepted');
    expect(status('text', 'image/plain')).toBe(400);
    expect(status('anything', 'image/png')).toBe('accepted');
  });
  it('answers a refused type with the documented CONTENT_TYPE_INVALID, without violations where its schema allows no extra field', () => {
    const { ex, result } = run('login', { target: '/login?apikey=k', body: '{}', headers: { 'content-type': 'application/xml' } });
    expect(ex.note).toBe('content-type application/xml not accepted');
    expect(replyBody(result)).toEqual(error(1083, 'Use a valid content type.').value);
    expect(JSON.parse(ex.headers['sl-violations']!)).toEqual([{ location: ['request', 'header', 'content-type'], severity: 'Error', code: 415, message: 'Supported content types: application/json; charset=utf-8' }]);
  });
  it('answers with the built-in envelope and its violations where the operation documents none', () => {
    const { result } = run('text', { target: '/text?apikey=k', method: 'put', body: 'x', headers: { 'content-type': 'image/png' } });
    expect((result as Reply).status).toBe(400);
    expect(replyBody(result)).toMatchObject({ ErrorCode: 1083, violations: [{ code: 415, message: 'Supported content types: text/*, Application/XML ; charset=utf-8' }] });
  });
});

describe('canonicalizeBody', () => {
  const tree = index.operations.find((o) => o.operationId === 'login')!.bodyTree;
  it('returns the very same value when every name is already right', () => {
    const body = { email: 'a', Profile: { FirstName: 'f', Phones: [{ PhoneId: '1' }] }, Extra: { Inner: 'i' } };
    expect(canonicalizeBody(body, tree, null)).toBe(body);
  });
  it('renames at any depth, in arrays and additional properties, keeping order, values and untouched parts', () => {
    const phones = [{ PhoneId: '1' }];
    const renamed: string[] = [];
    const out = canonicalizeBody({ x: 1, y: 2, EMAIL: 'a', profile: { Phones: phones, firstname: 'f' }, Extra: { inner: 'i' } }, tree, renamed) as Record<string, unknown>;
    expect(out).toEqual({ x: 1, y: 2, email: 'a', Profile: { Phones: [{ PhoneId: '1' }], FirstName: 'f' }, Extra: { Inner: 'i' } });
    expect(Object.keys(out)).toEqual(['x', 'y', 'email', 'Profile', 'Extra']);
    expect((out.Profile as { Phones: unknown }).Phones).toBe(phones);
    expect(renamed).toEqual(['/EMAIL -> email', '/profile -> Profile', '/Profile/firstname -> FirstName', '/Extra/inner -> Inner']);
  });
  it('renames inside array items, copying only the array that changed', () => {
    const renamed: string[] = [];
    const out = canonicalizeBody({ Profile: { PHONES: [{ PhoneId: '1' }, { phoneid: '2' }] } }, tree, renamed);
    expect(out).toEqual({ Profile: { Phones: [{ PhoneId: '1' }, { PhoneId: '2' }] } });
    expect(renamed).toEqual(['/Profile/PHONES -> Phones', '/Profile/Phones/1/phoneid -> PhoneId']);
  });
  it('keeps both spellings when the exact one is also sent, and leaves non-objects alone', () => {
    const both = { email: 'a', EMAIL: 'b' };
    expect(canonicalizeBody(both, tree, null)).toBe(both);
    expect(canonicalizeBody('text', tree, null)).toBe('text');
    expect(canonicalizeBody(null, tree, null)).toBeNull();
    const body = { EMAIL: 'a' };
    expect(canonicalizeBody(body, null, null)).toBe(body);
  });
});
