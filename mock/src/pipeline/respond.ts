// Stage: respond. In order: the injected fault (429 / 503 / reset), the LoginRadius error for an invalid
// request, then the responders (flows...) unless `Prefer` asked for a code or an example, and finally
// the spec's examples. Delivery faults (truncate, drip) and delays wrap whatever answered.
import { stripWriteOnly } from '../spec/body-names.js';
import type { SpecIndex } from '../spec/index.js';
import { chooseErrorResponse } from './errors.js';
import { jsonReply, textReply, type Exchange, type Reply } from './exchange.js';
import { serveExample } from './examples.js';
import { injectedError, type FaultPlan } from './faults.js';
import type { Preference } from './prefer.js';
import type { MockResponse, Responder } from './types.js';

export interface RespondOptions {
  index: SpecIndex;
  responders: Responder[];
  dynamic: boolean;
}

export async function respond(options: RespondOptions, ex: Exchange, prefer: Preference, plan: FaultPlan, valid: boolean): Promise<Reply> {
  const { index } = options;
  const op = ex.op!;
  if (plan.fault === 'reset') {
    ex.note = 'injected reset';
    return { status: 0, headers: {}, fault: 'reset' };
  }
  if (plan.status) return injectedError(index, ex, plan.status, plan.retryAfter, prefer.example);

  const code = prefer.code;
  const exampleKey = prefer.example;
  if (!valid && !(code !== undefined && !code.startsWith('2'))) {
    // Invalid, and the client did not explicitly ask for an error response: answer as LoginRadius would.
    const chosen = chooseErrorResponse(index, op, ex.violations, ex.input!)!;
    ex.note = `invalid: ${chosen.field ?? 'request'}${chosen.exampleName ? ` -> ${chosen.exampleName}` : ''}`;
    if (chosen.body) return jsonReply(ex, chosen.status, { ...chosen.body, violations: ex.reported });
    return serveExample(ex, { dynamic: false, code: chosen.status, exampleKey: chosen.exampleName }, op.responses[String(chosen.status)]?.acceptsViolations ?? false);
  }

  if (code === undefined && exampleKey === undefined) {
    for (const responder of options.responders) {
      const answer = await responder(ex.normalised!);
      if (answer) return fromMockResponse(ex, answer);
    }
  }
  return serveExample(ex, { dynamic: prefer.dynamic ?? options.dynamic, seed: prefer.seed, code: code === undefined ? undefined : Number(code), exampleKey }, false);
}

/** A responder's answer; writeOnly values are removed (at any depth) as from any generated body. */
function fromMockResponse(ex: Exchange, answer: MockResponse): Reply {
  for (const [name, value] of Object.entries(answer.headers ?? {})) ex.headers[name.toLowerCase()] = value;
  ex.note ||= 'responder';
  if (answer.body === undefined) return textReply(ex, answer.status, undefined);
  const contentType = ex.headers['content-type'];
  if (typeof answer.body === 'string' && contentType !== undefined && !/json/i.test(contentType)) return textReply(ex, answer.status, answer.body);
  const tree = ex.op!.responses[String(answer.status)]?.tree ?? null;
  return jsonReply(ex, answer.status, JSON.stringify(stripWriteOnly(answer.body, tree)));
}
