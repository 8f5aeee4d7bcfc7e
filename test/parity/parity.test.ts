// Parity with LoginRadius's official OpenAPI file (scripts/parity.mjs over openapi/parity/official-operations.json):
// the bundle holds every one of the file's MFA, step-up, passwordless and MFA-configuration operations, their
// parameters, their request-body fields and their stated constraints; and the measure notices when one goes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/parity.mjs';
import { repoRoot, spec } from '../support/spec.js';

const official = JSON.parse(fs.readFileSync(path.join(repoRoot, 'openapi', 'parity', 'official-operations.json'), 'utf8'));
const clone = () => structuredClone(spec);

describe('the extract of the official file', () => {
  it('holds the 71 operations of the six families, each once', () => {
    const counts = Object.fromEntries(official.families.map((f: string) => [f, official.operations.filter((o: { family: string }) => o.family === f).length]));
    expect(counts).toEqual({ 'Step-up': 12, 'MFA with access token': 18, 'MFA at login': 16, 'MFA by UID': 8, Passwordless: 8, 'MFA configuration': 9 });
    const keys = official.operations.map((o: { method: string; path: string }) => `${o.method} ${o.path.toLowerCase()}`);
    expect(new Set(keys).size).toBe(71);
  });
});

describe('the bundle against it', () => {
  const result = measure(spec, official);

  it('covers 71/71 operations, 327/327 parameters and 343/343 request-body fields', () => {
    expect(result.totals).toEqual({ operations: [71, 71], parameters: [327, 327], bodyFields: [343, 343] });
  });

  it('misses no required field and no oneOf-of-required the file states', () => {
    expect(result.missing).toEqual({ operations: [], parameters: [], bodyFields: [], required: [], compositions: [] });
  });

  it('lists where the bundle is stricter, and each such schema says why in its description', () => {
    expect(result.stricter.length).toBeGreaterThan(0);
    for (const line of result.stricter) expect(line).toMatch(/: (requires \S+|oneOf of required .+)$/);
  });
});

describe('the measure', () => {
  it('counts a removed operation, with its parameters and body fields, as missing', () => {
    const edited = clone();
    delete edited.paths['/v2/manage/2fa/config'].put;
    const result = measure(edited, official);
    expect(result.totals.operations).toEqual([70, 71]);
    expect(result.missing.operations).toEqual(['PUT /v2/manage/2fa/config']);
    expect(result.missing.bodyFields).toContain('PUT /v2/manage/2fa/config: IsPasskeyMFAEnabled');
  });

  it('counts a removed query parameter as missing', () => {
    const edited = clone();
    const get = edited.paths['/identity/v2/auth/account/reauth/2fa'].get;
    get.parameters = get.parameters.filter((p: { $ref?: string }) => !String(p.$ref).endsWith('/SmsTemplate2FA'));
    expect(measure(edited, official).missing.parameters).toEqual(['GET /identity/v2/auth/account/reauth/2fa: query smstemplate2fa']);
  });

  it('notices when the step-up verify body loses its oneOf of required codes', () => {
    const edited = clone();
    const schema = edited.components.schemas.ReauthMfaRequest;
    for (const part of schema.allOf) delete part.oneOf;
    expect(measure(edited, official).missing.compositions).toEqual([
      'PUT /identity/v2/auth/account/reauth/2fa/{type}: oneOf of required [otp] | [backupcode] | [authenticatorcode] | [googleauthenticatorcode]',
    ]);
  });
});
