// The rules of the mock's error layer (mock/src/pipeline/errors.ts), one by one, on a small synthetic spec: which
// violation counts first, which field it is about, which documented example names that field, and what the mock
// says when none does. The tables in error-layer.test.ts and validation.test.ts check the outcome on the real spec;
// these pin each rule, so that a rule the real spec happens not to exercise today cannot break unnoticed (they
// were written for the survivors of `npm run mutate mock-errors`).
import { describe, expect, it } from 'vitest';
import { bodyErrorName, chooseErrorResponse, findDocumentedExample, missingCredentials, namedError, primaryViolation, toReported, violationField } from '../../mock/src/pipeline/errors.js';
import type { PrismInput, PrismViolation } from '../../mock/src/prism/prism.js';
import { buildIndex, type Operation, type SpecIndex } from '../../mock/src/spec/index.js';
import type { OpenApiDocument } from '../../mock/src/spec/load.js';

const error = (code: number, description: string) => ({ value: { ErrorCode: code, Message: `message ${code}`, Description: description } });
const errors = (status: string, examples: Record<string, ReturnType<typeof error>>) => ({
  [status]: { description: status, content: { 'application/json': { schema: { type: 'object' }, examples } } },
});

const SCHEMES = {
  apikey: { type: 'apiKey', in: 'query', name: 'apikey' },
  secret: { type: 'apiKey', in: 'header', name: 'X-LoginRadius-ApiSecret' },
  session: { type: 'apiKey', in: 'cookie', name: 'sid' },
  token: { type: 'apiKey', in: 'query', name: 'token' },
  bearer: { type: 'http', scheme: 'bearer' },
  basic: { type: 'http', scheme: 'basic' },
  anyHttp: { type: 'http' },
  m2m: { type: 'oauth2', flows: {} },
};

/** One operation per rule under test; `components.examples` only when `withComponents`. */
function specIndex(withComponents: boolean): SpecIndex {
  const op = (operationId: string, responses: object, security: object[] = [{ apikey: [] }], method = 'put') => ({ [method]: { operationId, security, responses: { '200': { description: 'ok' }, ...responses } } });
  const doc = {
    openapi: '3.1.0',
    info: { title: 'rules', version: '1' },
    components: {
      securitySchemes: SCHEMES,
      ...(withComponents ? { examples: { PARAMETER_NOT_FORMATTED: error(908, 'From the components.'), POST_BODY_INVALID: error(965, 'From the components.') } } : {}),
    },
    paths: {
      '/fields': op('fields', {
        ...errors('400', {
          PROFILE_REQUIRED: error(938, 'The Profile is a required parameter.'),
          EMAIL_WELLFORMED_REQUIRED: error(939, 'A well-formatted Email is required.'),
          PHONE_WELLFORMED_REQUIRED: error(948, 'A well-formatted Phone is required.'),
          EMAIL_REQUIRED: error(940, 'The Email is a required parameter.'),
          EMAIL_INVALID: error(941, 'The Email is not valid.'),
          EMAIL_TAKEN: error(942, 'The Email was already used.'),
          ADDRESS_MISSING: error(943, 'The Address is missing.'),
          ID_REQUIRED: error(944, 'The ID is a required parameter.'),
          X_MISSING: error(945, 'The x value is missing.'),
          JSON_PUT_BODY_REQUIRED: error(1079, 'Please use a valid put body.'),
        }),
        ...errors('403', { EMAIL_FORBIDDEN: error(946, 'The Email is not valid here.') }),
      }),
      '/ranked-400': op('ranked400', { ...errors('400', { PROFILE_REQUIRED: error(938, 'The Profile is a required parameter.') }), ...errors('403', { EMAIL_REQUIRED_403: error(947, 'The Email is a required parameter.') }) }),
      '/ranked-422': op('ranked422', { ...errors('422', { PROFILE_REQUIRED: error(938, 'The Profile is a required parameter.') }), ...errors('403', { EMAIL_REQUIRED_403: error(947, 'The Email is a required parameter.') }) }),
      '/credentials': op(
        'credentials',
        {
          ...errors('400', {
            APIKEY_INVALID: error(901, 'The apikey is not valid.'),
            APIKEY_REQUIRED: error(902, 'The apikey is a required parameter.'),
            TOKEN_REQUIRED: error(903, 'The token is a required parameter.'),
            AUTHORIZATION_REQUIRED: error(904, 'The Authorization header is a required parameter.'),
            SECRET_REQUIRED: error(905, 'The ApiSecret is a required parameter.'),
            BASIC_REQUIRED: error(906, 'The basic credentials are a required parameter.'),
          }),
          ...errors('401', { FIRST_401: error(401, 'Unauthorized.') }),
        },
        [{ apikey: [], bearer: [] }, { apikey: [], token: [] }, { apikey: [], secret: [] }, { apikey: [], basic: [] }],
      ),
      '/bearer-only': op(
        'bearerOnly',
        { ...errors('400', { ACCESS_TOKEN_REQUIRED: error(907, 'The access_token is a required parameter.') }) },
        [{ bearer: [] }],
      ),
      '/authorization-only': op('authorizationOnly', { ...errors('400', { AUTHORIZATION_REQUIRED: error(904, 'The Authorization header is a required parameter.') }) }, [{ bearer: [] }]),
      '/nothing-bearer': op('nothingBearer', {}, [{ bearer: [] }]),
      '/bare-401': op('bare401', { ...errors('401', { FIRST_401: error(401, 'Unauthorized.'), SECOND_401: error(402, 'Also unauthorized.') }) }),
      '/nothing-documented': op('nothing', {}),
      '/nothing-documented-delete': op('nothingDelete', {}, [{ apikey: [] }], 'delete'),
      '/things/{type}': op('thing', { ...errors('404', { NOT_HERE: error(404, 'Not here.'), RESOURCE_NOT_FOUND: error(404, 'Sorry, not found.') }) }),
      '/things-first/{type}': op('thingFirst', { ...errors('404', { NOT_HERE: error(404, 'Not here.'), ALSO_NOT_HERE: error(404, 'Not here either.') }) }),
    },
  };
  return buildIndex(doc as unknown as OpenApiDocument);
}

const index = specIndex(true);
const bare = specIndex(false);
const operation = (operationId: string, from = index): Operation => from.operations.find((o) => o.operationId === operationId)!;
const v = (location: Array<string | number> | undefined, code: string | number, message = '', severity: number | string = 0): PrismViolation => ({ ...(location ? { path: location } : {}), code, message, severity });
const input = (query: Record<string, string> = {}, headers: Record<string, string> = {}): PrismInput => ({ method: 'put', url: { path: '/', query }, headers });
const choose = (operationId: string, violations: PrismViolation[], given: PrismInput = input({ apikey: 'k' }), from = index) => chooseErrorResponse(from, operation(operationId, from), violations, given);

describe('named errors and their fallbacks', () => {
  it('takes the operation’s own documented example first, then the spec’s component, then the built-in one', () => {
    expect(namedError(index, operation('fields'), 'JSON_PUT_BODY_REQUIRED')).toEqual({ status: 400, name: 'JSON_PUT_BODY_REQUIRED', value: error(1079, 'Please use a valid put body.').value, documented: true });
    expect(namedError(index, operation('fields'), 'POST_BODY_INVALID')).toEqual({ status: null, name: 'POST_BODY_INVALID', value: error(965, 'From the components.').value, documented: false });
    expect(namedError(index, null, 'PARAMETER_NOT_FORMATTED').documented).toBe(false);
  });

  it('has a built-in LoginRadius envelope for every error the mock may need without a documented one', () => {
    const codes = { RESOURCE_NOT_FOUND: 404, JSON_PUT_BODY_REQUIRED: 1079, POST_BODY_INVALID: 965, DELETE_BODY_INVALID: 1084, CONTENT_TYPE_INVALID: 1083, PARAMETER_NOT_FORMATTED: 908, TOO_MANY_REQUESTS: 429 };
    for (const [name, code] of Object.entries(codes)) {
      const fallback = namedError(bare, null, name);
      expect(fallback, name).toMatchObject({ status: null, documented: false, value: { ErrorCode: code } });
      const value = fallback.value as { Message: string; Description: string };
      expect(value.Message.length, `${name} Message`).toBeGreaterThan(10);
      expect(value.Description.length, `${name} Description`).toBeGreaterThan(10);
    }
  });

  it('names the body error by method, as LoginRadius does', () => {
    expect(['put', 'post', 'delete', 'patch', 'get'].map(bodyErrorName)).toEqual(['JSON_PUT_BODY_REQUIRED', 'POST_BODY_INVALID', 'DELETE_BODY_INVALID', 'JSON_PUT_BODY_REQUIRED', 'POST_BODY_INVALID']);
  });

  it('reports violations in the sl-violations shape: location under a prefix, severity by name', () => {
    expect([0, 1, 2, 3].map((severity) => toReported({ severity, path: ['query', 'x'] }).severity)).toEqual(['Error', 'Warning', 'Information', 'Hint']);
    expect(toReported({ severity: 'Error', path: ['body', 'a'], code: 'type', message: 'm' })).toEqual({ location: ['request', 'body', 'a'], severity: 'Error', code: 'type', message: 'm' });
    expect(toReported({ severity: 0 }, 'response').location).toEqual(['response']);
  });
});

describe('which field a violation is about', () => {
  it('reads a missing field from Prism’s message on the parent, with the path down to it', () => {
    expect(violationField(v(['body', 'Profile'], 'required', "must have required property 'Email'"))).toEqual({ field: 'Email', location: 'body', missing: true, path: ['Profile', 'Email'] });
  });
  it('takes a required body with no path as the body itself, and a required query with no name as the query', () => {
    expect(violationField(v(undefined, 'required', 'Body parameter is required'))).toEqual({ field: null, location: 'body', missing: true, path: [] });
    expect(violationField(v(['query'], 'required', 'something else'))).toEqual({ field: 'query', location: 'query', missing: false, path: [] });
    expect(violationField(v(undefined, 'type', 'no path'))).toEqual({ field: null, location: undefined, missing: false, path: [] });
  });
  it('names the deepest field, skipping array indexes but not names with digits', () => {
    expect(violationField(v(['body', 'Items', 0, 'Name'], 'type'))).toEqual({ field: 'Name', location: 'body', missing: false, path: ['Items', 0, 'Name'] });
    expect(violationField(v(['body', 'Phone2', 12], 'type')).field).toBe('Phone2');
    expect(violationField(v(['body', '2fa'], 'type')).field).toBe('2fa');
  });
  it('names an unexpected property from Prism’s message', () => {
    expect(violationField(v(['body'], 'additionalProperties', "Request body must NOT have additional properties; found 'foo'")).field).toBe('foo');
    expect(violationField(v(['body', 'Profile'], 'additionalProperties', "must NOT have additional property, found 'bar'")).field).toBe('bar');
  });
});

describe('which violation answers', () => {
  it('none when there is no error', () => {
    expect(primaryViolation([])).toBeNull();
    expect(primaryViolation([v(['query', 'x'], 'deprecated', '', 1)])).toBeNull();
  });
  it('an error given by name counts like one given by number', () => {
    expect(primaryViolation([v(['query', 'x'], 'deprecated', '', 1), v(['query', 'y'], 'type', '', 'Error')])?.path).toEqual(['query', 'y']);
  });
  it('the path first, then credentials, then query, header and body', () => {
    const path = v(['path', 'type'], 'enum');
    const security = v(undefined, 401);
    const query = v(['query', 'q'], 'type');
    const header = v(['header', 'h'], 'type');
    const body = v(['body', 'b'], 'type');
    expect(primaryViolation([query, security, path])).toBe(path);
    expect(primaryViolation([body, query, security])).toBe(security);
    expect(primaryViolation([body, header, query])).toBe(query);
    expect(primaryViolation([body, header])).toBe(header);
    expect(primaryViolation([v(['cookie', 'c'], 'type'), body])?.path).toEqual(['cookie', 'c']);
  });
  it('within a location, one field before a composite rule it broke, and a wrong value before a field reported absent', () => {
    const wrong = v(['body', 'username'], 'type');
    for (const code of ['oneOf', 'anyOf', 'not']) expect(primaryViolation([v(['body'], code), wrong]), code).toBe(wrong);
    expect(primaryViolation([v(['body'], 'required', "must have required property 'email'"), wrong])).toBe(wrong);
  });
});

describe('which documented example names the field', () => {
  const fields = () => operation('fields');
  const name = (found: { name: string } | null) => found?.name ?? null;
  it('matches names in any spelling, and ignores one-letter terms', () => {
    expect(name(findDocumentedExample(fields(), ['E-MAIL'], { missing: true }))).toBe('EMAIL_REQUIRED');
    expect(name(findDocumentedExample(fields(), ['id'], { missing: true }))).toBe('ID_REQUIRED');
    expect(findDocumentedExample(fields(), ['x'])).toBeNull();
  });
  it('keeps to the statuses asked for', () => {
    expect(name(findDocumentedExample(fields(), ['Email'], { statuses: ['403'] }))).toBe('EMAIL_FORBIDDEN');
  });
  it('a wrong value takes an example about an invalid value, never one about a missing field', () => {
    expect(name(findDocumentedExample(fields(), ['Email'], { missing: false }))).toBe('EMAIL_INVALID');
  });
  it('a missing field takes an example about an absent field, preferring "is a required parameter" to "a well-formatted X is required"', () => {
    expect(name(findDocumentedExample(fields(), ['Email'], { missing: true }))).toBe('EMAIL_REQUIRED');
    expect(name(findDocumentedExample(fields(), ['Address'], { missing: true }))).toBe('ADDRESS_MISSING');
    expect(name(findDocumentedExample(fields(), ['used']))).toBe('EMAIL_TAKEN');
    expect(findDocumentedExample(fields(), ['used'], { missing: true })).toBeNull();
  });
  it('the field before its parent, even when the parent’s example reads better', () => {
    expect(name(findDocumentedExample(fields(), ['Email', 'Profile']))).toBe('EMAIL_WELLFORMED_REQUIRED');
    expect(name(findDocumentedExample(fields(), ['Phone', 'Profile'], { missing: true }))).toBe('PHONE_WELLFORMED_REQUIRED');
    expect(name(findDocumentedExample(fields(), ['Email', 'Profile'], { missing: true }))).toBe('EMAIL_REQUIRED');
    expect(name(findDocumentedExample(fields(), ['Unknown', 'Profile'], { missing: true }))).toBe('PROFILE_REQUIRED');
  });
});

describe('which credentials are missing', () => {
  const only = (scheme: keyof typeof SCHEMES, given: PrismInput) => {
    const op = { ...operation('credentials'), security: [[{ key: scheme, ...SCHEMES[scheme] }]] } as Operation;
    return missingCredentials(op, given).map((s) => s.key);
  };
  it('reads each kind of credential where its scheme puts it', () => {
    expect(only('apikey', input({ apikey: 'k' }))).toEqual([]);
    expect(only('apikey', input({ apikey: '' }))).toEqual(['apikey']);
    expect(only('secret', input({}, { 'x-loginradius-apisecret': 's' }))).toEqual([]);
    expect(only('secret', input({}, { 'X-LoginRadius-ApiSecret': 's' }))).toEqual(['secret']);
    expect(only('session', input({}, { cookie: 'other=1; sid=abc' }))).toEqual([]);
    expect(only('session', input({}, { cookie: 'sid=' }))).toEqual(['session']);
    expect(only('session', input())).toEqual(['session']);
    expect(only('bearer', input({}, { authorization: 'Bearer abc' }))).toEqual([]);
    expect(only('bearer', input({}, { authorization: 'Bearer ' }))).toEqual(['bearer']);
    expect(only('bearer', input({}, { authorization: 'Basic abc' }))).toEqual(['bearer']);
    expect(only('bearer', input())).toEqual(['bearer']);
    expect(only('anyHttp', input({}, { authorization: 'bearer abc' }))).toEqual([]);
    expect(only('anyHttp', input({}, { authorization: 'Basic abc' }))).toEqual(['anyHttp']);
    expect(only('m2m', input())).toEqual([]);
  });
  it('from the alternative closest to being satisfied (the first of equals)', () => {
    const op = operation('credentials');
    expect(missingCredentials(op, input()).map((s) => s.key)).toEqual(['apikey', 'bearer']);
    expect(missingCredentials(op, input({ apikey: 'k' })).map((s) => s.key)).toEqual(['bearer']);
    expect(missingCredentials(op, input({ apikey: 'k', token: 't' }))).toEqual([]);
    expect(missingCredentials({ ...op, security: [[{ key: 'a', ...SCHEMES.apikey }, { key: 'b', ...SCHEMES.secret }], [{ key: 'c', ...SCHEMES.token }]] } as Operation, input()).map((s) => s.key)).toEqual(['c']);
  });
});

describe('the answer to an invalid request', () => {
  const security = [v(undefined, 401)];
  it('a missing credential: the example naming it as absent, the Bearer one under the token’s own name', () => {
    expect(choose('credentials', security, input())).toEqual({ status: 400, exampleName: 'APIKEY_REQUIRED', field: 'apikey' });
    expect(choose('credentials', security)).toEqual({ status: 400, exampleName: 'TOKEN_REQUIRED', field: 'bearer' });
  });
  it('a missing API secret header by its short name, and a non-Bearer scheme by its key', () => {
    const secretFirst = { ...operation('credentials'), security: [[{ key: 'secret', ...SCHEMES.secret }]] } as Operation;
    expect(chooseErrorResponse(index, secretFirst, security, input())).toEqual({ status: 400, exampleName: 'SECRET_REQUIRED', field: 'X-LoginRadius-ApiSecret' });
    const basicOnly = { ...operation('credentials'), security: [[{ key: 'basic', ...SCHEMES.basic }]] } as Operation;
    expect(chooseErrorResponse(index, basicOnly, security, input())).toEqual({ status: 400, exampleName: 'BASIC_REQUIRED', field: 'basic' });
  });
  it('a missing Bearer token without another way to send it: the example naming access_token, or Authorization', () => {
    expect(choose('bearerOnly', security, input())).toEqual({ status: 400, exampleName: 'ACCESS_TOKEN_REQUIRED', field: 'bearer' });
    expect(choose('authorizationOnly', security, input())).toEqual({ status: 400, exampleName: 'AUTHORIZATION_REQUIRED', field: 'bearer' });
  });
  it('a credential no example names: the first documented 401, else a 908 naming it', () => {
    expect(choose('nothingBearer', security, input())!.body?.Description).toBe('The bearer is a required parameter.');
    // Present but refused (Prism's 401 with nothing missing): the 908 can only speak of the credentials.
    expect(choose('nothing', security, input({ apikey: 'k' }))!.body?.Description).toBe('The credentials is a required parameter.');
    expect(choose('bare401', security, input())).toEqual({ status: 401, exampleName: 'FIRST_401', field: null });
    expect(choose('nothing', security, input())).toEqual({ status: 401, body: { ErrorCode: 908, Message: 'A parameter is not formatted correctly', Description: 'The apikey is a required parameter.' }, field: 'apikey' });
  });
  it('an unknown path value: the documented 404, RESOURCE_NOT_FOUND when there is one', () => {
    expect(choose('thing', [v(['path', 'type'], 'enum')])).toEqual({ status: 404, exampleName: 'RESOURCE_NOT_FOUND', field: 'type' });
    expect(choose('thingFirst', [v(['path', 'type'], 'enum')])).toEqual({ status: 404, exampleName: 'NOT_HERE', field: 'type' });
    expect(choose('nothing', [v(['path', 'type'], 'enum')])).toMatchObject({ status: 400, body: { ErrorCode: 908 }, field: 'type' });
  });
  it('no body: the body error of the method, documented or built in', () => {
    expect(choose('fields', [v(undefined, 'required', 'Body parameter is required')])).toEqual({ status: 400, exampleName: 'JSON_PUT_BODY_REQUIRED', field: 'body' });
    expect(choose('nothingDelete', [v(undefined, 'required', 'Body parameter is required')], undefined, bare)).toMatchObject({ status: 400, body: { ErrorCode: 1084 }, field: 'body' });
  });
  it('an empty string or list reads as missing; a wrong value as invalid; a format error by the format too', () => {
    expect(choose('fields', [v(['body', 'Email'], 'minLength', 'must NOT have fewer than 1 characters')])).toEqual({ status: 400, exampleName: 'EMAIL_REQUIRED', field: 'Email' });
    expect(choose('fields', [v(['body', 'Email'], 'minItems', 'must NOT have fewer than 1 items')])).toEqual({ status: 400, exampleName: 'EMAIL_REQUIRED', field: 'Email' });
    expect(choose('fields', [v(['body', 'Email'], 'type', 'must be string')])).toEqual({ status: 400, exampleName: 'EMAIL_INVALID', field: 'Email' });
    expect(choose('fields', [v(['body', 'Contact'], 'format', 'must match format "email"')])).toEqual({ status: 400, exampleName: 'EMAIL_INVALID', field: 'Contact' });
  });
  it('a missing field no example names: the example of its nearest parent', () => {
    expect(choose('fields', [v(['body', 'Profile', 'Address', 0], 'required', "must have required property 'City'")])).toEqual({ status: 400, exampleName: 'ADDRESS_MISSING', field: 'City' });
    expect(choose('fields', [v(['body', 'Profile'], 'required', "must have required property 'City'")])).toEqual({ status: 400, exampleName: 'PROFILE_REQUIRED', field: 'City' });
  });
  it('400 and 422 examples before others, even when another status names the field itself', () => {
    const missingEmail = [v(['body', 'Profile'], 'required', "must have required property 'Email'")];
    expect(choose('ranked400', missingEmail)).toEqual({ status: 400, exampleName: 'PROFILE_REQUIRED', field: 'Email' });
    expect(choose('ranked422', missingEmail)).toEqual({ status: 422, exampleName: 'PROFILE_REQUIRED', field: 'Email' });
  });
  it('no documented example: a 908 whose Description names the field and what is wrong with it', () => {
    const body = (violation: PrismViolation, from = index) => (choose('nothing', [violation], undefined, from) as { body: { ErrorCode: number; Description: string } }).body;
    expect(body(v(['body', 'Profile', 'Phone'], 'type', 'Request body property Profile.Phone must be string'))).toEqual({ ErrorCode: 908, Message: 'message 908', Description: 'The Profile.Phone is not formatted correctly: it must be string.' });
    expect(body(v(['query', 'count'], 'type', 'no reason given')).Description).toBe('The count is not formatted correctly.');
    expect(body(v(['query'], 'type', 'must be integer')).Description).toBe('The query is not formatted correctly: it must be integer.');
    expect(body(v(['body'], 'required', "must have required property 'Email'")).Description).toBe('The Email is a required parameter.');
    expect(body(v(['body', 'Profile', 'Phone'], 'type', 'must be string'), bare)).toEqual({ ErrorCode: 908, Message: 'A parameter is not formatted correctly', Description: 'The Profile.Phone is not formatted correctly: it must be string.' });
  });
});
