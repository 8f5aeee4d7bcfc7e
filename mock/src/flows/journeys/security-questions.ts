// Security questions as a second factor: reading the answers a request gives, and checking them.
import { SITE_SECURITY_QUESTIONS } from '../fixtures.js';
import type { User } from '../users.js';
import { bodyValue, fail, type FlowContext } from './context.js';

interface GivenAnswer {
  QuestionId: string;
  Answer: string;
}

/** The `securityquestionanswer` list of the body (the contract guarantees its shape). */
export function givenAnswers(ctx: FlowContext): GivenAnswer[] {
  const list = bodyValue(ctx, 'securityquestionanswer');
  return Array.isArray(list) ? (list as GivenAnswer[]) : [];
}

const normalise = (answer: string) => answer.trim().toLowerCase();

/** Checks answers against the user's: every question must be one of theirs, every answer right (case ignored). */
export function checkAnswers(user: User, given: GivenAnswer[]): 'ok' | 'unknown-question' | 'wrong' {
  if (given.some((a) => !user.securityAnswers.has(a.QuestionId))) return 'unknown-question';
  return given.every((a) => normalise(a.Answer) === normalise(user.securityAnswers.get(a.QuestionId)!)) ? 'ok' : 'wrong';
}

/** Stores the given answers as the user's security questions (IDs of the site's catalogue) and turns the factor on. */
export function setAnswers(ctx: FlowContext, user: User): void {
  const given = givenAnswers(ctx);
  const unknown = given.find((a) => !(a.QuestionId in SITE_SECURITY_QUESTIONS));
  if (unknown) fail(ctx, `no question ${unknown.QuestionId} on this site (${Object.keys(SITE_SECURITY_QUESTIONS).join(', ')})`, 'SECURITY_QUESTION_NOT_VALID');
  user.securityAnswers = new Map(given.map((a) => [a.QuestionId, a.Answer]));
  user.enabled.securityquestions = true;
}
