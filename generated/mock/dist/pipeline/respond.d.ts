import type { SpecIndex } from '../spec/index.js';
import { type Exchange, type Reply } from './exchange.js';
import { type FaultPlan } from './faults.js';
import type { Preference } from './prefer.js';
import type { Responder } from './types.js';
export interface RespondOptions {
    index: SpecIndex;
    responders: Responder[];
    dynamic: boolean;
}
export declare function respond(options: RespondOptions, ex: Exchange, prefer: Preference, plan: FaultPlan, valid: boolean): Promise<Reply>;
