import type { AdminHandler, JournalEntry, LightAdminHandler, Responder } from '../pipeline/types.js';
import { type FlowsOptions } from './options.js';
export type { FlowsOptions } from './options.js';
export { FIXTURE_PASSWORD, FIXTURE_PIN, FIXTURE_USERS } from './fixtures.js';
export interface Flows {
    responders: Responder[];
    admin: AdminHandler;
    /** The admin routes without Fetch objects (what the core calls). */
    adminCall: LightAdminHandler;
    onJournal: (entry: JournalEntry) => void;
    /** The operations the journeys answer (all others fall through to the examples). */
    operations: readonly string[];
}
/** Header on every flows answer saying what the flow did, like WireMock's matched-stub header. */
export declare const FLOW_NOTE_HEADER = "x-mock-flow";
export declare function createFlows(options: FlowsOptions): Flows;
