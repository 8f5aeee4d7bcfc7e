import type { Exchange, Reply } from './exchange.js';
import type { Redactor } from './redact.js';
import type { JournalEntry } from './types.js';
export interface LogOptions {
    quiet: boolean;
    verbose: boolean;
    redactor: Redactor;
    /** Receives text ending in a newline. */
    sink: (text: string) => void;
    onJournal?: (entry: JournalEntry) => void;
}
export declare function log(options: LogOptions, ex: Exchange, reply: Reply): void;
