import type { MockResponse } from '../../pipeline/types.js';
import { type Factor, type User } from '../users.js';
import { type FlowContext, type Step } from './context.js';
/** Turns a factor off. Resetting the authenticator also forgets its secret, so set-up starts afresh. */
export declare function resetFactor(ctx: FlowContext, user: User, factor: Factor): MockResponse;
/** The legacy reset: DELETE /2fa/authenticator with `{"authenticator": true}` or `{"otpauthenticator": true}`. */
export declare function legacyResetFactor(ctx: FlowContext, user: User): MockResponse;
/** Issues ten backup codes. `replace` voids the old ones; otherwise existing codes are the documented 1127. */
export declare function backupCodes(ctx: FlowContext, user: User, replace: boolean): MockResponse;
export declare const enrolmentSteps: Record<string, Step>;
