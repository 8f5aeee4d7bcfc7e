// The Arazzo workflows of openapi/arazzo/, run with `redocly respect` against the mock of the bundled spec:
//  - each file lints clean, uses only operations of the bundle, and checks status AND content in every step;
//  - every workflow passes: every step ran, against the mock, and every check held;
//  - what a step sends is what the workflow says: inputs, and the outputs of earlier steps;
//  - a broken copy (a status the mock does not answer; a content criterion turned around) is reported as
//    failing, on exactly the mutated check, so a workflow that cannot hold does not pass silently.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { operations, repoRoot, type Json } from '../support/spec.js';
import { arazzoDir, arazzoFiles, fromBody, mockInputs, readArazzo, redoclyCli, respect, writeVariant, type RespectRun } from './respect.js';

const TIMEOUT = 90_000;
// Workflows whose later steps must consume an earlier step's output (the second-factor token; the
// validation token). Passwordless by phone needs none: the verify step sends the phone and the code again.
const CHAINED = new Set(['mfaLoginWithSms', 'stepUpWithOtp']);
const scratch = path.join(repoRoot, '.tmp', `workflows-test-${process.pid}`);
let mock: RunningMock;

beforeAll(async () => {
  fs.mkdirSync(scratch, { recursive: true });
  mock = await startMock();
});
afterAll(async () => {
  await mock?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const operationIds = new Set(operations.map((o) => o.operationId));
const opId = (step: Json) => String(step.operationId ?? '').replace(/^\$sourceDescriptions\.[^.]+\./, '');
const isStatusCriterion = (c: Json) => !c.type && /^\$statusCode\s*==\s*\d{3}$/.test(c.condition);
const isContentCriterion = (c: Json) => String(c.context ?? c.condition).includes('$response.body');
const failedChecks = (step: Json) => step.checks.filter((c: Json) => !c.passed).map((c: Json) => c.condition ?? c.name);
const describeRun = (run: RespectRun) => `respect exited with ${run.code}:\n${run.output}`;

it('has the workflows of issue 5 item 3', () => {
  expect(arazzoFiles).toEqual(expect.arrayContaining(['mfa-login.arazzo.yaml', 'passwordless-phone-login.arazzo.yaml', 'step-up.arazzo.yaml']));
});

describe.each(arazzoFiles)('%s', (file) => {
  const doc = readArazzo(file);
  const filePath = path.join(arazzoDir, file);
  const report = (name: string) => path.join(scratch, `${file}.${name}.json`);
  let happy: Promise<RespectRun> | undefined;
  const happyRun = () => (happy ??= respect(filePath, mock.baseUrl, report('happy')));

  it('passes redocly lint --lint-config=error', async () => {
    const lint = await redoclyCli(['lint', '--lint-config=error', filePath]);
    expect(lint.code, lint.output).toBe(0);
  }, TIMEOUT);

  it('uses operations of the bundled spec, and checks status and content in every step', () => {
    expect(doc.sourceDescriptions).toEqual([{ name: 'loginradius', type: 'openapi', url: '../../generated/openapi.yaml' }]);
    for (const workflow of doc.workflows) {
      expect(workflow.steps.length, workflow.workflowId).toBeGreaterThan(1);
      for (const step of workflow.steps) {
        expect(operationIds, `${step.stepId} uses ${opId(step)}, which generated/openapi.json lacks`).toContain(opId(step));
        expect(step.successCriteria.filter(isStatusCriterion), `${step.stepId}: a $statusCode criterion`).toHaveLength(1);
        expect(step.successCriteria.some(isContentCriterion), `${step.stepId}: a $response.body criterion`).toBe(true);
      }
    }
  });

  it('passes against the mock: every workflow, step and check', async () => {
    const run = await happyRun();
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.report?.status, describeRun(run)).toBe('success');
    expect(run.workflows.map((w) => w.workflowId)).toEqual(doc.workflows.map((w: Json) => w.workflowId));
    for (const [i, workflow] of run.workflows.entries()) {
      expect(workflow.status).toBe('success');
      expect(workflow.executedSteps.map((s: Json) => s.stepId)).toEqual(doc.workflows[i].steps.map((s: Json) => s.stepId));
      for (const step of workflow.executedSteps) {
        expect(step.request.url.startsWith(`${mock.baseUrl}/`), `${step.stepId} went to ${step.request.url}`).toBe(true);
        expect(step.response.statusCode).toBe(200);
        expect(failedChecks(step), step.stepId).toEqual([]);
        // respect's own checks ran too: the status is documented, the body matches the 200 schema.
        expect(step.checks.map((c: Json) => c.name)).toEqual(expect.arrayContaining(['status code check', 'schema check']));
      }
    }
  }, TIMEOUT);

  it('sends the inputs and the outputs of earlier steps where the workflow says', async () => {
    const run = await happyRun();
    expect(run.code, describeRun(run)).toBe(0);
    for (const [i, executed] of run.workflows.entries()) {
      const declared = doc.workflows[i];
      const stepsById = new Map(declared.steps.map((s: Json) => [s.stepId, s]));
      const executedById = new Map(executed.executedSteps.map((s: Json) => [s.stepId, s]));
      // What an expression stands for: an input, or an earlier step's output read off its response body.
      const resolve = (expression: unknown): unknown => {
        if (typeof expression !== 'string') return expression;
        const input = /^\$inputs\.(\w+)$/.exec(expression);
        if (input) return mockInputs[input[1]];
        const output = /^\$steps\.(\w+)\.outputs\.(\w+)$/.exec(expression);
        if (output) {
          const producer = stepsById.get(output[1]) as Json;
          return fromBody(producer.outputs[output[2]], (executedById.get(output[1]) as Json).response.body);
        }
        return expression;
      };
      let flows = 0;
      for (const step of declared.steps) {
        const { request } = executedById.get(step.stepId) as Json;
        const url = new URL(request.url);
        for (const p of step.parameters ?? []) {
          const value = resolve(p.value);
          expect(value, `${step.stepId}: ${p.name} resolves`).toBeDefined();
          if (String(p.value).startsWith('$steps.')) flows++;
          if (p.in === 'query') expect(url.searchParams.get(p.name), `${step.stepId}: query ${p.name}`).toBe(String(value));
          if (p.in === 'path') expect(url.pathname.split('/').map(decodeURIComponent), `${step.stepId}: path ${p.name}`).toContain(String(value));
          if (p.in === 'header') expect(request.headers[p.name.toLowerCase()], `${step.stepId}: header ${p.name}`).toBe(String(value));
        }
        for (const [key, expression] of Object.entries(step.requestBody?.payload ?? {})) {
          if (String(expression).startsWith('$steps.')) flows++;
          expect(request.body[key], `${step.stepId}: body ${key}`).toBe(resolve(expression));
        }
        // x-security: the API key in the query, the access token or the API secret in a (masked) header.
        for (const security of step['x-security'] ?? []) {
          if (security.schemeName === 'ApiKey') expect(url.searchParams.get('apikey')).toBe(resolve(security.values.apiKey));
          if (security.schemeName === 'BearerToken') expect(request.headers.authorization).toMatch(/^Bearer \S+/);
          if (security.schemeName === 'ApiSecretHeader') expect(request.headers['x-loginradius-apisecret']).toBeTruthy();
        }
      }
      if (CHAINED.has(declared.workflowId))
        expect(flows, `${declared.workflowId}: a later step uses an earlier step's output`).toBeGreaterThan(0);
    }
  }, TIMEOUT);

  it('fails when the last step expects a status the API does not answer', async () => {
    const variant = writeVariant(file, scratch, 'wrong-status', (d) => {
      const steps = d.workflows[0].steps;
      const criterion = steps.at(-1).successCriteria.find(isStatusCriterion);
      criterion.condition = '$statusCode == 201';
    });
    const run = await respect(variant, mock.baseUrl, report('wrong-status'));
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.report?.status).not.toBe('success');
    const executed = run.workflows[0];
    expect(executed.status).not.toBe('success');
    const steps = executed.executedSteps;
    expect(steps.map((s: Json) => s.stepId)).toEqual(doc.workflows[0].steps.map((s: Json) => s.stepId));
    for (const step of steps.slice(0, -1)) expect(failedChecks(step), step.stepId).toEqual([]);
    expect(failedChecks(steps.at(-1))).toEqual(['$statusCode == 201']);
  }, TIMEOUT);

  it('fails when a response-content criterion cannot hold', async () => {
    let flipped = '';
    let flippedStep = '';
    const variant = writeVariant(file, scratch, 'wrong-content', (d) => {
      for (const step of d.workflows[0].steps) {
        const criterion = step.successCriteria.find((c: Json) => !c.type && isContentCriterion(c) && /[!=]=/.test(c.condition));
        if (!criterion) continue;
        criterion.condition = criterion.condition.includes('!=')
          ? criterion.condition.replace('!=', '==')
          : criterion.condition.replace('==', '!=');
        flipped = criterion.condition;
        flippedStep = step.stepId;
        return;
      }
    });
    expect(flipped, 'a simple $response.body criterion to turn around').not.toBe('');
    const run = await respect(variant, mock.baseUrl, report('wrong-content'));
    expect(run.code, describeRun(run)).not.toBe(0);
    const executed = run.workflows[0];
    expect(executed.status).not.toBe('success');
    const step = executed.executedSteps.find((s: Json) => s.stepId === flippedStep);
    expect(step, `${flippedStep} ran`).toBeDefined();
    expect(step.response.statusCode).toBe(200);
    expect(failedChecks(step)).toEqual([flipped]);
  }, TIMEOUT);
});

describe.runIf(arazzoFiles.includes('mfa-login.arazzo.yaml'))('mfa-login.arazzo.yaml against a login without MFA', () => {
  it('fails on the missing SecondFactorAuthenticationToken, not on the status', async () => {
    const variant = writeVariant('mfa-login.arazzo.yaml', scratch, 'no-mfa', (d) => {
      const login = d.workflows[0].steps[0];
      login.parameters.find((p: Json) => p.name === 'Prefer').value = 'code=200, example=LoginCompleted';
    });
    const run = await respect(variant, mock.baseUrl, path.join(scratch, 'mfa-login.no-mfa.json'));
    expect(run.code, describeRun(run)).not.toBe(0);
    const [login, ...rest] = run.workflows[0].executedSteps;
    expect(rest, 'the OTP step does not run').toEqual([]);
    expect(login.response.statusCode).toBe(200);
    const checks = (name: string) => login.checks.filter((c: Json) => c.name === name);
    // The status, the status list and the schema hold (a completed login is a valid 200)...
    for (const name of ['status code check', 'content-type check', 'schema check']) expect(checks(name).every((c: Json) => c.passed), name).toBe(true);
    expect(checks('success criteria check').filter((c: Json) => c.passed).map((c: Json) => c.condition)).toEqual(['$statusCode == 200']);
    // ...only the content criteria on the second-factor token fail.
    expect(checks('success criteria check').filter((c: Json) => !c.passed).map((c: Json) => c.condition)).toEqual([
      '$response.body#/SecondFactorAuthenticationToken != null',
      '^[0-9a-fA-F-]{32,36}$',
    ]);
  }, TIMEOUT);
});
