import { TenantClock } from './clock.js';
import type { JournalEntry } from '../pipeline/types.js';
import type { ResolvedOptions } from './options.js';
import { type Random } from './random.js';
import { type User, type UserSpec } from './users.js';
export type TokenRecord = {
    kind: 'access';
    uid: string;
    expiresAt: number;
    wrongReauthCodes: number;
    reauthLocked: boolean;
} | {
    kind: 'second-factor';
    uid: string;
    expiresAt: number;
    wrongCodes: number;
    locked: boolean;
    pendingPhone?: string;
} | {
    kind: 'validation';
    uid: string;
    expiresAt: number;
    via: 'mfa' | 'password' | 'pin';
    consumedAt?: number;
} | {
    kind: 'passwordless-link';
    uid: string;
    expiresAt: number;
    consumedAt?: number;
};
export type TokenKind = TokenRecord['kind'];
export interface IssuedCode {
    code: string;
    uid: string;
    /** The address or number it was sent to. */
    to: string;
    expiresAt: number;
    /** Wrong guesses so far; at the wrong-code limit the code is voided, so it cannot be brute-forced. */
    wrongGuesses?: number;
}
export type CodeCheck = 'ok' | 'wrong' | 'expired';
export interface OutboxMessage {
    channel: 'sms' | 'email';
    to: string;
    template: string;
    code?: string;
    link?: string;
    /** The verification token the link carries. */
    token?: string;
    operationId: string;
    at: string;
}
/** A bound of the tenant's state was reached (answered with the documented 429). */
export declare class StateLimitError extends Error {
}
/** An identifier is already taken by another user of the tenant. */
export declare class ConflictError extends Error {
    readonly field: string;
    constructor(field: string, message: string);
}
/** A ring that keeps only its newest `capacity` items: O(1) to add, and reads stop at their limit. */
declare class Bounded<T> {
    private readonly capacity;
    private readonly items;
    /** Once full, the slot of the oldest item, which the next push overwrites. */
    private oldest;
    constructor(capacity: number);
    push(item: T): void;
    /** Newest first: the first `limit` items that `keep` accepts. */
    newest(keep?: (item: T) => boolean, limit?: number): T[];
    get size(): number;
}
export declare class Tenant {
    readonly apiKey: string;
    private readonly options;
    readonly clock: TenantClock;
    readonly random: Random;
    readonly outbox: Bounded<OutboxMessage>;
    readonly journal: Bounded<JournalEntry>;
    private readonly users;
    private readonly logins;
    private readonly tokens;
    private readonly codes;
    private lastSweep;
    lastUsed: number;
    constructor(apiKey: string, options: ResolvedOptions);
    now(): number;
    addUser(spec: UserSpec): User;
    user(uid: string): User | undefined;
    findUser(by: 'email' | 'username' | 'phone', value: string): User | undefined;
    allUsers(): User[];
    issueToken(token: string, record: TokenRecord): string;
    token(token: string): TokenRecord | undefined;
    deleteToken(token: string): void;
    issueCode(purpose: string, code: IssuedCode): void;
    /** Checks a code and, when it is right, consumes it in the same step. */
    takeCode(purpose: string, given: string, matchesTo?: string): CodeCheck;
    liveCode(purpose: string): IssuedCode | undefined;
    get liveCount(): number;
    /**
     * Drops tokens and codes that expired more than 15 minutes ago, at most every 30 s of tenant time. At the
     * limit (`force`), every expired one goes.
     */
    sweep(force?: boolean): void;
    private makeRoom;
}
export {};
