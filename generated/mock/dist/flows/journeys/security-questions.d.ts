import type { User } from '../users.js';
import { type FlowContext } from './context.js';
interface GivenAnswer {
    QuestionId: string;
    Answer: string;
}
/** The `securityquestionanswer` list of the body (the contract guarantees its shape). */
export declare function givenAnswers(ctx: FlowContext): GivenAnswer[];
/** Checks answers against the user's: every question must be one of theirs, every answer right (case ignored). */
export declare function checkAnswers(user: User, given: GivenAnswer[]): 'ok' | 'unknown-question' | 'wrong';
/** Stores the given answers as the user's security questions (IDs of the site's catalogue) and turns the factor on. */
export declare function setAnswers(ctx: FlowContext, user: User): void;
export {};
