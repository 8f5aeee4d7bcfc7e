// Flows mode: the mock plays a LoginRadius tenant's MFA, step-up and passwordless journeys, with state per API
// key. The pipeline loads this module for `--flows` and calls `createFlows`: its responder answers the
// operations the journeys model (after Prism has validated the request), its admin handler serves /__mock/,
// and it keeps the journal the pipeline reports.
import { createAdminHandlers } from './admin.js';
import { DocumentedAnswers } from './documented.js';
import { enrolmentSteps } from './journeys/enrolment.js';
import { Reply } from './journeys/context.js';
import { loginSteps } from './journeys/login.js';
import { manageSteps } from './journeys/manage.js';
import { passwordlessSteps } from './journeys/passwordless.js';
import { stepUpSteps } from './journeys/step-up.js';
import { resolveOptions } from './options.js';
import { TenantStore } from './store.js';
import { StateLimitError } from './tenant.js';
export { FIXTURE_PASSWORD, FIXTURE_PIN, FIXTURE_USERS } from './fixtures.js';
const STEPS = { ...loginSteps, ...enrolmentSteps, ...stepUpSteps, ...passwordlessSteps, ...manageSteps };
/** Header on every flows answer saying what the flow did, like WireMock's matched-stub header. */
export const FLOW_NOTE_HEADER = 'x-mock-flow';
export function createFlows(options) {
    const resolved = resolveOptions(options);
    const answers = new DocumentedAnswers(options.spec);
    const missing = Object.keys(STEPS).filter((operationId) => !answers.has(operationId));
    if (missing.length)
        throw new Error(`flows: the spec lacks operations the journeys answer: ${missing.join(', ')}`);
    const store = new TenantStore(resolved);
    const notes = new PendingNotes();
    const responder = (req) => {
        const step = STEPS[req.operationId];
        if (!step || req.apiKey === undefined)
            return undefined;
        const response = run(step, req);
        notes.add(req.apiKey, req.operationId, response);
        return response;
    };
    function run(step, req) {
        let tenant;
        try {
            tenant = store.tenant(req.apiKey);
        }
        catch (error) {
            if (error instanceof StateLimitError)
                return limitReached(req, error);
            throw error;
        }
        const ctx = { req, tenant, answers, options: resolved, note: '' };
        let response;
        try {
            response = step(ctx);
        }
        catch (error) {
            if (error instanceof Reply)
                response = error.response;
            else if (error instanceof StateLimitError)
                return limitReached(req, error);
            else
                throw error;
        }
        return withNote(response, ctx.note);
    }
    // Every operation documents 429 TOO_MANY_REQUESTS: the honest answer when a bound of the state is reached.
    const limitReached = (req, error) => withNote(answers.error(req.operationId, ['TOO_MANY_REQUESTS']), `limit: ${error.message}`);
    const admin = createAdminHandlers(store, resolved);
    return {
        responders: [responder],
        admin: admin.handle,
        adminCall: admin.call,
        onJournal(entry) {
            if (entry.apiKey === undefined)
                return;
            let tenant;
            try {
                tenant = store.tenant(entry.apiKey);
            }
            catch (error) {
                if (error instanceof StateLimitError)
                    return; // no room for another API key's journal
                throw error;
            }
            tenant.journal.push({ ...entry, note: notes.take(entry) ?? entry.note });
        },
        operations: Object.keys(STEPS),
    };
}
function withNote(response, note) {
    // Header values must be Latin-1; notes are plain ASCII, this only guards against a slip.
    return { ...response, headers: { ...response.headers, [FLOW_NOTE_HEADER]: note.replace(/[^\x20-\x7e]/g, '?') } };
}
/**
 * The notes of answered requests, waiting for their journal entries. The pipeline reports a responder's answer
 * as "responder"; the entry is matched back to the note by API key, operation and status (oldest first).
 */
class PendingNotes {
    pending = [];
    add(apiKey, operationId, response) {
        this.pending.push({ key: `${apiKey}\u0000${operationId}\u0000${response.status}`, note: `flows: ${response.headers?.[FLOW_NOTE_HEADER] ?? ''}` });
        if (this.pending.length > 256)
            this.pending.shift();
    }
    take(entry) {
        const key = `${entry.apiKey}\u0000${entry.operationId}\u0000${entry.status}`;
        const index = this.pending.findIndex((p) => p.key === key);
        return index < 0 ? undefined : this.pending.splice(index, 1)[0].note;
    }
}
