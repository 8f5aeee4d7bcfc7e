import type { SpecIndex } from '../spec/index.js';
import { type ReportedViolation } from './errors.js';
import { type Exchange, type Reply } from './exchange.js';
/** Sets ex.input (for Prism) and ex.normalised (for responders); returns a reply for an unreadable body. */
export declare function normalise(index: SpecIndex, ex: Exchange): {
    control: Record<string, string>;
} | Reply;
/** A named LoginRadius error (the operation's documented one when it has it) with Prism-style violations. */
export declare function namedErrorReply(index: SpecIndex, ex: Exchange, name: string, reported: ReportedViolation[]): Reply;
